/**
 * The one clock. Everything that reads the time or waits takes a Clock, so that tests drive time
 * with a fake one and the kiosk, the preview and the page all use {@link systemClock}.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

/** What a clock's setTimeout returns: only ever given back to the same clock's clearTimeout. */
export type TimerHandle = object | number;

/** The real time, in Node and in the page alike. Looked up at each call, so test fake timers apply. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => {
    globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]);
  },
};

/**
 * Calls `callback` every `ms` until the returned function is called: a chain of timeouts on one
 * clock, so a fake clock drives repeating work just as it drives one-off timers.
 */
export function repeat(clock: Clock, ms: number, callback: () => void): () => void {
  let handle: TimerHandle | undefined;
  let stopped = false;
  const schedule = () => {
    handle = clock.setTimeout(() => {
      if (stopped) return;
      schedule();
      callback();
    }, ms);
  };
  schedule();
  return () => {
    stopped = true;
    clock.clearTimeout(handle);
  };
}

/**
 * `base`, with its time moved by `offsetMs`: the browser preview's page showing another moment
 * (`--at`). Its timers are the base clock's, so they wait as long as they say.
 */
export function shiftedClock(base: Clock, offsetMs: number): Clock {
  if (offsetMs === 0) return base;
  return {
    now: () => base.now() + offsetMs,
    setTimeout: (callback, ms) => base.setTimeout(callback, ms),
    clearTimeout: (handle) => {
      base.clearTimeout(handle);
    },
  };
}
