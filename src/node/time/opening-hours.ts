import { z } from 'zod';
import type { ContentState, OpeningInterval, Weekday, WeeklyHours } from '../../shared/content';
import { WEEKDAYS } from '../../shared/content';
import { DEFAULT_WAKE_SECONDS, type ScheduleState } from '../../shared/ipc';
import { parseClockTime } from './clock-time';
import { DAY_MS, nextWallClockChange, systemTimeZone, wallClock } from './wall-clock';

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

/** How a message about hours speaks: of opening hours, or of the hours a slide is shown. */
export interface HoursWords {
  readonly example: string;
  readonly backwards: (part: string) => string;
}

const OPENING_WORDS: HoursWords = {
  example: 'must be opening hours such as "08:00-18:00" or "08:00-12:30, 13:30-18:00", or "closed"',
  backwards: (part) => `closes before it opens in "${part}": the closing time must come later`,
};

type DayHours = readonly OpeningInterval[] | string;

/** Parses one day's hours; a string result is what is wrong, for a person to read. */
export function parseDayHours(text: string, words: HoursWords = OPENING_WORDS): DayHours {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'closed') return [];
  if (trimmed === '') return words.example;
  const intervals: OpeningInterval[] = [];
  for (const part of trimmed.split(',')) {
    const match = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(part.trim());
    if (match?.[1] === undefined || match[2] === undefined) return words.example;
    const start = parseClockTime(match[1]);
    const end = parseClockTime(match[2], { endOfDay: true });
    if (start === undefined || end === undefined)
      return `has a time that does not exist: use 00:00 to 23:59 (and 24:00 for midnight at the end of the day)`;
    if (end <= start) return words.backwards(part.trim());
    const previous = intervals.at(-1);
    if (previous !== undefined && start < previous.end)
      return 'has times that overlap or are out of order: list them from morning to evening';
    intervals.push({ start, end });
  }
  return intervals;
}

const dayHoursSchema = z
  .string({ error: OPENING_WORDS.example })
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

/** Whether the kiosk is open at `now`, and the first instant after it when that changes. */
export function scheduleStatus(
  hours: OpeningHours,
  now: number,
): { open: boolean; nextChangeAt: number | null } {
  return {
    open: isOpenAt(hours, now),
    nextChangeAt: nextWallClockChange({
      timeZone: hours.timeZone,
      now,
      horizonMs: HORIZON_MS,
      boundariesOn: (_date, weekday) =>
        hours.week[weekday].flatMap((interval) => [interval.start, interval.end]),
      stateAt: (instant) => isOpenAt(hours, instant),
    }),
  };
}
