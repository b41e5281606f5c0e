/**
 * Counts events within a sliding window of time: "five taps within three seconds", "three
 * failures within a minute". The one way the kiosk asks how often something happened lately.
 * Times are passed in, so it is pure.
 */
export interface EventWindow {
  /** Records an event at `time`; returns how many fall within the window ending then, this one included. */
  record(time: number): number;
  /** Forgets every event. */
  clear(): void;
}

/** An event exactly `windowMs` before the latest one no longer counts. */
export function createEventWindow(windowMs: number): EventWindow {
  let times: number[] = [];
  return {
    record(time) {
      times = [...times.filter((earlier) => time - earlier < windowMs), time];
      return times.length;
    },
    clear() {
      times = [];
    },
  };
}
