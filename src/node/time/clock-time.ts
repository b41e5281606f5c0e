/**
 * Times of day as staff write them, "08:00" or "8:30": the one reader of HH:MM in the kiosk, for
 * opening hours and every other time setting.
 */

export const DAY_MINUTES = 24 * 60;

/**
 * Minutes since midnight for `HH:MM`, or undefined if the text is not a time of day. 24:00 is
 * midnight at the end of the day, accepted only where `endOfDay` allows it.
 */
export function parseClockTime(text: string, { endOfDay = false } = {}): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (match === null) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (minute > 59) return undefined;
  const total = hour * 60 + minute;
  if (total > DAY_MINUTES || (total === DAY_MINUTES && !endOfDay)) return undefined;
  return total;
}

/** `08:05` for 485. */
export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
