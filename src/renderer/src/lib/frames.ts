/**
 * Runs `then` once the page has drawn its next frame, and returns the function that cancels it.
 *
 * Timed by an animation with no effect, on the document's animation timeline: it follows the frames
 * the page really draws, as the transitions do, and no timer of the page is involved (the loop's
 * timers may be held, as the tests' clock holds them, without holding this).
 */
export function afterNextFrame(then: () => void): () => void {
  const signal = document.documentElement.animate([], { duration: 1 });
  signal.onfinish = then;
  return () => {
    signal.onfinish = null;
    signal.cancel();
  };
}
