import { open } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { writeFileAtomically } from '../node/atomic-write';
import { OPEN_WITHOUT_WAITING } from '../node/content/file-system';
import { errnoCode } from '../node/errno';

/** In the preview's own data folder: what it remembers between runs. */
export const PREVIEW_MEMORY_FILE = 'preview.json';
/** A path and a little JSON around it: anything bigger is not this file. */
const MAX_MEMORY_BYTES = 16 * 1024;
/** Longer than any path a file manager can open. */
const MAX_PATH_LENGTH = 4096;

interface PreviewMemory {
  /** The content folder staff opened last time (File, Open content folder). */
  readonly contentFolder?: string;
}

/**
 * The folder staff opened in the preview last time, if the file says one plainly. A missing,
 * damaged or strange file is the same as none: the preview then shows the kiosk's own content.
 */
export async function readRememberedFolder(dataDir: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(join(dataDir, PREVIEW_MEMORY_FILE), OPEN_WITHOUT_WAITING);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > MAX_MEMORY_BYTES) return undefined;
    const memory = parse(await handle.readFile('utf8'));
    const folder = memory?.contentFolder;
    return typeof folder === 'string' && folder.length <= MAX_PATH_LENGTH && isAbsolute(folder)
      ? folder
      : undefined;
  } finally {
    await handle.close();
  }
}

/** Remembers the folder staff opened (undefined: none, back to the kiosk's content), surviving a power cut. */
export async function rememberFolder(dataDir: string, folder: string | undefined): Promise<void> {
  const memory: PreviewMemory = folder === undefined ? {} : { contentFolder: folder };
  await writeFileAtomically(join(dataDir, PREVIEW_MEMORY_FILE), `${JSON.stringify(memory, null, 2)}\n`);
}

function parse(text: string): Partial<Record<keyof PreviewMemory, unknown>> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
