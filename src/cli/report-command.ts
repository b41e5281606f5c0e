import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFlagValue } from '../node/argv';
import { writeFileAtomically } from '../node/atomic-write';
import type { Env } from '../node/environment';
import { toolUserDataDir, USER_DATA_FLAG } from '../node/paths';
import { asksForHelp, terminalLines } from '../node/terminal';
import { isRealDate } from '../node/time/wall-time';
import { systemTimeZone } from '../node/time/wall-clock';
import type { UsageRecord } from '../node/usage/events';
import { reportCsv } from '../node/usage/report';
import { readUsage, USAGE_FOLDER } from '../node/usage/store';
import { dateAsUtc, DAY_MS, wallClock, wallDate } from '../shared/wall-clock';

/**
 * `npm run report -- --from 2026-12-01 --to 2026-12-31` (and `clinic-kiosk --report ...` on an
 * installed kiosk): writes the record of what was shown and how it was used, for those days of
 * the kiosk's calendar, as CSV for a spreadsheet. Reads the kiosk's own record; sends nothing.
 */

export const REPORT_FLAG = '--report';
const FROM = '--from';
const TO = '--to';
const OUT = '--out';

export const REPORT_USAGE = `Writes what Clinic Kiosk showed and how it was used, as CSV for a spreadsheet.

  npm run report -- --from 2026-12-01 --to 2026-12-31        from the project folder
  clinic-kiosk --report --from 2026-12-01 --to 2026-12-31    on an installed kiosk (Linux)

Options:
  ${FROM} DATE        the first day (year-month-day), on the kiosk's own calendar
  ${TO} DATE          the last day, included
  ${OUT} FILE         where to write it (default: clinic-kiosk-report-FROM-to-TO.csv here; - for the terminal)
  ${USER_DATA_FLAG} DIR   the kiosk's user-data folder (default: the kiosk's own)
  --help            show this text`;

export interface ReportIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: Env;
  readonly platform: NodeJS.Platform;
  readonly cwd: string;
  readonly home?: string;
}

export interface ReportOptions {
  /** Inside the app the folder is already known. */
  readonly userDataDir?: string;
  /** The time zone for records written before the kiosk noted one: the computer's own. */
  readonly timeZone?: string;
}

/** Returns the exit code: 0 written, 1 failed, 2 wrong usage. */
export async function runReport(
  args: readonly string[],
  io: ReportIo,
  options: ReportOptions = {},
): Promise<number> {
  const { say, complain } = terminalLines(io);
  if (asksForHelp(args)) {
    say(REPORT_USAGE);
    return 0;
  }
  const warnings: string[] = [];
  const from = findFlagValue(args, FROM, warnings);
  const to = findFlagValue(args, TO, warnings);
  const out = findFlagValue(args, OUT, warnings);
  const known = new Set([FROM, TO, OUT, USER_DATA_FLAG, REPORT_FLAG]);
  const unknown = args.filter(
    (arg, index) =>
      arg.startsWith('-') &&
      arg !== '-' &&
      !known.has(arg.split('=')[0] ?? '') &&
      !known.has(args[index - 1] ?? ''),
  );
  if (from === undefined || to === undefined || unknown.length > 0 || warnings.length > 0) {
    complain(
      [
        ...warnings,
        ...unknown.map((arg) => `unknown option ${arg}`),
        ...(from === undefined || to === undefined ? [`give both ${FROM} and ${TO}`] : []),
        '',
        REPORT_USAGE,
      ].join('\n'),
    );
    return 2;
  }
  for (const [flag, date] of [
    [FROM, from],
    [TO, to],
  ] as const) {
    if (!isRealDate(date)) {
      complain(`${flag} must be a day written year-month-day, such as 2026-12-01, not "${date}".`);
      return 2;
    }
  }
  if (to < from) {
    complain(`${TO} (${to}) is before ${FROM} (${from}): give the first day first.`);
    return 2;
  }

  const dir = options.userDataDir ?? toolUserDataDir(args, io);
  const folder = resolve(dir, USAGE_FOLDER);
  if (!existsSync(folder)) {
    complain(
      `There is no record of use in ${dir}: the kiosk has recorded nothing yet there, or its record is turned off (records: keep_days: 0 in kiosk.yaml).`,
    );
    return 1;
  }
  const fallbackZone = options.timeZone ?? systemTimeZone();
  // A day's margin either side: the days are the kiosk's, whatever its time zone.
  const { records, damaged } = await readUsage(folder, dateAsUtc(from) - DAY_MS, dateAsUtc(to) + 2 * DAY_MS);
  const chosen = onDays(records, from, to, fallbackZone);
  const csv = reportCsv(chosen, fallbackZone);
  const rows = chosen.filter((record) => record.type !== 'zone').length;
  try {
    if (out === '-') {
      io.stdout.write(csv);
    } else {
      const path = resolve(io.cwd, out ?? `clinic-kiosk-report-${from}-to-${to}.csv`);
      await writeFileAtomically(path, csv);
      say(`Wrote ${rows === 1 ? '1 row' : `${rows} rows`} from ${from} to ${to} to ${path}.`);
    }
  } catch (error) {
    complain(`The report could not be written: ${(error as Error).message}`);
    return 1;
  }
  if (damaged > 0)
    complain(
      `${damaged === 1 ? '1 line' : `${damaged} lines`} of the record could not be read and were left out (a power cut cuts the line being written short).`,
    );
  return 0;
}

/** The records on the days from `from` to `to` of the kiosk's calendar, with the zones that date them. */
function onDays(
  records: readonly UsageRecord[],
  from: string,
  to: string,
  fallbackZone: string,
): UsageRecord[] {
  let timeZone = fallbackZone;
  return records.filter((record) => {
    if (record.type === 'zone') {
      timeZone = record.timeZone;
      return true;
    }
    const at = record.type === 'shown' || record.type === 'session' ? record.start : record.at;
    const date = wallDate(wallClock(at, timeZone));
    return date >= from && date <= to;
  });
}
