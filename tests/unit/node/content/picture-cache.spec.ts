import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CACHE_GRACE_MS,
  cachedPictureName,
  cachedPicturePath,
  keepInCache,
  pruneCache,
} from '../../../../src/node/content/picture-cache';
import type { Deck } from '../../../../src/shared/content';
import { FakeClock } from '../../support/fake-clock';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-cache-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const deckShowing = (...images: string[]): Deck => ({
  language: 'en',
  title: 'Clinic',
  slides: images.map((image, index) => ({
    id: String(index),
    language: 'en',
    title: 'T',
    summary: 'S',
    image,
    seconds: 10,
    bodyHtml: '',
  })),
  idleSeconds: 60,
  warningSeconds: 10,
  rotateLanguages: false,
  translations: [],
});

describe('the picture cache', () => {
  it('names each picture version by a hash of its address, keeping only the kind of picture it is', () => {
    const name = cachedPictureName('content/images/../../etc/passwd.svg?v=1-2-3');
    expect(name).toMatch(/^[0-9a-f]{40}\.svg$/);
    expect(cachedPictureName('content/images/a.svg?v=1-2-4')).not.toBe(name);
    expect(cachedPictureName('content/images/odd name %25.png?v=1')).toMatch(/^[0-9a-f]{40}\.png$/);
  });

  it('keeps a checked picture once per version', async () => {
    const keep = keepInCache(dir);
    await keep('content/images/a.svg?v=1', new TextEncoder().encode('<svg/>'));
    await keep('content/images/a.svg?v=1', new TextEncoder().encode('different'));
    expect(readFileSync(cachedPicturePath(dir, 'content/images/a.svg?v=1'), 'utf8')).toBe('<svg/>');
  });

  it('removes pictures no longer shown once they are old enough, and keeps those shown', async () => {
    const clock = new FakeClock(Date.now());
    const keep = keepInCache(dir);
    await keep('content/images/shown.svg?v=1', new Uint8Array([1]));
    await keep('content/images/old.svg?v=1', new Uint8Array([2]));
    await keep('content/images/recent.svg?v=1', new Uint8Array([3]));
    const hourAgo = (Date.now() - CACHE_GRACE_MS - 60_000) / 1000;
    for (const url of ['content/images/shown.svg?v=1', 'content/images/old.svg?v=1'])
      utimesSync(cachedPicturePath(dir, url), hourAgo, hourAgo);

    await pruneCache(dir, deckShowing('content/images/shown.svg?v=1'), clock);
    expect(readdirSync(dir).sort()).toEqual(
      [
        cachedPictureName('content/images/shown.svg?v=1'),
        cachedPictureName('content/images/recent.svg?v=1'),
      ].sort(),
    );
  });
});
