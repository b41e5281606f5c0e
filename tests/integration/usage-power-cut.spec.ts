import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleModule } from '../../bench/lib/bundle.mjs';
import { readUsage, UsageStore } from '../../src/node/usage/store';
import { systemClock } from '../../src/shared/clock';

/**
 * The record of use when the power goes: a process writing it as fast as it can is killed at an
 * arbitrary moment, and the disk keeps an arbitrary part of what it was writing. Reopened, the
 * record has every line written before the cut, at most one line damaged, and goes on.
 */
let base: string;
let writer: string;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-power-cut-'));
  // Bundled inside the project, so that it finds the kiosk's packages as the kiosk does.
  writer = await bundleModule(
    resolve('.'),
    'tests/support/usage-writer.ts',
    resolve('out/test-support/usage-writer'),
  );
}, 60_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

function killWhileWriting(dir: string, afterMs: number): Promise<void> {
  const child = spawn(process.execPath, [writer, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done) => {
    child.stdout.once('data', () => {
      setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.once('exit', () => done());
  });
}

describe('the record of use after a power cut', () => {
  for (const [run, afterMs, cutBytes] of [
    [1, 7, 0],
    [2, 31, 13],
    [3, 120, 71],
  ] as const) {
    it(`keeps every line written before the cut, and goes on (cut ${run})`, async () => {
      const dir = join(base, `usage-${run}`);
      await killWhileWriting(dir, afterMs);
      const [name] = readdirSync(dir);
      const file = join(dir, name ?? '');
      // What the disk kept of the last write: the file cut at an arbitrary byte.
      truncateSync(file, statSync(file).size - cutBytes);
      const whole = readFileSync(file, 'utf8').split('\n').slice(0, -1).length;

      const reopened = new UsageStore({
        dir,
        clock: systemClock,
        keepDays: () => 90,
        timeZone: () => 'Europe/London',
        log: { warn: () => undefined, error: () => undefined },
      });
      await reopened.append([{ type: 'session', start: Date.now(), seconds: 12, ended: 'back' }]);
      await reopened.close();

      const { records, damaged } = await readUsage(dir, Date.now() - 60_000, Date.now() + 60_000);
      expect(damaged).toBeLessThanOrEqual(1);
      // Every whole line before the cut, the zone line written on reopening, and the new session.
      expect(records.length).toBe(whole + 2);
      expect(records.at(-1)).toMatchObject({ type: 'session', ended: 'back' });
      const ids = records.flatMap((record) => ('id' in record ? [record.id] : []));
      expect(ids).toEqual([...ids].sort());
    });
  }

  it('is read by the built report command, a damaged line left out and said so', () => {
    const userData = join(base, 'user-data');
    cpSync(join(base, 'usage-2'), join(userData, 'usage'), { recursive: true });
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const result = spawnSync(
      process.execPath,
      [
        resolve('out/main/report.js'),
        '--from',
        day(-1),
        '--to',
        day(1),
        '--out',
        '-',
        '--user-data',
        userData,
      ],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const rows = result.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('date,time,record,what,name,language,seconds,ended,session');
    expect(rows.at(-1)).toMatch(/,touch session,,,,12,back,/);
    expect(result.stderr).toMatch(/^(|1 line of the record could not be read and were left out .*\n)$/);
  });
});
