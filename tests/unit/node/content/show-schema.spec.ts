import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../../src/node/content/load';
import { parseDays } from '../../../../src/node/content/show-schema';
import { formatProblem } from '../../../../src/shared/content';
import { KIOSK_YAML, memoryFs, ROOT, slide } from './memory-fs';

async function load(show: string, extra: Record<string, string> = {}) {
  const files = memoryFs({
    'kiosk.yaml': KIOSK_YAML,
    'slides/01-always.md': slide('Always'),
    'slides/02-timed.md': slide('Timed', show),
    ...extra,
  });
  return loadContent(ROOT, files);
}

const messages = async (show: string) => (await load(show)).problems.map(formatProblem);

describe('reading the days of show:', () => {
  it.each([
    ['mon-fri', ['mon', 'tue', 'wed', 'thu', 'fri']],
    ['sat', ['sat']],
    ['Monday, Wed', ['mon', 'wed']],
    ['fri-mon', ['mon', 'fri', 'sat', 'sun']],
    ['sun - tue', ['mon', 'tue', 'sun']],
  ])('reads %j', (text, days) => {
    expect(parseDays(text)).toEqual(days);
  });

  it('reads a list, ranges inside it included, in week order and each day once', () => {
    expect(parseDays(['fri', 'mon-wed', 'tue'])).toEqual(['mon', 'tue', 'wed', 'fri']);
  });

  it.each([
    ['weekdays', /"weekdays", which is not a day/],
    ['mon-', /"mon-", which is not a day/],
    ['', /is empty/],
  ])('explains what is wrong with %j', (text, message) => {
    expect(parseDays(text)).toMatch(message);
  });
});

describe('show: on a slide', () => {
  it('gives the slide its days, hours and dates', async () => {
    const state = await load(
      'show:\n  days: mon-fri\n  hours: 08:00-12:00, 14:00-16:30\n  from: 2026-12-01\n  until: 2026-12-24\n',
    );
    expect(state.problems).toEqual([]);
    expect(state.deck?.slides[1]?.show).toEqual({
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      hours: [
        { start: 480, end: 720 },
        { start: 840, end: 990 },
      ],
      from: '2026-12-01',
      until: '2026-12-24',
    });
    expect(state.deck?.slides[0]?.show).toBeUndefined();
  });

  it('places no limit when it is left empty', async () => {
    const state = await load('show:\n');
    expect(state.problems).toEqual([]);
    expect(state.deck?.slides[1]?.show).toBeUndefined();
  });

  it('gives a translation its slide’s show:, and warns that one written in a translation is not used', async () => {
    const files = memoryFs({
      'kiosk.yaml': 'title: Clinic\nlanguages: [en, es]\n',
      'slides/01-timed.md': slide('Timed', 'show:\n  days: sat\n'),
      'slides/01-timed.es.md': slide('Cronometrado', 'show:\n  days: sun\n'),
    });
    const state = await loadContent(ROOT, files);
    expect(state.deck?.translations[0]?.slides[0]?.show).toEqual({ days: ['sat'] });
    expect(state.problems.map(formatProblem)).toEqual([
      'slides/01-timed.es.md:4:1 show: is not used in a translation: it is shown whenever slides/01-timed.md is, so set show: there, and remove it here',
    ]);
  });

  it.each([
    [
      'show:\n  from: 2026-12-24\n  until: 2026-12-01\n',
      'slides/02-timed.md:6:10 show.until is before from (2026-12-24): the slide would never be shown; the last day must be on or after the first',
    ],
    [
      'show:\n  days: [sat, sun]\n  from: 2026-12-07\n  until: 2026-12-11\n',
      'slides/02-timed.md:5:9 show.days never fall between 2026-12-07 and 2026-12-11, so the slide would never be shown: change the days or the dates',
    ],
    [
      'show:\n  hours: closed\n',
      'slides/02-timed.md:5:10 show.hours "closed" means the slide is never shown: give the times it is shown, or delete the slide',
    ],
    [
      'show:\n  hours: 12:00-08:00\n',
      'slides/02-timed.md:5:10 show.hours ends before it starts in "12:00-08:00": the end time must come later',
    ],
    [
      'show:\n  hours: morning\n',
      'slides/02-timed.md:5:10 show.hours must be the times the slide is shown, such as "08:00-12:00" or "08:00-12:00, 14:00-17:00"',
    ],
    [
      'show:\n  from: 2026-02-30\n',
      'slides/02-timed.md:5:9 show.from is not a day of the calendar: check the month and the day',
    ],
    [
      'show:\n  until: 24/12/2026\n',
      'slides/02-timed.md:5:10 show.until must be a date written year-month-day, such as 2026-12-01',
    ],
    [
      'show:\n  day: mon\n',
      'slides/02-timed.md:5:3 unknown setting "day": did you mean "days"? Check the spelling, or remove it',
    ],
  ])('refuses a show: that can never be true or cannot be read: %j', async (show, message) => {
    expect(await messages(show)).toEqual([message]);
  });

  it('accepts days that fall on one of several dates', async () => {
    expect(await messages('show:\n  days: sat\n  from: 2026-12-07\n  until: 2026-12-12\n')).toEqual([]);
  });
});
