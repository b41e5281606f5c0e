import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runReport, type ReportIo } from '../../../src/cli/report-command';
import { USAGE_FOLDER, UsageStore } from '../../../src/node/usage/store';
import { FakeClock } from '../support/fake-clock';
import { Collector } from '../../support/collector';

let base: string;
let out: Collector;
let err: Collector;
const io = (): ReportIo => ({ stdout: out, stderr: err, env: {}, platform: 'linux', cwd: base, home: base });

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-report-'));
  out = new Collector();
  err = new Collector();
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

/** A session on 30 November and one on 7 December, each written as it ended. */
async function recordSomething() {
  const clock = new FakeClock('2026-11-30T10:00:00Z');
  const store = new UsageStore({
    dir: join(base, USAGE_FOLDER),
    clock,
    keepDays: () => 90,
    timeZone: () => 'Europe/London',
    log: { warn: vi.fn(), error: vi.fn() },
  });
  await store.append([{ type: 'session', start: clock.now(), seconds: 5, ended: 'idle' }]);
  clock.set('2026-12-07T10:00:00Z');
  await store.append([{ type: 'session', start: clock.now(), seconds: 30, ended: 'back' }]);
  await store.close();
}

describe('npm run report', () => {
  it('writes the chosen days as CSV beside where it was run, and says where', async () => {
    await recordSomething();
    const code = await runReport(['--from', '2026-12-01', '--to', '2026-12-31', '--user-data', base], io());
    expect(code).toBe(0);
    const file = join(base, 'clinic-kiosk-report-2026-12-01-to-2026-12-31.csv');
    expect(out.text).toBe(`Wrote 1 row from 2026-12-01 to 2026-12-31 to ${file}.\n`);
    expect(readFileSync(file, 'utf8')).toBe(
      'date,time,record,what,name,language,seconds,ended,session\r\n2026-12-07,10:00:00,touch session,,,,30,back,2026-12-07 10:00:00\r\n',
    );
  });

  it('writes to the terminal with --out -', async () => {
    await recordSomething();
    expect(
      await runReport(['--from=2026-11-30', '--to=2026-11-30', '--out', '-'], io(), { userDataDir: base }),
    ).toBe(0);
    expect(out.text).toContain('2026-11-30,10:00:00,touch session,,,,5,idle');
  });

  it.each([
    [[], /give both --from and --to/],
    [['--from', '2026-12-01'], /give both --from and --to/],
    [
      ['--from', '1 Dec', '--to', '2026-12-31'],
      /--from must be a day written year-month-day, such as 2026-12-01, not "1 Dec"/,
    ],
    [['--from', '2026-12-31', '--to', '2026-12-01'], /--to \(2026-12-01\) is before --from \(2026-12-31\)/],
    [['--from', '2026-12-01', '--to', '2026-12-31', '--colour'], /unknown option --colour/],
  ])('explains a wrong command line %j', async (args, message) => {
    expect(await runReport(args, io(), { userDataDir: base })).toBe(2);
    expect(err.text).toMatch(message);
  });

  it('says so when the kiosk has recorded nothing', async () => {
    expect(await runReport(['--from', '2026-12-01', '--to', '2026-12-31'], io(), { userDataDir: base })).toBe(
      1,
    );
    expect(err.text).toContain('There is no record of use in');
  });
});
