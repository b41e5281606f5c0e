import { mkdir, open, readdir, readFile, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Clock, TimerHandle } from '../../shared/clock';
import { DAY_MS } from '../../shared/wall-clock';
import { syncFolder } from '../atomic-write';
import { errnoCode } from '../errno';
import { usageRecordSchema, type UsageRecord } from './events';

/**
 * The record of use on disk: an append-only file per day (`usage-2026-12-07.log`, by UTC date),
 * one record a line, each line `<crc32> <json>`. Appending never touches what was written before,
 * so a power cut can at worst cut the last line short; its check then fails, and reading skips it.
 * Lines are flushed to the disk every few seconds (`syncEveryMs`), so a power cut loses at most
 * those. Days past `keepDays` are deleted, each day's file is capped at `maxDayBytes` and the
 * whole record at `maxTotalBytes` (the oldest days go first): the record never fills the disk.
 *
 * An append-only file and not an embedded database: it needs no native module (which Electron
 * would have to rebuild), its safety against a power cut can be tested here for real, and a
 * staff member can read it with any text editor.
 */

export const USAGE_FOLDER = 'usage';
const FILE = /^usage-(\d{4}-\d{2}-\d{2})\.log$/;

export const USAGE_LIMITS = {
  syncEveryMs: 3_000,
  /** A busy day is well under 1 MB: a page sending nonsense all day stops here. */
  maxDayBytes: 4 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
} as const;

export interface UsageStoreOptions {
  readonly dir: string;
  readonly clock: Clock;
  /** How many days to keep, looked up at each write and each pruning: 0 keeps nothing. */
  readonly keepDays: () => number;
  /** The kiosk's time zone: each file says which its times are in, and says it again when it changes. */
  readonly timeZone: () => string;
  readonly log: { warn(message: string): void; error(message: string): void };
  readonly syncEveryMs?: number;
  readonly maxDayBytes?: number;
  readonly maxTotalBytes?: number;
}

export function fileFor(date: string): string {
  return `usage-${date}.log`;
}

/** One record as a line: its check, then the record. */
export function encodeRecord(record: UsageRecord): string {
  const json = JSON.stringify(record);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

/** A line back into its record, or undefined when it was cut short or damaged. */
export function decodeRecord(line: string): UsageRecord | undefined {
  const space = line.indexOf(' ');
  if (space !== 8) return undefined;
  const json = line.slice(space + 1);
  if (crc32(json).toString(16).padStart(8, '0') !== line.slice(0, space)) return undefined;
  try {
    const parsed = usageRecordSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export class UsageStore {
  readonly #options: UsageStoreOptions;
  readonly #limits: { syncEveryMs: number; maxDayBytes: number; maxTotalBytes: number };
  #queue: Promise<void> = Promise.resolve();
  #file: { date: string; handle: FileHandle; size: number; timeZone?: string } | undefined;
  #dirty = false;
  #syncTimer: TimerHandle | undefined;
  #fullDay: string | undefined;
  #closed = false;

  constructor(options: UsageStoreOptions) {
    this.#options = options;
    this.#limits = {
      syncEveryMs: options.syncEveryMs ?? USAGE_LIMITS.syncEveryMs,
      maxDayBytes: options.maxDayBytes ?? USAGE_LIMITS.maxDayBytes,
      maxTotalBytes: options.maxTotalBytes ?? USAGE_LIMITS.maxTotalBytes,
    };
  }

  /** Appends records, after any appends before them; never throws (a failure is logged). */
  append(records: readonly UsageRecord[]): Promise<void> {
    return this.#enqueue(() => this.#append(records));
  }

  /** Flushes what was written to the disk now. */
  flush(): Promise<void> {
    return this.#enqueue(() => this.#sync());
  }

  /** Deletes the days past `keepDays`, then the oldest while the record is over its size. */
  prune(): Promise<void> {
    return this.#enqueue(() => this.#prune());
  }

  close(): Promise<void> {
    return this.#enqueue(async () => {
      this.#closed = true;
      await this.#closeFile();
    });
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task).catch((error: unknown) => {
      this.#options.log.error(`the record of use could not be written: ${String(error)}`);
    });
    this.#queue = run;
    return run;
  }

  async #append(records: readonly UsageRecord[]): Promise<void> {
    if (this.#closed || records.length === 0 || this.#options.keepDays() <= 0) return;
    const now = this.#options.clock.now();
    const date = utcDate(now);
    const file = await this.#fileFor(date);
    const timeZone = this.#options.timeZone();
    const zone: UsageRecord[] = file.timeZone === timeZone ? [] : [{ type: 'zone', at: now, timeZone }];
    const text = [...zone, ...records].map(encodeRecord).join('');
    const bytes = Buffer.byteLength(text);
    if (file.size + bytes > this.#limits.maxDayBytes) {
      if (this.#fullDay !== date)
        this.#options.log.warn(`the record of use for ${date} is full: the rest of that day is not recorded`);
      this.#fullDay = date;
      return;
    }
    await file.handle.write(text);
    file.size += bytes;
    file.timeZone = timeZone;
    this.#dirty = true;
    this.#syncTimer ??= this.#options.clock.setTimeout(() => {
      this.#syncTimer = undefined;
      void this.flush();
    }, this.#limits.syncEveryMs);
  }

  async #fileFor(date: string) {
    if (this.#file?.date === date) return this.#file;
    await this.#closeFile();
    await mkdir(this.#options.dir, { recursive: true });
    const path = join(this.#options.dir, fileFor(date));
    const handle = await open(path, 'a+');
    let { size } = await handle.stat();
    if (size === 0) {
      await syncFolder(this.#options.dir);
    } else {
      // A line cut short by a power cut stays alone on its line: what follows starts afresh.
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) {
        await handle.write('\n');
        size += 1;
      }
    }
    this.#file = { date, handle, size };
    return this.#file;
  }

  async #sync(): Promise<void> {
    this.#options.clock.clearTimeout(this.#syncTimer);
    this.#syncTimer = undefined;
    if (this.#file === undefined || !this.#dirty) return;
    this.#dirty = false;
    await this.#file.handle.datasync();
  }

  async #closeFile(): Promise<void> {
    await this.#sync();
    const file = this.#file;
    this.#file = undefined;
    await file?.handle.close();
  }

  async #prune(): Promise<void> {
    const files = await usageFiles(this.#options.dir);
    const keepDays = this.#options.keepDays();
    const oldest = utcDate(this.#options.clock.now() - Math.max(0, keepDays - 1) * DAY_MS);
    let total = files.reduce((sum, file) => sum + file.size, 0);
    for (const file of files) {
      const tooOld = keepDays <= 0 || file.date < oldest;
      if (!tooOld && total <= this.#limits.maxTotalBytes) continue;
      if (this.#file?.date === file.date) await this.#closeFile();
      await rm(join(this.#options.dir, file.name), { force: true });
      total -= file.size;
    }
  }
}

/** The day files in `dir`, oldest first. */
async function usageFiles(dir: string): Promise<{ name: string; date: string; size: number }[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw error;
  }
  const files = [];
  for (const name of names.sort()) {
    const date = FILE.exec(name)?.[1];
    if (date === undefined) continue;
    files.push({ name, date, size: (await stat(join(dir, name))).size });
  }
  return files;
}

/**
 * The records written from `from` to `to` (epoch milliseconds, both included), with how many
 * lines were damaged (cut short by a power cut, or changed by hand) and so left out.
 */
export async function readUsage(
  dir: string,
  from: number,
  to: number,
): Promise<{ records: UsageRecord[]; damaged: number }> {
  // A record is written at most a day after its start: a day's margin either side.
  const first = utcDate(from - DAY_MS);
  const last = utcDate(to + DAY_MS);
  const records: UsageRecord[] = [];
  let damaged = 0;
  for (const file of await usageFiles(dir)) {
    if (file.date < first || file.date > last) continue;
    const text = await readFile(join(dir, file.name), 'utf8');
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const record = decodeRecord(line);
      if (record === undefined) damaged += 1;
      else if (within(record, from, to)) records.push(record);
    }
  }
  return { records, damaged };
}

function within(record: UsageRecord, from: number, to: number): boolean {
  const time = record.type === 'zone' ? record.at : 'start' in record ? record.start : record.at;
  return record.type === 'zone' || (time >= from && time <= to);
}

function utcDate(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}
