import type { WallTime } from '../../shared/content';
import { dateAsUtc } from '../../shared/wall-clock';
import { parseClockTime } from './clock-time';

/** Dates and moments as staff write them (`2026-12-07`, `2026-12-07 08:00`), for notices and the preview's --at. */

export const WALL_TIME_EXAMPLE =
  'must be a date and time written year-month-day hours:minutes, such as 2026-12-07 08:00 (or a date alone)';

/** A `YYYY-MM-DD` that names a real day. */
export function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return new Date(dateAsUtc(text)).toISOString().slice(0, 10) === text;
}

/**
 * `2026-12-07 08:00`, or a date alone: the start of that day for a `start`, its end for an `end`
 * (so `until: 2026-12-07` includes all that day). A string result is what is wrong.
 */
export function parseWallTime(text: string, edge: 'start' | 'end'): WallTime | string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T]+(\d{1,2}:\d{2}))?$/.exec(text.trim());
  const date = match?.[1];
  if (date === undefined) return WALL_TIME_EXAMPLE;
  if (!isRealDate(date)) return 'is not a day of the calendar: check the month and the day';
  const time = match?.[2];
  if (time === undefined) return { date, minute: edge === 'start' ? 0 : 24 * 60 };
  const minute = parseClockTime(time);
  if (minute === undefined) return 'has a time that does not exist: use 00:00 to 23:59';
  return { date, minute };
}
