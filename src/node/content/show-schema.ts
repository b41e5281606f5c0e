import { z } from 'zod';
import { WEEKDAYS, type ShowTimes, type Weekday } from '../../shared/content';
import { DAY_MS, dateAsUtc, weekdayOf } from '../../shared/wall-clock';
import { isRealDate } from '../time/wall-time';
import { parseDayHours, type HoursWords } from '../time/opening-hours';

/**
 * `show:` on a slide, as staff write it: which days, which hours (written as opening hours are),
 * and from which date until which date. A `show:` that can never be true is a mistake, told where
 * it is written; whether a slide is shown at a given moment is decided in src/shared/timetable.ts.
 */

const DAY_NAMES: Readonly<Record<string, Weekday>> = {
  mon: 'mon',
  monday: 'mon',
  tue: 'tue',
  tues: 'tue',
  tuesday: 'tue',
  wed: 'wed',
  wednesday: 'wed',
  thu: 'thu',
  thur: 'thu',
  thurs: 'thu',
  thursday: 'thu',
  fri: 'fri',
  friday: 'fri',
  sat: 'sat',
  saturday: 'sat',
  sun: 'sun',
  sunday: 'sun',
};

const DAYS_EXAMPLE = 'must be days such as mon-fri, or a list such as [mon, wed, fri]';

/** `mon-fri`, `sat`, `[mon, wed, fri]`, `mon, thu-sat`: the weekdays in week order, or what is wrong. */
export function parseDays(value: string | readonly string[]): Weekday[] | string {
  const parts = (typeof value === 'string' ? value.split(',') : value.flatMap((part) => part.split(',')))
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  if (parts.length === 0) return 'is empty: list the days the slide is shown, such as mon-fri';
  const days = new Set<Weekday>();
  for (const part of parts) {
    const [first = '', last, ...rest] = part.split(/\s*[-–]\s*/);
    const start = DAY_NAMES[first];
    const end = last === undefined ? start : DAY_NAMES[last];
    if (start === undefined || end === undefined || rest.length > 0)
      return `has "${part}", which is not a day: ${DAYS_EXAMPLE}`;
    // A range may run over the weekend: fri-mon is Friday, Saturday, Sunday and Monday.
    for (let index = WEEKDAYS.indexOf(start); ; index = (index + 1) % WEEKDAYS.length) {
      const day = WEEKDAYS[index] ?? start;
      days.add(day);
      if (day === end) break;
    }
  }
  return WEEKDAYS.filter((day) => days.has(day));
}

const DATE_EXAMPLE = 'must be a date written year-month-day, such as 2026-12-01';

const dateSchema = z
  .string({ error: DATE_EXAMPLE })
  .trim()
  .refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text), { error: DATE_EXAMPLE, abort: true })
  .refine(isRealDate, { error: 'is not a day of the calendar: check the month and the day' });

const SHOW_WORDS: HoursWords = {
  example: 'must be the times the slide is shown, such as "08:00-12:00" or "08:00-12:00, 14:00-17:00"',
  backwards: (part) => `ends before it starts in "${part}": the end time must come later`,
};

const daysSchema = z
  .union([z.string(), z.array(z.string())], { error: DAYS_EXAMPLE })
  .transform((value, context): Weekday[] => {
    const days = parseDays(value);
    if (typeof days === 'string') {
      context.addIssue({ code: 'custom', message: days, input: value });
      return z.NEVER;
    }
    return days;
  });

const hoursSchema = z.string({ error: SHOW_WORDS.example }).transform((text, context) => {
  const hours = parseDayHours(text, SHOW_WORDS);
  if (typeof hours === 'string') {
    context.addIssue({ code: 'custom', message: hours, input: text });
    return z.NEVER;
  }
  if (hours.length === 0) {
    context.addIssue({
      code: 'custom',
      message: `"${text.trim()}" means the slide is never shown: give the times it is shown, or delete the slide`,
      input: text,
    });
    return z.NEVER;
  }
  return hours;
});

const showShape = z.strictObject({
  days: daysSchema.optional(),
  hours: hoursSchema.optional(),
  from: dateSchema.optional(),
  until: dateSchema.optional(),
});

/** The names `show:` accepts, to suggest the right one for a misspelt key. */
export const SHOW_SETTINGS = Object.keys(showShape.shape);

/** `show:` itself; empty, it places no limit. */
export const showSchema = showShape
  .nullable()
  .superRefine((show, context) => {
    if (show === null) return;
    const { from, until, days } = show;
    if (from !== undefined && until !== undefined && until < from) {
      context.addIssue({
        code: 'custom',
        path: ['until'],
        message: `is before from (${from}): the slide would never be shown; the last day must be on or after the first`,
      });
      return;
    }
    if (days !== undefined && from !== undefined && until !== undefined) {
      const span = (dateAsUtc(until) - dateAsUtc(from)) / DAY_MS;
      const dates = Array.from({ length: Math.min(span + 1, 7) }, (_, index) =>
        weekdayOf(dateAsUtc(from) + index * DAY_MS),
      );
      if (!dates.some((day) => days.includes(day))) {
        context.addIssue({
          code: 'custom',
          path: ['days'],
          message: `never fall between ${from} and ${until}, so the slide would never be shown: change the days or the dates`,
        });
      }
    }
  })
  .transform((show): ShowTimes | undefined => {
    if (show === null) return undefined;
    const { days, hours, from, until } = show;
    return {
      ...(days === undefined ? {} : { days }),
      ...(hours === undefined ? {} : { hours }),
      ...(from === undefined ? {} : { from }),
      ...(until === undefined ? {} : { until }),
    };
  });
