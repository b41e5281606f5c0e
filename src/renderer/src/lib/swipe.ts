export type Swipe = 'next' | 'previous';

export interface PointerPosition {
  readonly x: number;
  readonly y: number;
}

/** A swipe needs to be a deliberate sideways movement, not a shaky tap or a vertical scroll. */
export const SWIPE_MIN_DISTANCE = 80;

/** Left-to-right reading: a swipe to the left brings the next slide, as turning a page does. */
export function classifySwipe(
  start: PointerPosition,
  end: PointerPosition,
  rightToLeft = false,
): Swipe | undefined {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  if (Math.abs(dx) < SWIPE_MIN_DISTANCE || Math.abs(dx) < Math.abs(dy) * 1.5) return undefined;
  const towardsNext = rightToLeft ? dx > 0 : dx < 0;
  return towardsNext ? 'next' : 'previous';
}
