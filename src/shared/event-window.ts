/**
 * Counts events within a sliding window of time: "five taps within three seconds", "three
 * failures within a minute". The one way the kiosk asks how often something happened lately.
 * Times are passed in, so it is pure.
 */
export interface EventWindow {
  /** Records an event at `time`; returns how many fall within the window ending then, this one included. */
  record(time: number): number;
  /**
   * How many recorded events fall within the window ending at `time`, without recording one: to
   * ask before deciding whether to record, so that what is kept stays as small as the limit.
   */
  count(time: number): number;
  /** Forgets every event. */
  clear(): void;
}

/** An event exactly `windowMs` before the latest one no longer counts. */
export function createEventWindow(windowMs: number): EventWindow {
  let times: number[] = [];
  const forgetBefore = (time: number) => {
    times = times.filter((earlier) => time - earlier < windowMs);
  };
  return {
    record(time) {
      forgetBefore(time);
      times.push(time);
      return times.length;
    },
    count(time) {
      forgetBefore(time);
      return times.length;
    },
    clear() {
      times = [];
    },
  };
}
