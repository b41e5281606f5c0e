import * as fsPromises from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseStoredContent, serializeStoredContent, type StoredContent } from '../shared/content/last-good';
import type { LastGoodStore } from '../shared/content/live';

export const LAST_GOOD_FILE = 'last-good-content.json';

/** The file calls the store makes; `node:fs/promises` satisfies it, and tests can make one fail. */
export interface StoreFileSystem {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  open(
    path: string,
    flags: 'w',
  ): Promise<{
    writeFile(data: string, encoding: 'utf8'): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

/**
 * The last good content on disk, so that a restart with a broken folder still shows it. Written
 * to a temporary file, flushed, then renamed over the old one: a power cut mid-write leaves the
 * old file or the new one, never half of one.
 */
export function createDiskLastGoodStore(
  folder: string,
  fs: StoreFileSystem = fsPromises,
): LastGoodStore & { readonly file: string } {
  const file = join(folder, LAST_GOOD_FILE);
  let sequence = 0;
  return {
    file,
    async read() {
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      return parseStoredContent(text);
    },
    async write(content: StoredContent) {
      await fs.mkdir(dirname(file), { recursive: true });
      sequence += 1;
      const temporary = `${file}.${process.pid}.${sequence}.tmp`;
      try {
        const handle = await fs.open(temporary, 'w');
        try {
          await handle.writeFile(serializeStoredContent(content), 'utf8');
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(temporary, file);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
      }
    },
  };
}
