import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UsageRecord } from '../../../../src/node/usage/events';
import {
  encodeRecord,
  fileFor,
  readUsage,
  UsageStore,
  type UsageStoreOptions,
} from '../../../../src/node/usage/store';
import type { UsageEvent } from '../../../../src/shared/usage';
import { FakeClock } from '../../support/fake-clock';

const DAY = 24 * 60 * 60_000;
let dir: string;
let clock: FakeClock;

beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'kiosk-usage-')), 'usage');
  clock = new FakeClock('2026-12-07T10:00:00Z');
});
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

function store(options: Partial<UsageStoreOptions> = {}) {
  return new UsageStore({
    dir,
    clock,
    keepDays: () => 90,
    timeZone: () => 'Europe/London',
    log: { warn: vi.fn(), error: vi.fn() },
    ...options,
  });
}

const shown = (id: string, start = clock.now()): UsageEvent => ({
  type: 'shown',
  what: 'slide',
  id,
  language: 'en',
  start,
  seconds: 10,
});

const events = (records: readonly UsageRecord[]) => records.filter((record) => record.type !== 'zone');
const everything = () => readUsage(dir, Date.parse('2020-01-01'), Date.parse('2099-01-01'));

describe('the record of use on disk', () => {
  it('appends each event as a checked line, after the time zone its times are in', async () => {
    const usage = store();
    await usage.append([shown('01-a'), shown('02-b')]);
    await usage.close();
    const lines = readFileSync(join(dir, fileFor('2026-12-07')), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^[0-9a-f]{8} \{"type":"zone","at":\d+,"timeZone":"Europe\/London"\}$/);
    expect(events((await everything()).records)).toEqual([shown('01-a'), shown('02-b')]);
  });

  it('flushes what it wrote to the disk within a few seconds', async () => {
    const usage = store({ syncEveryMs: 3000 });
    await usage.append([shown('01-a')]);
    const { FileHandle } = await import('node:fs/promises').then(async (fs) => {
      const handle = await fs.open(join(dir, fileFor('2026-12-07')), 'r');
      await handle.close();
      return { FileHandle: Object.getPrototypeOf(handle) as { datasync: () => Promise<void> } };
    });
    const datasync = vi.spyOn(FileHandle, 'datasync');
    expect(datasync).not.toHaveBeenCalled();
    clock.advance(3000);
    await usage.flush();
    expect(datasync).toHaveBeenCalledTimes(1);
    await usage.close();
  });

  it('loses only the line a power cut cut short, and goes on writing after it when reopened', async () => {
    const first = store();
    await first.append([shown('01-a'), shown('02-b'), shown('03-c')]);
    await first.close();
    const file = join(dir, fileFor('2026-12-07'));
    // The power goes in the middle of writing the last line.
    truncateSync(file, statSync(file).size - 20);

    const reopened = store();
    await reopened.append([shown('04-d')]);
    await reopened.close();
    const { records, damaged } = await everything();
    expect(events(records).map((event) => ('id' in event ? event.id : ''))).toEqual(['01-a', '02-b', '04-d']);
    // Every line written after the cut is whole: the time zone written on reopening too.
    expect(records.filter((record) => record.type === 'zone')).toHaveLength(2);
    expect(damaged).toBe(1);
  });

  it('skips a line changed by hand, and anything that is not a record', async () => {
    const usage = store();
    await usage.append([shown('01-a')]);
    await usage.close();
    const file = join(dir, fileFor('2026-12-07'));
    appendFileSync(file, encodeRecord(shown('02-b')).replace('02-b', '99-z'));
    appendFileSync(file, 'not a record\n');
    appendFileSync(file, encodeRecord({ type: 'topics', session: 1, at: 2 }));
    const { records, damaged } = await everything();
    expect(events(records)).toEqual([shown('01-a')]);
    expect(damaged).toBe(3);
  });

  it('keeps a file a day, and deletes the days past the time it keeps them', async () => {
    const usage = store({ keepDays: () => 2 });
    await usage.append([shown('01-a')]);
    clock.advance(DAY);
    await usage.append([shown('02-b')]);
    clock.advance(DAY);
    await usage.append([shown('03-c')]);
    expect(readdirSync(dir).sort()).toEqual([
      fileFor('2026-12-07'),
      fileFor('2026-12-08'),
      fileFor('2026-12-09'),
    ]);
    await usage.prune();
    expect(readdirSync(dir).sort()).toEqual([fileFor('2026-12-08'), fileFor('2026-12-09')]);
    await usage.close();
  });

  it('records nothing, and keeps nothing, when kiosk.yaml says keep_days: 0', async () => {
    let keep = 90;
    const usage = store({ keepDays: () => keep });
    await usage.append([shown('01-a')]);
    keep = 0;
    await usage.append([shown('02-b')]);
    await usage.prune();
    await usage.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stays within its space: a day is capped, and the oldest days go when the whole is too big', async () => {
    const log = { warn: vi.fn(), error: vi.fn() };
    const usage = store({ maxDayBytes: 1000, maxTotalBytes: 1500, log });
    for (let index = 0; index < 20; index += 1) await usage.append([shown(`slide-${index}`)]);
    expect(statSync(join(dir, fileFor('2026-12-07'))).size).toBeLessThanOrEqual(1000);
    expect(log.warn).toHaveBeenCalledExactlyOnceWith(
      'the record of use for 2026-12-07 is full: the rest of that day is not recorded',
    );
    clock.advance(DAY);
    for (let index = 0; index < 20; index += 1) await usage.append([shown(`slide-${index}`)]);
    await usage.prune();
    expect(readdirSync(dir)).toEqual([fileFor('2026-12-08')]);
    await usage.close();
  });

  it('never throws: a failure to write is logged, and the kiosk goes on', async () => {
    const log = { warn: vi.fn(), error: vi.fn() };
    writeFileSync(join(dir, '..', 'blocker'), '');
    const usage = store({ dir: join(dir, '..', 'blocker', 'usage'), log });
    await expect(usage.append([shown('01-a')])).resolves.toBeUndefined();
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('the record of use could not be written'));
  });
});
