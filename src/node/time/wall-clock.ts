import { z } from 'zod';
import { WEEKDAYS, type Weekday } from '../../shared/content';

/**
 * Reading the wall clock of a time zone, for any instant. Daylight-saving changes are handled by
 * reading the wall clock for each instant (through Intl), never by adding hours to a date.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
/** No time zone changes its offset twice within this long, so sampling at this step sees every offset. */
const OFFSET_SAMPLE_MS = 6 * 60 * MINUTE_MS;

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** `timezone:` in kiosk.yaml. */
export const timeZoneSchema = z
  .string({ error: 'must be a time zone name such as Europe/London or America/New_York' })
  .trim()
  .refine(isValidTimeZone, {
    error: 'is not a time zone this computer knows: use a name such as Europe/London or America/New_York',
  });

/** The computer's own time zone: what opening hours mean when kiosk.yaml names none. */
export function systemTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A wall clock reading in a time zone. */
export interface WallClock {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  readonly day: number;
  readonly weekday: Weekday;
  /** Minutes since the wall clock's midnight. */
  readonly minuteOfDay: number;
  /** Wall clock minus UTC, in minutes (60 for London in summer). */
  readonly offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function wallClock(instant: number, timeZone: string): WallClock {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 1970;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  const hour = parts.hour ?? 0;
  const minute = parts.minute ?? 0;
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, parts.second ?? 0);
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return {
    year,
    month,
    day,
    weekday: weekdayOf(Date.UTC(year, month - 1, day)),
    minuteOfDay: hour * 60 + minute,
    offsetMinutes: Math.round((wallAsUtc - wholeSecond) / MINUTE_MS),
  };
}

export function weekdayOf(utcMidnight: number): Weekday {
  // getUTCDay counts from Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(utcMidnight).getUTCDay() + 6) % 7] ?? 'mon';
}

/** Every offset the zone uses between `from` and `to`, and the instants where it changes. */
export function offsetsAround(
  timeZone: string,
  from: number,
  to: number,
): { offsets: number[]; jumps: number[] } {
  const offsets = new Set<number>();
  const jumps: number[] = [];
  let previousTime = from;
  let previous = wallClock(from, timeZone).offsetMinutes;
  offsets.add(previous);
  for (let time = from + OFFSET_SAMPLE_MS; time <= to; time += OFFSET_SAMPLE_MS) {
    const offset = wallClock(time, timeZone).offsetMinutes;
    if (offset !== previous) {
      offsets.add(offset);
      jumps.push(firstInstantWithNewOffset(timeZone, previousTime, time, previous));
    }
    previous = offset;
    previousTime = time;
  }
  return { offsets: [...offsets], jumps };
}

/** Binary search, to the minute: time zones change offset on whole minutes. */
function firstInstantWithNewOffset(
  timeZone: string,
  before: number,
  after: number,
  oldOffset: number,
): number {
  let low = Math.floor(before / MINUTE_MS);
  let high = Math.ceil(after / MINUTE_MS);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (wallClock(middle * MINUTE_MS, timeZone).offsetMinutes === oldOffset) low = middle;
    else high = middle;
  }
  return high * MINUTE_MS;
}
