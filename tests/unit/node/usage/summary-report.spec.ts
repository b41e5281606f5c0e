import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../../../../src/node/usage/events';
import { reportCsv } from '../../../../src/node/usage/report';
import { summarize } from '../../../../src/node/usage/summary';
import type { Deck } from '../../../../src/shared/content';

const at = (iso: string) => Date.parse(iso);
const DECK = {
  slides: [
    { id: '01-pain', title: 'Natural pain relief' },
    { id: '02-sleep', title: 'Better sleep' },
  ],
} as unknown as Deck;

// A session late on 6 December in New York is 7 December in UTC.
const RECORDS: UsageRecord[] = [
  { type: 'zone', at: at('2026-12-06T12:00:00Z'), timeZone: 'America/New_York' },
  {
    type: 'shown',
    what: 'slide',
    id: '01-pain',
    language: 'en',
    start: at('2026-12-06T15:00:00Z'),
    seconds: 10,
  },
  {
    type: 'viewed',
    session: at('2026-12-07T02:00:00Z'),
    at: at('2026-12-07T02:00:00Z'),
    id: '01-pain',
    language: 'en',
  },
  {
    type: 'details',
    session: at('2026-12-07T02:00:00Z'),
    at: at('2026-12-07T02:00:05Z'),
    id: '01-pain',
    language: 'en',
  },
  {
    type: 'viewed',
    session: at('2026-12-07T02:00:00Z'),
    at: at('2026-12-07T02:00:10Z'),
    id: '02-sleep',
    language: 'es',
  },
  { type: 'session', start: at('2026-12-07T02:00:00Z'), seconds: 42.25, ended: 'back' },
  {
    type: 'viewed',
    session: at('2026-12-07T15:00:00Z'),
    at: at('2026-12-07T15:00:00Z'),
    id: '02-sleep',
    language: 'es',
  },
  { type: 'topics', session: at('2026-12-07T15:00:00Z'), at: at('2026-12-07T15:00:03Z') },
  { type: 'session', start: at('2026-12-07T15:00:00Z'), seconds: 70, ended: 'idle' },
];

describe('the record at a glance', () => {
  const summary = summarize(RECORDS, {
    now: at('2026-12-07T20:00:00Z'),
    days: 3,
    timeZone: 'America/New_York',
    deck: DECK,
    recording: true,
  });

  it('counts sessions on each day of the kiosk’s calendar, days without any included', () => {
    expect(summary.days).toEqual([
      { date: '2026-12-05', sessions: 0 },
      { date: '2026-12-06', sessions: 1 },
      { date: '2026-12-07', sessions: 1 },
    ]);
  });

  it('lists the most read slides by their titles, and the languages by the sessions that used them', () => {
    expect(summary.topics).toEqual([
      { id: '01-pain', title: 'Natural pain relief', count: 2 },
      { id: '02-sleep', title: 'Better sleep', count: 2 },
    ]);
    expect(summary.languages).toEqual([
      { language: 'es', sessions: 2 },
      { language: 'en', sessions: 1 },
    ]);
  });
});

describe('the record as CSV', () => {
  it('writes a row per record, on the kiosk’s own clock', () => {
    expect(reportCsv(RECORDS, 'UTC').split('\r\n')).toEqual([
      'date,time,record,what,name,language,seconds,ended,session',
      '2026-12-06,10:00:00,shown,slide,01-pain,en,10,,',
      '2026-12-06,21:00:00,slide viewed,slide,01-pain,en,,,2026-12-06 21:00:00',
      '2026-12-06,21:00:05,learn more opened,slide,01-pain,en,,,2026-12-06 21:00:00',
      '2026-12-06,21:00:10,slide viewed,slide,02-sleep,es,,,2026-12-06 21:00:00',
      '2026-12-06,21:00:00,touch session,,,,42.3,back,2026-12-06 21:00:00',
      '2026-12-07,10:00:00,slide viewed,slide,02-sleep,es,,,2026-12-07 10:00:00',
      '2026-12-07,10:00:03,topic list opened,,,,,,2026-12-07 10:00:00',
      '2026-12-07,10:00:00,touch session,,,,70,idle,2026-12-07 10:00:00',
      '',
    ]);
  });

  it('quotes what needs quotes, and never lets a name start a spreadsheet formula', () => {
    const csv = reportCsv(
      [
        {
          type: 'shown',
          what: 'notice',
          id: '=HYPERLINK("x")',
          language: 'en',
          start: at('2026-12-07T10:00:00Z'),
          seconds: 1,
        },
        {
          type: 'shown',
          what: 'slide',
          id: 'a, b',
          language: 'en',
          start: at('2026-12-07T10:00:00Z'),
          seconds: 1,
        },
      ],
      'UTC',
    );
    expect(csv).toContain(`notice,"'=HYPERLINK(""x"")",en`);
    expect(csv).toContain('slide,"a, b",en');
  });
});
