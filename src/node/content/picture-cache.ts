import { createHash } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Brand, Deck } from '../../shared/content';
import type { Clock } from '../../shared/clock';
import { writeFileAtomically } from '../atomic-write';
import { errnoCode } from '../errno';
import type { KeepPicture } from './pictures';

/**
 * The pictures the kiosk shows, kept in a folder of its own (in the user-data folder) as the
 * loader checked them. The page's picture addresses name a version of a file, so each address
 * has one file here, found by a hash of the address: nothing in a request is ever decoded into a
 * path. Served from here, a picture stays on screen when a network share or a USB stick goes
 * away, with the last good content that shows it.
 */

/** The file in the cache that holds the picture at `url` (`content/images/x.png?v=...`). */
export function cachedPictureName(url: string): string {
  const path = url.split('?')[0] ?? '';
  const extension = /\.(png|jpe?g|webp|svg|woff2|wav|mp3|ogg)$/i.exec(path)?.[0].toLowerCase() ?? '';
  return `${createHash('sha256').update(url).digest('hex').slice(0, 40)}${extension}`;
}

export function cachedPicturePath(cacheDir: string, url: string): string {
  return join(cacheDir, cachedPictureName(url));
}

/** Keeps each checked picture in `cacheDir`, once per version. */
export function keepInCache(cacheDir: string): KeepPicture {
  return async (url, bytes) => {
    const path = cachedPicturePath(cacheDir, url);
    try {
      await stat(path);
      return;
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error;
    }
    await writeFileAtomically(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  };
}

/** Every picture and recording address in a deck, in every language, and the brand's logo and font. */
export function picturesIn(deck: Deck | null, brand?: Brand): Set<string> {
  const urls = new Set<string>([brand?.logo, brand?.font].filter((url) => url !== undefined));
  if (deck === null) return urls;
  for (const edition of [deck, ...deck.translations]) {
    for (const slide of edition.slides) {
      if (slide.image !== undefined) urls.add(slide.image);
      if (slide.audio !== undefined) urls.add(slide.audio);
    }
  }
  return urls;
}

/** A picture no longer shown is kept this long: the page may still be fading it out. */
export const CACHE_GRACE_MS = 10 * 60_000;

/**
 * Removes the pictures the deck on screen no longer shows, once they are older than
 * {@link CACHE_GRACE_MS}, so the cache never grows beyond what is shown.
 */
export async function pruneCache(
  cacheDir: string,
  shown: Deck | null,
  clock: Pick<Clock, 'now'>,
  brand?: Brand,
): Promise<void> {
  const keep = new Set([...picturesIn(shown, brand)].map(cachedPictureName));
  let names: string[];
  try {
    names = await readdir(cacheDir);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw error;
  }
  for (const name of names) {
    if (keep.has(name)) continue;
    const path = join(cacheDir, name);
    const { mtimeMs } = await stat(path);
    if (clock.now() - mtimeMs >= CACHE_GRACE_MS) await rm(path, { force: true });
  }
}
