import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { OPEN_WITHOUT_WAITING } from '../content/file-system';
import { errnoCode } from '../errno';

export interface ServedFile {
  readonly stream: Readable;
  readonly size: number;
}

/**
 * Opens a file to send, or undefined if there is none: the file actually opened is checked to
 * be a regular file (no window between checking one file and sending another), and it is sent
 * as a stream, never read whole into memory. Other failures are thrown, for the caller to log.
 */
export async function openServedFile(path: string): Promise<ServedFile | undefined> {
  let handle;
  try {
    // Without waiting: were a pipe put where a file should be, opening it must not hang the request.
    handle = await open(path, OPEN_WITHOUT_WAITING);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      return undefined;
    }
    // The stream closes the handle when it ends, fails or is destroyed.
    return { stream: handle.createReadStream({ autoClose: true }), size: info.size };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}
