/**
 * Adds an event listener and returns the function that removes it, with the same options: no
 * component can then forget one of its listeners (a kiosk runs for months; leaks add up).
 */
export function listen<K extends keyof WindowEventMap>(
  target: Window,
  type: K,
  handler: (event: WindowEventMap[K]) => void,
  options: AddEventListenerOptions = {},
): () => void {
  target.addEventListener(type, handler, options);
  return () => {
    target.removeEventListener(type, handler, options);
  };
}

/** One cleanup for many: runs each in turn. */
export function all(cleanups: readonly (() => void)[]): () => void {
  return () => {
    for (const cleanup of cleanups) cleanup();
  };
}
