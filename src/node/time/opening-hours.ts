import { z } from 'zod';
import type { ContentState, OpeningInterval, Weekday, WeeklyHours } from '../../shared/content';
import { WEEKDAYS } from '../../shared/content';
import { DEFAULT_WAKE_SECONDS, type ScheduleState } from '../../shared/ipc';
import { parseClockTime } from './clock-time';
import { DAY_MS, MINUTE_MS, offsetsAround, systemTimeZone, wallClock, weekdayOf } from './wall-clock';

/**
 * Opening hours: when the kiosk shows its slides and when it shows a black screen and lets the
 * display sleep. Pure: every function takes the instant it should answer for, so tests (and the
 * main process's ticker) decide what "now" is.
 *
 * Hours are wall-clock times in the clinic's time zone, so "08:00-18:00" means eight o'clock on
 * the clinic's clocks on summer and winter days alike.
 */

export interface OpeningHours {
  /** IANA time zone name, e.g. Europe/London. */
  readonly timeZone: string;
  /** A day with no interval is closed all day. */
  readonly week: Readonly<Record<Weekday, readonly OpeningInterval[]>>;
}

export const SCHEDULE_DEFAULTS = { wakeMinutes: DEFAULT_WAKE_SECONDS / 60 } as const;

/** Far enough to see every boundary of a weekly pattern, plus a day for a daylight-saving shift. */
const HORIZON_MS = 8 * DAY_MS;

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
    const match = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(part.trim());
    if (match?.[1] === undefined || match[2] === undefined) return HOURS_EXAMPLE;
    const start = parseClockTime(match[1]);
    const end = parseClockTime(match[2], { endOfDay: true });
    if (start === undefined || end === undefined)
      return `has a time that does not exist: use 00:00 to 23:59 (and 24:00 for midnight at the end of the day)`;
    if (end <= start) return `closes before it opens in "${part.trim()}": the closing time must come later`;
    const previous = intervals.at(-1);
    if (previous !== undefined && start < previous.end)
      return 'has times that overlap or are out of order: list them from morning to evening';
    intervals.push({ start, end });
  }
  return intervals;
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

/** The opening hours a content folder gives, as the content carries them. */
export function toWeeklyHours(schedule: ScheduleSettings): WeeklyHours {
  const week = Object.fromEntries(WEEKDAYS.map((day) => [day, schedule[day] ?? []])) as Record<
    Weekday,
    readonly OpeningInterval[]
  >;
  return { week, wakeSeconds: schedule.wake_minutes * 60 };
}

export function toOpeningHours(schedule: ScheduleSettings, timeZone: string): OpeningHours {
  return { timeZone, week: toWeeklyHours(schedule).week };
}

/** What the schedule works from: the hours (null: always open), their time zone and the wake time. */
export interface ScheduleConfig {
  readonly hours: OpeningHours | null;
  readonly timeZone: string;
  readonly wakeSeconds: number;
}

/** The opening hours of the content on screen, in its time zone or else the computer's. */
export function scheduleConfigOf(
  content: Pick<ContentState, 'openingHours' | 'timeZone'>,
  fallbackZone: string = systemTimeZone(),
): ScheduleConfig {
  const timeZone = content.timeZone ?? fallbackZone;
  const opening = content.openingHours;
  if (opening === undefined)
    return { hours: null, timeZone, wakeSeconds: SCHEDULE_DEFAULTS.wakeMinutes * 60 };
  return { hours: { timeZone, week: opening.week }, timeZone, wakeSeconds: opening.wakeSeconds };
}

export function scheduleStateAt(config: ScheduleConfig, now: number): ScheduleState {
  const { open, nextChangeAt } =
    config.hours === null ? { open: true, nextChangeAt: null } : scheduleStatus(config.hours, now);
  return { open, nextChangeAt, timeZone: config.timeZone, wakeSeconds: config.wakeSeconds };
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
