import { on } from 'svelte/events';
import { stopAll } from './cleanup';
import { classifySwipe, type PointerPosition, type Swipe } from './swipe';

export interface KioskInputHandlers {
  /** Every touch and key press; true when it only woke the kiosk and must do nothing else. */
  activity(): boolean;
  /** Whether a sideways swipe should turn the slide now (not while a panel is open). */
  canSwipe(): boolean;
  rightToLeft(): boolean;
  swipe(direction: Swipe): void;
  key(event: KeyboardEvent): void;
}

/** Marks the few places where a finger may scroll (a panel's longer text, the problems list). */
export const SCROLLABLE_ATTRIBUTE = 'data-scrollable';

function inScrollable(target: EventTarget | null): boolean {
  return (
    target !== null &&
    'closest' in target &&
    (target as Element).closest(`[${SCROLLABLE_ATTRIBUTE}]`) !== null
  );
}

/** A click arrives after the pointer is lifted; one this soon after a waking touch belongs to it. */
const SWALLOW_CLICK_MS = 1000;

/**
 * Listens to the whole window: pointer events (touch, pen and mouse alike), clicks and keys.
 * Returns the function that removes every listener it added.
 */
export function attachKioskInput(target: Window, handlers: KioskInputHandlers): () => void {
  let swallowClicksUntil = 0;
  let swipeStart: (PointerPosition & { id: number }) | undefined;

  const onPointerDown = (event: PointerEvent) => {
    swipeStart = undefined;
    if (handlers.activity()) {
      swallowClicksUntil = event.timeStamp + SWALLOW_CLICK_MS;
      return;
    }
    swallowClicksUntil = 0;
    if (event.isPrimary && handlers.canSwipe()) {
      swipeStart = { x: event.clientX, y: event.clientY, id: event.pointerId };
    }
  };

  const onPointerUp = (event: PointerEvent) => {
    if (swipeStart?.id !== event.pointerId) return;
    const direction = classifySwipe(
      swipeStart,
      { x: event.clientX, y: event.clientY },
      handlers.rightToLeft(),
    );
    swipeStart = undefined;
    if (direction) {
      // The finger may be lifted over a button: the swipe must not also press it.
      swallowClicksUntil = event.timeStamp + SWALLOW_CLICK_MS;
      handlers.swipe(direction);
    }
  };

  const onPointerCancel = () => {
    swipeStart = undefined;
  };

  const onClick = (event: MouseEvent) => {
    if (event.timeStamp > swallowClicksUntil) return;
    swallowClicksUntil = 0;
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (handlers.activity()) {
      event.preventDefault();
      return;
    }
    handlers.key(event);
  };

  // Anywhere but over text that scrolls, a moving finger is the kiosk's alone (a swipe). Left to
  // the browser, a quick swipe starts a fling, and the browser then spends the next touch, the
  // patient's tap on a button, on stopping that fling: the button would not answer.
  const onTouchMove = (event: TouchEvent) => {
    if (!inScrollable(event.target) && event.cancelable) event.preventDefault();
  };

  const onWheel = () => {
    handlers.activity();
  };

  // A patient reading the longer text as it scrolls (a fling carries on after the finger lifts) is
  // still there: the kiosk does not time out under them.
  const onScroll = (event: Event) => {
    if (inScrollable(event.target)) handlers.activity();
  };

  const capture = { capture: true } as const;
  return stopAll([
    on(target, 'pointerdown', onPointerDown, capture),
    on(target, 'pointerup', onPointerUp, capture),
    on(target, 'pointercancel', onPointerCancel, capture),
    on(target, 'click', onClick, capture),
    on(target, 'keydown', onKeyDown, capture),
    on(target, 'touchmove', onTouchMove, { capture: true, passive: false }),
    on(target, 'wheel', onWheel, { capture: true, passive: true }),
    on(target, 'scroll', onScroll, { capture: true, passive: true }),
  ]);
}
