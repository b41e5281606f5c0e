import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export interface AtomicWriteOptions {
  /** Set on every write, whatever the file had before (a PIN file stays readable by its owner only). */
  readonly mode?: number;
}

/**
 * The kiosk's one way to write a file it must not lose: written beside the old one, flushed to
 * the disk, then renamed over it (write-file-atomic), and the folder flushed so the rename itself
 * survives a power cut. A reader sees the old file or the new one, never half of one. The folder
 * is created if needed.
 */
export async function writeFileAtomically(
  path: string,
  data: string | Buffer,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  await writeFileAtomic(path, data, {
    fsync: true,
    ...(options.mode === undefined ? {} : { mode: options.mode }),
  });
  await syncFolder(folder);
}

/**
 * Flushes a folder, so that a file just created or renamed in it keeps its name after a power cut.
 * Best effort: Windows cannot open a folder to flush it, and NTFS journals names anyway.
 */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Not possible here: the file itself is already flushed.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
