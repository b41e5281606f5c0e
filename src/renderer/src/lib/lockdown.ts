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
export function attachLockdown(target: Window): () => void {
  const root = target.document.documentElement;
  let hideTimer: number | undefined;

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
    target.clearTimeout(hideTimer);
    hideTimer = target.setTimeout(() => root.classList.add(CURSOR_HIDDEN_CLASS), CURSOR_HIDE_MS);
  };

  root.classList.add(CURSOR_HIDDEN_CLASS);
  const active = { capture: true, passive: false } as const;
  target.addEventListener('contextmenu', prevent, active);
  target.addEventListener('dragstart', prevent, active);
  target.addEventListener('selectstart', prevent, active);
  target.addEventListener('gesturestart', prevent, active);
  target.addEventListener('wheel', preventZoomWheel, active);
  target.addEventListener('keydown', preventZoomKeys, active);
  target.addEventListener('touchstart', preventMultiTouch, active);
  target.addEventListener('pointermove', showCursor, { capture: true, passive: true });

  return () => {
    target.clearTimeout(hideTimer);
    root.classList.remove(CURSOR_HIDDEN_CLASS);
    target.removeEventListener('contextmenu', prevent, active);
    target.removeEventListener('dragstart', prevent, active);
    target.removeEventListener('selectstart', prevent, active);
    target.removeEventListener('gesturestart', prevent, active);
    target.removeEventListener('wheel', preventZoomWheel, active);
    target.removeEventListener('keydown', preventZoomKeys, active);
    target.removeEventListener('touchstart', preventMultiTouch, active);
    target.removeEventListener('pointermove', showCursor, { capture: true });
  };
}
