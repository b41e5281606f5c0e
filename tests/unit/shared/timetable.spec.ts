import { describe, expect, it } from 'vitest';
import type { Deck, Notice, ShowTimes, Slide } from '../../../src/shared/content';
import {
  nextTimetableChange,
  noticesCurrentAt,
  slidesShownAt,
  type Timetable,
} from '../../../src/shared/timetable';

const MINUTE = 60_000;
const at = (iso: string): number => Date.parse(iso);
const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

function slide(id: string, show?: ShowTimes): Slide {
  return { id, language: 'en', title: id, summary: '', seconds: 10, bodyHtml: '', ...(show ? { show } : {}) };
}

function deck(...slides: Slide[]): Deck {
  return {
    language: 'en',
    title: 'Clinic',
    slides,
    idleSeconds: 60,
    warningSeconds: 10,
    rotateLanguages: false,
    translations: [],
  };
}

function notice(id: string, from?: string, until?: string): Notice {
  const wall = (text: string) => {
    const [date = '', time = '00:00'] = text.split(' ');
    const [hour = 0, minute = 0] = time.split(':').map(Number);
    return { date, minute: hour * 60 + minute };
  };
  return {
    id,
    level: 'info',
    whenClosed: false,
    texts: [{ language: 'en', title: id, bodyHtml: '' }],
    ...(from ? { from: wall(from) } : {}),
    ...(until ? { until: wall(until) } : {}),
  };
}

const LONDON = 'Europe/London';
const MORNING = { hours: [{ start: 8 * 60, end: 12 * 60 }] };
const WEEKDAYS: ShowTimes = { days: ['mon', 'tue', 'wed', 'thu', 'fri'] };
const WEEKEND: ShowTimes = { days: ['sat', 'sun'] };
const ADVENT: ShowTimes = { from: '2026-12-01', until: '2026-12-24' };

/** The slow, obviously right answer: step a minute at a time until what shows changes. */
function bruteForceNextChange(timetable: Timetable, now: number, days = 8): number | null {
  const shown = (t: number) =>
    JSON.stringify([
      timetable.deck ? slidesShownAt(timetable.deck, t, timetable.timeZone) : [],
      noticesCurrentAt(timetable.notices, t, timetable.timeZone).map((n) => n.id),
    ]);
  const before = shown(now);
  for (let t = Math.floor(now / MINUTE) * MINUTE + MINUTE; t <= now + days * 1440 * MINUTE; t += MINUTE) {
    if (shown(t) !== before) return t;
  }
  return null;
}

describe('which slides show at a moment', () => {
  const slides = deck(
    slide('always'),
    slide('morning', MORNING),
    slide('weekdays', WEEKDAYS),
    slide('weekend', WEEKEND),
    slide('advent', ADVENT),
  );

  it('shows a slide from the start of its hours, and no longer at their end', () => {
    // Monday 7 December 2026, London is on GMT.
    expect(slidesShownAt(slides, at('2026-12-07T07:59:00Z'), LONDON)).toEqual([
      'always',
      'weekdays',
      'advent',
    ]);
    expect(slidesShownAt(slides, at('2026-12-07T08:00:00Z'), LONDON)).toContain('morning');
    expect(slidesShownAt(slides, at('2026-12-07T12:00:00Z'), LONDON)).not.toContain('morning');
  });

  it('changes the weekday at the kiosk’s midnight, not UTC’s', () => {
    // 23:30 on Friday in New York is already Saturday in UTC.
    const friday = slidesShownAt(slides, at('2026-12-12T04:30:00Z'), 'America/New_York');
    expect(friday).toContain('weekdays');
    expect(friday).not.toContain('weekend');
    const saturday = slidesShownAt(slides, at('2026-12-12T05:00:00Z'), 'America/New_York');
    expect(saturday).toContain('weekend');
  });

  it('shows a slide on its first and its last day, and not the day after', () => {
    expect(slidesShownAt(slides, at('2026-12-01T00:00:00Z'), LONDON)).toContain('advent');
    expect(slidesShownAt(slides, at('2026-12-24T23:59:00Z'), LONDON)).toContain('advent');
    expect(slidesShownAt(slides, at('2026-12-25T00:00:00Z'), LONDON)).not.toContain('advent');
  });

  it('reads the hours on the wall clock in summer time as in winter', () => {
    // 08:30 in London in July is 07:30 UTC.
    expect(slidesShownAt(slides, at('2026-07-06T07:30:00Z'), LONDON)).toContain('morning');
    expect(slidesShownAt(slides, at('2026-07-06T11:30:00Z'), LONDON)).not.toContain('morning');
  });
});

describe('which notices are current at a moment', () => {
  it('starts a notice at its from and ends it at its until, to the minute', () => {
    const snow = notice('snow', '2026-12-07 08:00', '2026-12-07 18:00');
    expect(noticesCurrentAt([snow], at('2026-12-07T07:59:59Z'), LONDON)).toEqual([]);
    expect(noticesCurrentAt([snow], at('2026-12-07T08:00:00Z'), LONDON)).toEqual([snow]);
    expect(noticesCurrentAt([snow], at('2026-12-07T17:59:59Z'), LONDON)).toEqual([snow]);
    expect(noticesCurrentAt([snow], at('2026-12-07T18:00:00Z'), LONDON)).toEqual([]);
  });

  it('keeps a notice without an end, and shows one without a start at once', () => {
    const open = notice('open-ended', '2026-12-07 08:00');
    const until = notice('until-only', undefined, '2026-12-08 00:00');
    expect(noticesCurrentAt([open, until], at('2030-01-01T00:00:00Z'), LONDON)).toEqual([open]);
    expect(noticesCurrentAt([open, until], at('2026-12-01T00:00:00Z'), LONDON)).toEqual([until]);
  });
});

describe('when what shows next changes', () => {
  const cases: [string, Timetable, string, string | null][] = [
    [
      'the end of a slide’s hours',
      { deck: deck(slide('a'), slide('morning', MORNING)), notices: [], timeZone: LONDON },
      '2026-12-07T10:00:00Z',
      '2026-12-07T12:00:00.000Z',
    ],
    [
      'the next morning, across midnight',
      { deck: deck(slide('a'), slide('morning', MORNING)), notices: [], timeZone: LONDON },
      '2026-12-07T20:00:00Z',
      '2026-12-08T08:00:00.000Z',
    ],
    [
      'Monday, across the week end',
      { deck: deck(slide('a'), slide('weekdays', WEEKDAYS)), notices: [], timeZone: LONDON },
      '2026-12-12T10:00:00Z',
      '2026-12-14T00:00:00.000Z',
    ],
    [
      'the day after the last day',
      { deck: deck(slide('a'), slide('advent', ADVENT)), notices: [], timeZone: LONDON },
      '2026-12-20T10:00:00Z',
      '2026-12-25T00:00:00.000Z',
    ],
    [
      '08:00 after the clocks go forward (08:00 BST is 07:00 UTC)',
      { deck: deck(slide('a'), slide('morning', MORNING)), notices: [], timeZone: LONDON },
      '2026-03-28T20:00:00Z',
      '2026-03-29T07:00:00.000Z',
    ],
    [
      '08:00 after the clocks go back (08:00 GMT is 08:00 UTC)',
      { deck: deck(slide('a'), slide('morning', MORNING)), notices: [], timeZone: LONDON },
      '2026-10-24T20:00:00Z',
      '2026-10-25T08:00:00.000Z',
    ],
    [
      'a notice’s end',
      { deck: null, notices: [notice('snow', '2026-12-07 08:00', '2026-12-07 18:00')], timeZone: LONDON },
      '2026-12-07T09:00:00Z',
      '2026-12-07T18:00:00.000Z',
    ],
    [
      'nothing, when nothing follows the clock',
      { deck: deck(slide('a')), notices: [notice('always')], timeZone: LONDON },
      '2026-12-07T09:00:00Z',
      null,
    ],
  ];

  it.each(cases)('is %s', (_name, timetable, now, expected) => {
    expect(iso(nextTimetableChange(timetable, at(now)))).toBe(expected);
  });

  it('agrees with a minute-by-minute search, in many zones and around both clock changes', () => {
    const timetable = (timeZone: string): Timetable => ({
      deck: deck(
        slide('a'),
        slide('morning', MORNING),
        slide('weekend', { days: ['sat', 'sun'], hours: [{ start: 0, end: 90 }] }),
        slide('late', { hours: [{ start: 60, end: 150 }] }),
      ),
      notices: [notice('snow', '2026-03-29 01:30', '2026-03-29 03:00')],
      timeZone,
    });
    for (const timeZone of [LONDON, 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      for (const start of ['2026-03-27T22:10:00Z', '2026-03-28T23:59:00Z', '2026-10-24T23:30:00Z']) {
        const now = at(start);
        expect(iso(nextTimetableChange(timetable(timeZone), now)), `${timeZone} from ${start}`).toBe(
          iso(bruteForceNextChange(timetable(timeZone), now)),
        );
      }
    }
  });
});
