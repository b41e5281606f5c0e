import { z } from 'zod';

/**
 * Opening hours: when the kiosk shows its slides and when it shows a black screen and lets the
 * display sleep. Pure: every function takes the instant it should answer for, so tests (and the
 * main process's ticker) decide what "now" is.
 *
 * Hours are wall-clock times in the clinic's time zone, so "08:00-18:00" means eight o'clock on
 * the clinic's clocks on summer and winter days alike. Daylight-saving changes are handled by
 * reading the wall clock for each instant (through Intl), never by adding hours to a date.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Minutes since the wall clock's midnight: `start` included, `end` excluded (at most 1440). */
export interface OpeningInterval {
  readonly start: number;
  readonly end: number;
}

export interface OpeningHours {
  /** IANA time zone name, e.g. Europe/London. */
  readonly timeZone: string;
  /** A day with no interval is closed all day. */
  readonly week: Readonly<Record<Weekday, readonly OpeningInterval[]>>;
}

export const SCHEDULE_DEFAULTS = { wakeMinutes: 2 } as const;

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
const DAY_MS = DAY_MINUTES * MINUTE_MS;
/** Far enough to see every boundary of a weekly pattern, plus a day for a daylight-saving shift. */
const HORIZON_MS = 8 * DAY_MS;
/** No time zone changes its offset twice within this long, so sampling at this step sees every offset. */
const OFFSET_SAMPLE_MS = 6 * 60 * MINUTE_MS;

const HOURS_EXAMPLE =
  'must be opening hours such as "08:00-18:00" or "08:00-12:30, 13:30-18:00", or "closed"';

type DayHours = readonly OpeningInterval[] | string;

/** Parses one day's hours; a string result is what is wrong, for a person to read. */
export function parseDayHours(text: string): DayHours {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'closed') return [];
  if (trimmed === '') return HOURS_EXAMPLE;
  const intervals: OpeningInterval[] = [];
  for (const part of trimmed.split(',')) {
    const match = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(part.trim());
    if (match === null) return HOURS_EXAMPLE;
    const [, startHour, startMinute, endHour, endMinute] = match.map(Number) as [number, ...number[]];
    const start = clockMinutes(startHour, startMinute);
    const end = clockMinutes(endHour, endMinute);
    if (start === undefined || end === undefined || start === DAY_MINUTES)
      return `has a time that does not exist: use 00:00 to 23:59 (and 24:00 for midnight at the end of the day)`;
    if (end <= start) return `closes before it opens in "${part.trim()}": the closing time must come later`;
    const previous = intervals.at(-1);
    if (previous !== undefined && start < previous.end)
      return 'has times that overlap or are out of order: list them from morning to evening';
    intervals.push({ start, end });
  }
  return intervals;
}

function clockMinutes(hour: number | undefined, minute: number | undefined): number | undefined {
  if (hour === undefined || minute === undefined || minute > 59) return undefined;
  const total = hour * 60 + minute;
  return total > DAY_MINUTES ? undefined : total;
}

const dayHoursSchema = z
  .string({ error: HOURS_EXAMPLE })
  .transform((text, context): readonly OpeningInterval[] => {
    const hours = parseDayHours(text);
    if (typeof hours === 'string') {
      context.addIssue({ code: 'custom', message: hours, input: text });
      return z.NEVER;
    }
    return hours;
  });

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

/** `schedule:` in kiosk.yaml. A weekday left out is closed all day. */
export const scheduleSchema = z.strictObject({
  mon: dayHoursSchema.optional(),
  tue: dayHoursSchema.optional(),
  wed: dayHoursSchema.optional(),
  thu: dayHoursSchema.optional(),
  fri: dayHoursSchema.optional(),
  sat: dayHoursSchema.optional(),
  sun: dayHoursSchema.optional(),
  wake_minutes: z
    .number({ error: 'must be a number of minutes from 1 to 60' })
    .min(1, { error: 'must be at least 1 minute' })
    .max(60, { error: 'must be at most 60 minutes' })
    .default(SCHEDULE_DEFAULTS.wakeMinutes),
});

export type ScheduleSettings = z.output<typeof scheduleSchema>;

/** The computer's own time zone: what opening hours mean when kiosk.yaml names none. */
export function systemTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function toOpeningHours(schedule: ScheduleSettings, timeZone: string): OpeningHours {
  const week = Object.fromEntries(WEEKDAYS.map((day) => [day, schedule[day] ?? []])) as Record<
    Weekday,
    readonly OpeningInterval[]
  >;
  return { timeZone, week };
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

function weekdayOf(utcMidnight: number): Weekday {
  // getUTCDay counts from Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(utcMidnight).getUTCDay() + 6) % 7] ?? 'mon';
}

export function isOpenAt(hours: OpeningHours, instant: number): boolean {
  const clock = wallClock(instant, hours.timeZone);
  return hours.week[clock.weekday].some(
    (interval) => clock.minuteOfDay >= interval.start && clock.minuteOfDay < interval.end,
  );
}

/**
 * Whether the kiosk is open at `now`, and the first instant after it when that changes.
 *
 * The status only changes where the wall clock crosses an opening or closing time, or where the
 * wall clock itself jumps (daylight saving). Both kinds of instant are listed for the coming week
 * (a wall time maps to one instant per offset in force around then), and the earliest one at which
 * the status differs is the answer. A closing time inside the hour that is skipped in spring
 * therefore takes effect when the clocks jump; one inside the hour repeated in autumn takes effect
 * the first time the clocks show it, and again the second time if the hours say so.
 */
export function scheduleStatus(
  hours: OpeningHours,
  now: number,
): { open: boolean; nextChangeAt: number | null } {
  const open = isOpenAt(hours, now);
  const { offsets, jumps } = offsetsAround(hours.timeZone, now - DAY_MS, now + HORIZON_MS + DAY_MS);
  const candidates = new Set<number>(jumps);

  const firstDay = wallClock(now - DAY_MS, hours.timeZone);
  const firstMidnight = Date.UTC(firstDay.year, firstDay.month - 1, firstDay.day);
  for (let midnight = firstMidnight; midnight <= now + HORIZON_MS + DAY_MS; midnight += DAY_MS) {
    for (const interval of hours.week[weekdayOf(midnight)]) {
      for (const boundary of [interval.start, interval.end]) {
        for (const offset of offsets) candidates.add(midnight + (boundary - offset) * MINUTE_MS);
      }
    }
  }

  const upcoming = [...candidates].filter((t) => t > now && t <= now + HORIZON_MS).sort((a, b) => a - b);
  const nextChangeAt = upcoming.find((t) => isOpenAt(hours, t) !== open) ?? null;
  return { open, nextChangeAt };
}

/** Every offset the zone uses between `from` and `to`, and the instants where it changes. */
function offsetsAround(timeZone: string, from: number, to: number): { offsets: number[]; jumps: number[] } {
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
