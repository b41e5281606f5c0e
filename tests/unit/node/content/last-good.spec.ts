import fs, { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDiskLastGoodStore, LAST_GOOD_FILE } from '../../../../src/node/content/last-good';
import type { StoredContent } from '../../../../src/node/content/last-good';

let folder: string;

const content = (title: string): StoredContent => ({
  dir: '/content',
  savedAt: '2026-03-02T09:00:00.000Z',
  standbyTitle: title,
  deck: {
    language: 'en',
    title,
    slides: [{ id: '01-a', language: 'en', title: 'A', summary: 'S', seconds: 10, bodyHtml: '<p>B</p>' }],
    idleSeconds: 60,
    warningSeconds: 10,
    rotateLanguages: false,
    translations: [],
  },
});

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'kiosk-last-good-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('the last good content on disk', () => {
  it('reads back what it wrote', async () => {
    const store = createDiskLastGoodStore(folder);
    await store.write(content('Clinic'));
    expect(await createDiskLastGoodStore(folder).read()).toEqual(content('Clinic'));
  });

  it('has nothing to read before anything was written', async () => {
    expect(await createDiskLastGoodStore(join(folder, 'not-yet')).read()).toBeUndefined();
  });

  it('creates its folder when it does not exist yet', async () => {
    const store = createDiskLastGoodStore(join(folder, 'user-data'));
    await store.write(content('Clinic'));
    expect(readdirSync(join(folder, 'user-data'))).toEqual([LAST_GOOD_FILE]);
  });

  it('replaces the file whole, leaving no temporary file behind', async () => {
    const store = createDiskLastGoodStore(folder);
    await store.write(content('First'));
    await store.write(content('Second'));
    expect(readdirSync(folder)).toEqual([LAST_GOOD_FILE]);
    expect(JSON.parse(readFileSync(store.file, 'utf8'))).toMatchObject({ standbyTitle: 'Second' });
  });

  it('keeps the old file intact when writing the new one fails', async () => {
    const store = createDiskLastGoodStore(folder);
    await store.write(content('Old'));
    // The power goes after the new file is written, before it replaces the old one.
    vi.spyOn(fs, 'rename').mockImplementation((_from, _to, callback) => {
      callback(new Error('power cut'));
    });
    await expect(store.write(content('New'))).rejects.toThrow('power cut');
    vi.restoreAllMocks();
    expect(await store.read()).toEqual(content('Old'));
    expect(readdirSync(folder)).toEqual([LAST_GOOD_FILE]);
  });

  it('ignores a damaged file, or one from another version, rather than failing', async () => {
    const store = createDiskLastGoodStore(folder);
    writeFileSync(store.file, '{"format": 1, "dir": "/content", "deck": {"tit');
    expect(await store.read()).toBeUndefined();
    writeFileSync(store.file, JSON.stringify({ ...content('Future'), format: 2 }));
    expect(await store.read()).toBeUndefined();
    writeFileSync(store.file, JSON.stringify({ format: 1, ...content('Bad'), deck: { title: 'no slides' } }));
    expect(await store.read()).toBeUndefined();
  });

  it('says so when the file exists but cannot be read', async () => {
    const store = createDiskLastGoodStore(folder);
    // A folder where the file should be: it exists, and reading it fails.
    mkdirSync(store.file);
    await expect(store.read()).rejects.toThrow('EISDIR');
  });
});
