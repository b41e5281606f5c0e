import {
  cpSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchFolderWithChokidar } from '../../src/node/content/watch-chokidar';
import { watchContent, type FolderWatcher } from '../../src/node/content/watch';
import { systemClock } from '../../src/shared/clock';

/**
 * The watcher on a real folder, with the real chokidar and the real clock: each way people and
 * programs save files must make exactly one reload, within the two seconds the kiosk promises.
 */

const FIXTURE = join(__dirname, '../fixtures/three-slides');
const BUDGET_MS = 2000;
/** Long enough after a reload for a second, unwanted one to have shown up. */
const SETTLE_MS = 700;

let base: string;
let dir: string;
let watcher: FolderWatcher | undefined;
let reloads: { at: number; slide: string }[];
let changedAt: number;

const slideFile = () => join(dir, 'slides', '01-first.md');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startWatching(): Promise<void> {
  let ready: Promise<void> = Promise.resolve();
  watcher = watchContent({
    dir,
    clock: systemClock,
    watch: (folder, onActivity) => {
      const inner = watchFolderWithChokidar(folder, onActivity);
      ready = inner.ready;
      return inner;
    },
    onSettled: () => {
      let slide = '(missing)';
      try {
        slide = readFileSync(slideFile(), 'utf8');
      } catch {
        // Reported as missing: a reload that found the file gone.
      }
      reloads.push({ at: Date.now(), slide });
    },
  });
  await ready;
}

/** Waits for the reload, then a while longer to be sure it was the only one. */
async function reloadsAfterChange(): Promise<typeof reloads> {
  const deadline = changedAt + BUDGET_MS;
  while (reloads.length === 0 && Date.now() < deadline) await sleep(25);
  await sleep(SETTLE_MS);
  return reloads;
}

const edited = (title: string) => `---\ntitle: ${title}\nsummary: Edited.\n---\nA longer text.\n`;

beforeEach(async () => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-watch-'));
  dir = join(base, 'content');
  cpSync(FIXTURE, dir, { recursive: true });
  reloads = [];
  await startWatching();
});

afterEach(async () => {
  await watcher?.close();
  rmSync(base, { recursive: true, force: true });
});

describe('watching a real content folder', () => {
  it('reloads once, within two seconds, after a file is saved in place', async () => {
    changedAt = Date.now();
    writeFileSync(slideFile(), edited('In place'));
    const seen = await reloadsAfterChange();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.at - changedAt).toBeLessThan(BUDGET_MS);
    expect(seen[0]!.slide).toBe(edited('In place'));
  });

  it('reloads once after a temporary file is written and renamed over the original', async () => {
    changedAt = Date.now();
    const temporary = join(dir, 'slides', '.01-first.md.tmp');
    writeFileSync(temporary, edited('Renamed'));
    renameSync(temporary, slideFile());
    const seen = await reloadsAfterChange();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.slide).toBe(edited('Renamed'));
  });

  it('reloads once after a file is deleted and created again', async () => {
    changedAt = Date.now();
    unlinkSync(slideFile());
    await sleep(50);
    writeFileSync(slideFile(), edited('Re-created'));
    const seen = await reloadsAfterChange();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.slide).toBe(edited('Re-created'));
  });

  it('reloads once after a whole folder is copied over it, as from a USB stick', async () => {
    const stick = join(base, 'usb');
    cpSync(FIXTURE, stick, { recursive: true });
    writeFileSync(join(stick, 'slides', '01-first.md'), edited('From the stick'));
    for (let index = 4; index <= 12; index += 1) {
      writeFileSync(
        join(stick, 'slides', `${String(index).padStart(2, '0')}-more.md`),
        edited(`More ${index}`),
      );
    }
    changedAt = Date.now();
    cpSync(stick, dir, { recursive: true });
    const seen = await reloadsAfterChange();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.slide).toBe(edited('From the stick'));
  });

  it('reloads once for many quick saves in a row', async () => {
    changedAt = Date.now();
    for (let save = 1; save <= 8; save += 1) {
      writeFileSync(slideFile(), edited(`Save ${save}`));
      await sleep(40);
    }
    const seen = await reloadsAfterChange();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.slide).toBe(edited('Save 8'));
  });

  it('never reloads a file while it is still being written', async () => {
    const full = edited('Written slowly');
    changedAt = Date.now();
    const handle = await open(slideFile(), 'w');
    for (const part of [full.slice(0, 10), full.slice(10, 30), full.slice(30)]) {
      await handle.write(part);
      await sleep(150);
    }
    await handle.close();
    const seen = await reloadsAfterChange();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.slide).toBe(full);
  });

  it('finds the folder again after it was deleted and copied back whole', async () => {
    rmSync(dir, { recursive: true, force: true });
    await sleep(SETTLE_MS);
    reloads = [];
    changedAt = Date.now();
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(slideFile(), edited('Copied back'));
    // Finding a folder that reappeared takes a poll (one second) on top of the usual quiet time.
    while (reloads.length === 0 && Date.now() < changedAt + BUDGET_MS + 1000) await sleep(25);
    await sleep(SETTLE_MS);
    expect(reloads).toHaveLength(1);
    expect(reloads[0]!.slide).toBe(edited('Copied back'));
  });
});

describe('watching a folder with links that lead out of it or round in circles', () => {
  it('finishes its first look at the folder, and still sees a saved slide', async () => {
    const hostile = join(base, 'hostile');
    cpSync(FIXTURE, hostile, { recursive: true });
    symlinkSync('/usr', join(hostile, 'images', 'usr'));
    symlinkSync('..', join(hostile, 'slides', 'loop'));
    symlinkSync('.', join(hostile, 'self'));
    const seen: string[] = [];
    const confined = watchFolderWithChokidar(hostile, (path) => seen.push(path));
    try {
      const outcome = await Promise.race([
        confined.ready.then(() => 'ready'),
        sleep(10_000).then(() => 'never ready'),
      ]);
      expect(outcome).toBe('ready');
      writeFileSync(join(hostile, 'slides', '01-first.md'), edited('Seen'));
      await vi.waitFor(() => expect(seen.some((path) => path.endsWith('01-first.md'))).toBe(true), {
        timeout: 5_000,
      });
    } finally {
      await confined.close();
    }
  }, 20_000);

  it('sees a save when it looks every second instead of waiting for change events', async () => {
    const polled = join(base, 'polled');
    cpSync(FIXTURE, polled, { recursive: true });
    const seen: string[] = [];
    const watcher = watchFolderWithChokidar(polled, (path) => seen.push(path), { polling: true });
    try {
      await watcher.ready;
      writeFileSync(join(polled, 'slides', '02-second.md'), edited('Polled'));
      await vi.waitFor(() => expect(seen.some((path) => path.endsWith('02-second.md'))).toBe(true), {
        timeout: 5_000,
      });
    } finally {
      await watcher.close();
    }
  });
});
