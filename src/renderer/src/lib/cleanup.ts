/**
 * One cleanup for many: runs each in turn. Every listener the page adds is paired with its
 * removal, and a component that adds several returns them all as one (a kiosk runs for months;
 * leaks add up).
 */
export function stopAll(cleanups: readonly (() => void)[]): () => void {
  return () => {
    for (const cleanup of cleanups) cleanup();
  };
}
