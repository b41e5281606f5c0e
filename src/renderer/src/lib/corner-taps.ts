import { createEventWindow } from '../../../shared/event-window';

export interface CornerTapRule {
  /** Taps needed in a row. */
  readonly taps: number;
  /** All of them within this long. */
  readonly withinMs: number;
  /** Size of the top-left square that counts, in CSS pixels. */
  readonly cornerSize: number;
}

/** Five taps in the top-left corner within three seconds: deliberate, and nothing a patient does by chance. */
export const STAFF_GESTURE: CornerTapRule = { taps: 5, withinMs: 3000, cornerSize: 120 };

/**
 * Returns a function to call with every tap; it answers true on the tap that completes the
 * gesture. A tap anywhere else starts the count again. Pure: time is passed in.
 */
export function createCornerTapDetector(rule: CornerTapRule = STAFF_GESTURE) {
  const taps = createEventWindow(rule.withinMs);
  return (x: number, y: number, now: number): boolean => {
    if (x > rule.cornerSize || y > rule.cornerSize) {
      taps.clear();
      return false;
    }
    if (taps.record(now) < rule.taps) return false;
    taps.clear();
    return true;
  };
}
