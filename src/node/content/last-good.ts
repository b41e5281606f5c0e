import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Brand, Deck, Notice, WeeklyHours } from '../../shared/content';
import { writeFileAtomically } from '../atomic-write';
import { errnoCode } from '../errno';
import { brandSchema, deckSchema, noticeSchema, weeklyHoursSchema } from './model';

/**
 * The last content shown without errors, as it is kept between runs. It names the folder it came
 * from, so that a kiosk pointed at another folder never shows the old one's slides.
 */
export interface StoredContent {
  readonly dir: string;
  /** ISO time it was saved: told in the log when a broken folder falls back to it. */
  readonly savedAt: string;
  readonly deck: Deck;
  readonly standbyTitle: string;
  readonly standbyLanguage?: string;
  readonly openingHours?: WeeklyHours;
  readonly timeZone?: string;
  readonly notices?: readonly Notice[];
  readonly brand?: Brand;
  readonly recordDays?: number;
}

/** Where the last good content is kept between runs: a file in Electron, memory in the preview. */
export interface LastGoodStore {
  readonly read: () => Promise<StoredContent | undefined>;
  readonly write: (content: StoredContent) => Promise<void>;
}

export const LAST_GOOD_FILE = 'last-good-content.json';

const FORMAT = 1;

const storedContentSchema = z.object({
  format: z.literal(FORMAT),
  dir: z.string(),
  savedAt: z.string(),
  deck: deckSchema,
  standbyTitle: z.string(),
  standbyLanguage: z.string().optional(),
  openingHours: weeklyHoursSchema.optional(),
  timeZone: z.string().optional(),
  notices: z.array(noticeSchema).optional(),
  brand: brandSchema.optional(),
  recordDays: z.number().min(0).optional(),
});

export function serializeStoredContent(content: StoredContent): string {
  return `${JSON.stringify({ format: FORMAT, ...content }, null, 2)}\n`;
}

/**
 * Reads back what {@link serializeStoredContent} wrote. A damaged file, or one from another version,
 * is not an error to stop for: it is simply not used (undefined).
 */
export function parseStoredContent(text: string): StoredContent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = storedContentSchema.safeParse(json);
  if (!result.success) return undefined;
  const { format: _format, ...content } = result.data;
  return content;
}

/** Kept for as long as the process runs: enough for the browser preview. */
export function createMemoryLastGoodStore(): LastGoodStore {
  let kept: StoredContent | undefined;
  return {
    read: () => Promise.resolve(kept),
    write(content) {
      kept = content;
      return Promise.resolve();
    },
  };
}

/** The last good content in a file of `folder`, so that a restart with a broken folder still shows it. */
export function createDiskLastGoodStore(folder: string): LastGoodStore & { readonly file: string } {
  const file = join(folder, LAST_GOOD_FILE);
  return {
    file,
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') return undefined;
        throw error;
      }
      return parseStoredContent(text);
    },
    write: (content) => writeFileAtomically(file, serializeStoredContent(content)),
  };
}
