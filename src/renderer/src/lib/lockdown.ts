import { on } from 'svelte/events';
import { systemClock, type Clock, type TimerHandle } from '../../../shared/clock';
import { stopAll } from './cleanup';

/** How long the mouse cursor stays after the mouse stops moving. */
export const CURSOR_HIDE_MS = 3000;
export const CURSOR_HIDDEN_CLASS = 'cursor-hidden';

/**
 * What a curious patient must not be able to do to the page: open a context menu (right click or
 * long press), zoom it (Ctrl+wheel, pinch, Ctrl +/-) or drag pictures out of it. Text selection,
 * callouts and overscroll are switched off in CSS. The mouse cursor, useful to staff with a mouse,
 * hides itself once the mouse is still: a kiosk should not show an arrow in the middle of a slide.
 * Returns the function that undoes it all.
 */
export function attachLockdown(target: Window, clock: Clock = systemClock): () => void {
  const root = target.document.documentElement;
  let hideTimer: TimerHandle | undefined;

  const prevent = (event: Event) => {
    event.preventDefault();
  };
  const preventZoomWheel = (event: WheelEvent) => {
    if (event.ctrlKey || event.metaKey) event.preventDefault();
  };
  const preventZoomKeys = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && ['+', '-', '=', '0', '_'].includes(event.key))
      event.preventDefault();
  };
  const preventMultiTouch = (event: TouchEvent) => {
    if (event.touches.length > 1) event.preventDefault();
  };
  const showCursor = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse') return;
    root.classList.remove(CURSOR_HIDDEN_CLASS);
    clock.clearTimeout(hideTimer);
    hideTimer = clock.setTimeout(() => root.classList.add(CURSOR_HIDDEN_CLASS), CURSOR_HIDE_MS);
  };

  root.classList.add(CURSOR_HIDDEN_CLASS);
  const active = { capture: true, passive: false } as const;
  return stopAll([
    on(target, 'contextmenu', prevent, active),
    on(target, 'dragstart', prevent, active),
    on(target, 'selectstart', prevent, active),
    on(target, 'wheel', preventZoomWheel, active),
    on(target, 'keydown', preventZoomKeys, active),
    on(target, 'touchstart', preventMultiTouch, active),
    on(target, 'pointermove', showCursor, { capture: true, passive: true }),
    () => {
      clock.clearTimeout(hideTimer);
      root.classList.remove(CURSOR_HIDDEN_CLASS);
    },
  ]);
}
