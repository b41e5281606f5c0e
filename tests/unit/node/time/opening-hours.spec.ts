import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../../src/node/content/load';
import {
  isOpenAt,
  parseDayHours,
  scheduleConfigOf,
  scheduleSchema,
  scheduleStatus,
  toOpeningHours,
  type OpeningHours,
} from '../../../../src/node/time/opening-hours';
import { isValidTimeZone, timeZoneSchema } from '../../../../src/node/time/wall-clock';
import { memoryFs, ROOT, slide } from '../content/memory-fs';
import { WEEKDAYS_9_TO_5 } from '../../support/kiosk-yaml';

const MINUTE = 60_000;
const at = (iso: string): number => Date.parse(iso);
const iso = (instant: number | null): string | null =>
  instant === null ? null : new Date(instant).toISOString();

function hours(timeZone: string, schedule: Record<string, unknown>): OpeningHours {
  return toOpeningHours(scheduleSchema.parse(schedule), timeZone);
}

const CLINIC = {
  mon: '08:00-18:00',
  tue: '08:00-18:00',
  wed: '08:00-18:00',
  thu: '08:00-18:00',
  fri: '08:00-18:00',
  sat: '09:00-13:00',
  sun: 'closed',
};

/** The slow, obviously right answer: step a minute at a time until the status flips. */
function bruteForceNextChange(opening: OpeningHours, now: number, days = 8): number | null {
  const open = isOpenAt(opening, now);
  const first = Math.floor(now / MINUTE) * MINUTE + MINUTE;
  for (let t = first; t <= now + days * 24 * 60 * MINUTE; t += MINUTE) {
    if (isOpenAt(opening, t) !== open) return t;
  }
  return null;
}

describe('reading one day of opening hours', () => {
  it('reads a single opening time range', () => {
    expect(parseDayHours('08:00-18:00')).toEqual([{ start: 480, end: 1080 }]);
  });

  it('reads a lunch break as two ranges, with relaxed spacing and one-digit hours', () => {
    expect(parseDayHours(' 8:30 - 12:00 ,13:00–17:45 ')).toEqual([
      { start: 510, end: 720 },
      { start: 780, end: 1065 },
    ]);
  });

  it('reads "closed" in any case as no opening at all', () => {
    expect(parseDayHours('Closed')).toEqual([]);
  });

  it('accepts 24:00 as the end of the day', () => {
    expect(parseDayHours('00:00-24:00')).toEqual([{ start: 0, end: 1440 }]);
  });

  it.each([
    ['8-18', /such as "08:00-18:00"/],
    ['', /such as/],
    ['18:00-08:00', /closes before it opens/],
    ['09:00-09:00', /closes before it opens/],
    ['25:00-26:00', /does not exist/],
    ['08:60-09:00', /does not exist/],
    ['24:00-24:00', /does not exist/],
    ['13:00-17:00, 08:00-12:00', /out of order/],
    ['08:00-13:00, 12:00-17:00', /overlap/],
  ])('explains what is wrong with %j', (text, message) => {
    expect(parseDayHours(text)).toMatch(message);
  });
});

describe('the schedule settings in kiosk.yaml', () => {
  it('treats a weekday that is left out as closed, and wakes for two minutes by default', () => {
    const parsed = scheduleSchema.parse({ mon: '08:00-18:00' });
    expect(parsed.wake_minutes).toBe(2);
    expect(toOpeningHours(parsed, 'Europe/London').week).toEqual({
      mon: [{ start: 480, end: 1080 }],
      tue: [],
      wed: [],
      thu: [],
      fri: [],
      sat: [],
      sun: [],
    });
  });

  it('locates a bad day under its own name', () => {
    const result = scheduleSchema.safeParse({ mon: '18:00-08:00' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['mon']);
    expect(result.error?.issues[0]?.message).toContain('closes');
  });

  it('refuses hours that are not text', () => {
    const result = scheduleSchema.safeParse({ tue: false });
    expect(result.error?.issues[0]?.message).toMatch(/such as "08:00-18:00"/);
  });

  it('refuses a misspelt weekday rather than silently closing that day', () => {
    const result = scheduleSchema.safeParse({ monday: '08:00-18:00' });
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('keeps the wake time between 1 and 60 minutes', () => {
    expect(scheduleSchema.safeParse({ wake_minutes: 0 }).success).toBe(false);
    expect(scheduleSchema.safeParse({ wake_minutes: 61 }).success).toBe(false);
    expect(scheduleSchema.parse({ wake_minutes: 5 }).wake_minutes).toBe(5);
  });

  it('accepts real time zone names only', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(timeZoneSchema.parse(' Europe/London ')).toBe('Europe/London');
    expect(timeZoneSchema.safeParse('Mars/Olympus_Mons').success).toBe(false);
    expect(timeZoneSchema.safeParse(3).success).toBe(false);
  });
});

describe('open or closed', () => {
  const london = hours('Europe/London', CLINIC);

  it('opens at the opening minute and closes at the closing minute', () => {
    expect(isOpenAt(london, at('2024-01-15T07:59:59Z'))).toBe(false);
    expect(isOpenAt(london, at('2024-01-15T08:00:00Z'))).toBe(true);
    expect(isOpenAt(london, at('2024-01-15T17:59:59Z'))).toBe(true);
    expect(isOpenAt(london, at('2024-01-15T18:00:00Z'))).toBe(false);
  });

  it('follows the clinic clocks in summer time', () => {
    // 07:30 UTC is 08:30 in London in July.
    expect(isOpenAt(london, at('2024-07-15T07:30:00Z'))).toBe(true);
    expect(isOpenAt(london, at('2024-07-15T17:30:00Z'))).toBe(false);
  });

  it('stays closed all day on a closed day', () => {
    expect(isOpenAt(london, at('2024-01-14T12:00:00Z'))).toBe(false);
  });
});

describe('the next change', () => {
  const london = hours('Europe/London', CLINIC);

  it('is closing time when open', () => {
    expect(scheduleStatus(london, at('2024-01-15T10:00:00Z'))).toEqual({
      open: true,
      nextChangeAt: at('2024-01-15T18:00:00Z'),
    });
  });

  it('skips a closed day to the next opening', () => {
    expect(scheduleStatus(london, at('2024-01-13T14:00:00Z'))).toEqual({
      open: false,
      nextChangeAt: at('2024-01-15T08:00:00Z'),
    });
  });

  it('stops for a lunch break and opens again after it', () => {
    const lunch = hours('Europe/London', { mon: '08:00-12:30, 13:30-18:00' });
    expect(iso(scheduleStatus(lunch, at('2024-01-15T09:00:00Z')).nextChangeAt)).toBe(
      '2024-01-15T12:30:00.000Z',
    );
    expect(iso(scheduleStatus(lunch, at('2024-01-15T12:45:00Z')).nextChangeAt)).toBe(
      '2024-01-15T13:30:00.000Z',
    );
  });

  it('has none when the kiosk is always open or always closed', () => {
    const always = hours(
      'Europe/London',
      Object.fromEntries(Object.keys(CLINIC).map((d) => [d, '00:00-24:00'])),
    );
    expect(scheduleStatus(always, at('2024-03-30T12:00:00Z'))).toEqual({ open: true, nextChangeAt: null });
    const never = hours('Europe/London', {});
    expect(scheduleStatus(never, at('2024-03-30T12:00:00Z'))).toEqual({ open: false, nextChangeAt: null });
  });

  it('opens at midnight into a day that starts open', () => {
    const late = hours('UTC', { mon: '20:00-24:00', tue: '00:00-02:00' });
    expect(iso(scheduleStatus(late, at('2024-01-15T21:00:00Z')).nextChangeAt)).toBe(
      '2024-01-16T02:00:00.000Z',
    );
  });

  it('works in a zone with a half-hour offset', () => {
    const kolkata = hours('Asia/Kolkata', { mon: '09:00-17:00' });
    expect(iso(scheduleStatus(kolkata, at('2024-01-15T00:00:00Z')).nextChangeAt)).toBe(
      '2024-01-15T03:30:00.000Z',
    );
  });

  it('does not depend on what was asked before: a jump in the clock gets the right answer at once', () => {
    const before = scheduleStatus(london, at('2024-01-15T10:00:00Z'));
    const afterJump = scheduleStatus(london, at('2024-01-20T14:00:00Z'));
    const back = scheduleStatus(london, at('2024-01-15T10:00:00Z'));
    expect(afterJump).toEqual({ open: false, nextChangeAt: at('2024-01-22T08:00:00Z') });
    expect(back).toEqual(before);
  });
});

describe('across daylight-saving changes', () => {
  // Europe/London: clocks go forward at 01:00 UTC on 31 March 2024, back at 01:00 UTC on 27 October.
  // America/New_York: forward at 07:00 UTC on 10 March 2024, back at 06:00 UTC on 3 November.
  const sundays = { ...CLINIC, sun: '09:00-17:00' };

  it('opens at 09:00 on the clinic clocks the morning the clocks go forward in London', () => {
    const london = hours('Europe/London', sundays);
    const status = scheduleStatus(london, at('2024-03-30T20:00:00Z'));
    // 09:00 BST is 08:00 UTC; adding hours to Saturday evening would have said 09:00 UTC.
    expect(iso(status.nextChangeAt)).toBe('2024-03-31T08:00:00.000Z');
  });

  it('opens at 09:00 on the clinic clocks the morning the clocks go back in London', () => {
    const london = hours('Europe/London', sundays);
    expect(iso(scheduleStatus(london, at('2024-10-26T19:00:00Z')).nextChangeAt)).toBe(
      '2024-10-27T09:00:00.000Z',
    );
  });

  it('closes at 18:00 local time on either side of the change in New York', () => {
    const newYork = hours('America/New_York', CLINIC);
    expect(iso(scheduleStatus(newYork, at('2024-03-08T15:00:00Z')).nextChangeAt)).toBe(
      '2024-03-08T23:00:00.000Z',
    );
    expect(iso(scheduleStatus(newYork, at('2024-03-11T15:00:00Z')).nextChangeAt)).toBe(
      '2024-03-11T22:00:00.000Z',
    );
  });

  it('counts the weekend across the spring change in New York to Monday 08:00 EDT', () => {
    const newYork = hours('America/New_York', CLINIC);
    expect(iso(scheduleStatus(newYork, at('2024-03-09T20:00:00Z')).nextChangeAt)).toBe(
      '2024-03-11T12:00:00.000Z',
    );
  });

  it('counts the weekend across the autumn change in New York to Monday 08:00 EST', () => {
    const newYork = hours('America/New_York', CLINIC);
    expect(iso(scheduleStatus(newYork, at('2024-11-02T19:00:00Z')).nextChangeAt)).toBe(
      '2024-11-04T13:00:00.000Z',
    );
  });

  it('opens when the clocks jump over an opening time that never happens', () => {
    // 02:30 does not exist in New York on 10 March 2024: 01:59 EST is followed by 03:00 EDT.
    const newYork = hours('America/New_York', { sun: '02:30-12:00' });
    expect(isOpenAt(newYork, at('2024-03-10T06:59:00Z'))).toBe(false);
    expect(iso(scheduleStatus(newYork, at('2024-03-10T05:00:00Z')).nextChangeAt)).toBe(
      '2024-03-10T07:00:00.000Z',
    );
  });

  it('follows the wall clock through the hour that happens twice', () => {
    // On 3 November 2024 New York shows 01:00-01:59 twice: first in EDT, then again in EST.
    const newYork = hours('America/New_York', { sun: '00:00-01:30' });
    const first = scheduleStatus(newYork, at('2024-11-03T04:30:00Z'));
    expect(first).toEqual({ open: true, nextChangeAt: at('2024-11-03T05:30:00Z') });
    // The clocks go back from 02:00 EDT to 01:00 EST: inside the hours again until 01:30 EST.
    const between = scheduleStatus(newYork, at('2024-11-03T05:45:00Z'));
    expect(between).toEqual({ open: false, nextChangeAt: at('2024-11-03T06:00:00Z') });
    expect(scheduleStatus(newYork, at('2024-11-03T06:10:00Z')).nextChangeAt).toBe(at('2024-11-03T06:30:00Z'));
  });

  it.each([
    ['Europe/London', '2024-03-30T12:34:56Z'],
    ['Europe/London', '2024-10-26T23:59:00Z'],
    ['America/New_York', '2024-03-09T18:00:00Z'],
    ['America/New_York', '2024-11-02T21:15:00Z'],
    ['Australia/Lord_Howe', '2024-10-05T10:00:00Z'],
  ])('agrees with a minute-by-minute search in %s from %s', (zone, start) => {
    // Opening and closing times inside the hours that are skipped or repeated, on every day.
    const awkward = '00:15-01:30, 02:15-02:45, 09:00-17:00';
    const opening = hours(zone, Object.fromEntries(Object.keys(CLINIC).map((d) => [d, awkward])));
    let now = at(start);
    for (let step = 0; step < 8; step += 1) {
      const { nextChangeAt } = scheduleStatus(opening, now);
      expect(iso(nextChangeAt)).toBe(iso(bruteForceNextChange(opening, now, 2)));
      if (nextChangeAt === null) break;
      now = nextChangeAt;
    }
  });
});

describe('opening hours in kiosk.yaml', () => {
  it('are accepted by the kiosk file schema, with a time zone', async () => {
    const { kioskFileSchema } = await import('../../../../src/node/content/schema');
    const result = kioskFileSchema.safeParse({
      title: 'Clinic',
      timezone: 'Europe/London',
      schedule: { mon: '08:00-18:00', sun: 'closed', wake_minutes: 5 },
    });
    expect(result.success).toBe(true);
  });

  it('are reported where they are wrong', async () => {
    const { kioskFileSchema } = await import('../../../../src/node/content/schema');
    const result = kioskFileSchema.safeParse({
      title: 'Clinic',
      schedule: { mon: '18:00-08:00' },
      timezone: 'Mars',
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'schedule.mon',
      'timezone',
    ]);
  });
});

describe('reading opening hours from kiosk.yaml', () => {
  /** The hours as the kiosk gets them: from the content loader, which reads kiosk.yaml once. */
  const configFrom = async (kioskFile: string, fallbackZone?: string) => {
    const state = await loadContent(
      ROOT,
      memoryFs({ 'kiosk.yaml': kioskFile, 'slides/01-a.md': slide('A') }),
    );
    return { state, config: scheduleConfigOf(state, fallbackZone) };
  };

  it('is always open without a schedule, in the given or the computer time zone', async () => {
    expect((await configFrom('title: Clinic\n', 'UTC')).config).toMatchObject({
      hours: null,
      timeZone: 'UTC',
      wakeSeconds: 120,
    });
    expect((await configFrom('title: Clinic\ntimezone: Asia/Tokyo\n', 'UTC')).config).toMatchObject({
      timeZone: 'Asia/Tokyo',
    });
  });

  it('reads the hours, the time zone and the wake time, ignoring the other settings', async () => {
    const { config } = await configFrom(WEEKDAYS_9_TO_5);
    expect(config).toMatchObject({ timeZone: 'Europe/London', wakeSeconds: 180 });
    expect(config.hours?.week.mon).toEqual([{ start: 540, end: 1020 }]);
  });

  it('says what is wrong with bad hours or bad YAML, where it is', async () => {
    const messages = async (kioskFile: string) =>
      (await configFrom(kioskFile)).state.problems.map(
        (problem) => `${problem.line ?? ''} ${problem.message}`,
      );
    expect(await messages('title: Clinic\nschedule:\n  mon: 17:00-09:00\n')).toEqual([
      expect.stringMatching(/^3 schedule\.mon closes before it opens/),
    ]);
    expect(await messages('title: Clinic\ntimezone: Nowhere/Special\n')).toEqual([
      expect.stringMatching(/^2 timezone/),
    ]);
    expect(await messages('title: Clinic\nschedule: [\n')).toEqual([
      expect.stringMatching(/quote or bracket/),
    ]);
  });
});
