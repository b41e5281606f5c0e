import type { UsageRecord } from './events';
import { wallClock, wallDate } from '../../shared/wall-clock';

/**
 * The record as CSV for a spreadsheet: one row per record, times on the kiosk's own clock (the
 * time zone each record was written in), columns a spreadsheet reads as they are.
 */

export const REPORT_COLUMNS = [
  'date',
  'time',
  'record',
  'what',
  'name',
  'language',
  'seconds',
  'ended',
  'session',
] as const;

type Row = Readonly<Partial<Record<(typeof REPORT_COLUMNS)[number], string | number>>>;

const RECORD_NAMES: Readonly<Record<Exclude<UsageRecord['type'], 'zone'>, string>> = {
  shown: 'shown',
  session: 'touch session',
  viewed: 'slide viewed',
  details: 'learn more opened',
  topics: 'topic list opened',
  language: 'language chosen',
  qr: 'QR code shown',
  listen: 'listen used',
};

export function reportCsv(records: readonly UsageRecord[], fallbackZone: string): string {
  let timeZone = fallbackZone;
  const rows: Row[] = [];
  const stamp = (instant: number) => {
    const wall = wallClock(instant, timeZone);
    const seconds = new Date(instant).getUTCSeconds();
    const pad = (value: number) => String(value).padStart(2, '0');
    return {
      date: wallDate(wall),
      time: `${pad(Math.floor(wall.minuteOfDay / 60))}:${pad(wall.minuteOfDay % 60)}:${pad(seconds)}`,
    };
  };
  const sessionName = (session: number) => {
    const { date, time } = stamp(session);
    return `${date} ${time}`;
  };
  for (const record of records) {
    if (record.type === 'zone') {
      timeZone = record.timeZone;
      continue;
    }
    const at = record.type === 'shown' || record.type === 'session' ? record.start : record.at;
    const row: Row = { ...stamp(at), record: RECORD_NAMES[record.type] };
    switch (record.type) {
      case 'shown':
        rows.push({
          ...row,
          what: record.what,
          name: record.id,
          language: record.language,
          seconds: round(record.seconds),
        });
        break;
      case 'session':
        rows.push({
          ...row,
          seconds: round(record.seconds),
          ended: record.ended,
          session: sessionName(record.start),
        });
        break;
      case 'viewed':
      case 'details':
        rows.push({
          ...row,
          what: 'slide',
          name: record.id,
          language: record.language,
          session: sessionName(record.session),
        });
        break;
      case 'language':
        rows.push({ ...row, language: record.language, session: sessionName(record.session) });
        break;
      case 'qr':
      case 'listen':
        rows.push({ ...row, what: 'slide', name: record.id, session: sessionName(record.session) });
        break;
      case 'topics':
        rows.push({ ...row, session: sessionName(record.session) });
        break;
    }
  }
  const lines = [
    REPORT_COLUMNS.join(','),
    ...rows.map((row) => REPORT_COLUMNS.map((column) => csvField(row[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}

/** Quoted where it must be; a leading = + - @ is made text, so no spreadsheet reads it as a formula. */
function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
