import { WEEKDAYS, type Weekday } from './content';

/**
 * Reading the wall clock of a time zone, for any instant, in the page and in Node alike (Intl
 * only). Daylight-saving changes are handled by reading the wall clock for each instant, never by
 * adding hours to a date.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

/** How long something has run, as staff read it at a glance: "3 d 4 h", "2 h 5 min", "7 min". */
export function formatDuration(totalSeconds: number): string {
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return `${minutes} min`;
}
/** No time zone changes its offset twice within this long, so sampling at this step sees every offset. */
const OFFSET_SAMPLE_MS = 6 * 60 * MINUTE_MS;

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

/** `2026-12-07`: the wall clock's date, as staff write dates and as they sort. */
export function wallDate(clock: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(clock.year).padStart(4, '0')}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** A `YYYY-MM-DD` date as the UTC midnight of that calendar day (how dates are counted here). */
export function dateAsUtc(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
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

/**
 * The instants at which the wall clock of `timeZone` shows `minute` on `date` (`YYYY-MM-DD`): one
 * on most days, none for a time skipped when the clocks go forward, two for a time repeated when
 * they go back (earliest first).
 */
export function instantsOfWallTime(date: string, minute: number, timeZone: string): number[] {
  const wall = dateAsUtc(date) + minute * MINUTE_MS;
  const { offsets } = offsetsAround(timeZone, wall - 2 * DAY_MS, wall + 2 * DAY_MS);
  const found = new Set<number>();
  for (const offset of offsets) {
    const instant = wall - offset * MINUTE_MS;
    const seen = wallClock(instant, timeZone);
    if (wallDate(seen) === date && seen.minuteOfDay === minute) found.add(instant);
  }
  return [...found].sort((a, b) => a - b);
}

export interface WallClockChange<State> {
  readonly timeZone: string;
  readonly now: number;
  /** How far ahead to look. */
  readonly horizonMs: number;
  /** The minutes of the day (0 to 1440) at which the state may change on a date (`YYYY-MM-DD`). */
  readonly boundariesOn: (date: string, weekday: Weekday) => Iterable<number>;
  /** The state at an instant; a change is a different value (compared with ===). */
  readonly stateAt: (instant: number) => State;
}

/**
 * The first instant after `now`, within the horizon, at which a state that follows the wall clock
 * differs from what it is at `now`; null when it does not change within the horizon.
 *
 * Such a state only changes where the wall clock crosses one of its boundaries, or where the wall
 * clock itself jumps (daylight saving). Both kinds of instant are listed (a wall time maps to one
 * instant per offset in force around then) and tried in order. A boundary inside the hour that
 * is skipped in spring therefore takes effect when the clocks jump; one inside the hour repeated in
 * autumn takes effect the first time the clocks show it, and again the second time if it should.
 */
export function nextWallClockChange<State>(change: WallClockChange<State>): number | null {
  const { timeZone, now, horizonMs } = change;
  const end = now + horizonMs;
  const { offsets, jumps } = offsetsAround(timeZone, now - DAY_MS, end + DAY_MS);
  const candidates = new Set<number>(jumps);
  const first = wallClock(now - DAY_MS, timeZone);
  for (let midnight = Date.UTC(first.year, first.month - 1, first.day); midnight <= end + DAY_MS;) {
    const date = new Date(midnight).toISOString().slice(0, 10);
    for (const boundary of change.boundariesOn(date, weekdayOf(midnight))) {
      for (const offset of offsets) candidates.add(midnight + (boundary - offset) * MINUTE_MS);
    }
    midnight += DAY_MS;
  }
  const current = change.stateAt(now);
  const upcoming = [...candidates].filter((t) => t > now && t <= end).sort((a, b) => a - b);
  return upcoming.find((t) => change.stateAt(t) !== current) ?? null;
}
