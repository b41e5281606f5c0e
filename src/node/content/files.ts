import type { ContentProblem } from '../../shared/content';

/** Names, limits and small helpers of the content folder, shared by the loader's parts. */

export const KIOSK_FILE = 'kiosk.yaml';
export const SLIDES_FOLDER = 'slides';

/** Slides and settings are a few kilobytes of text; a bigger file is almost surely the wrong file. */
export const MAX_TEXT_BYTES = 1024 * 1024;
/**
 * All the text of a folder together: twenty slides in six languages come nowhere near it, and the
 * whole content crosses to the page in one message, which must stay quick to read.
 */
export const MAX_FOLDER_TEXT_BYTES = 4 * 1024 * 1024;
/** How many names of a folder are looked at: far more than any content folder holds. */
export const MAX_FOLDER_ENTRIES = 10_000;
/** How long one file may take to answer before it is left out (a network share that stopped). */
export const READ_DEADLINE_SECONDS = 5;

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function error(file: string, message: string): ContentProblem {
  return { severity: 'error', file, message };
}

export function warning(file: string, message: string): ContentProblem {
  return { severity: 'warning', file, message };
}

/** Forward slashes work on every system Electron runs on, so the loader needs no `node:path`. */
export function joinPath(...parts: string[]): string {
  return parts
    .map((part, index) => (index === 0 ? part.replace(/[\\/]+$/, '') : part.replace(/^[\\/]+|[\\/]+$/g, '')))
    .join('/');
}

/** True when `path` lies strictly inside `folder`; both as the same file system reports them. */
export function isInsideFolder(folder: string, path: string): boolean {
  const base = folder.replace(/[\\/]+$/, '');
  return path.length > base.length + 1 && path.startsWith(base) && '/\\'.includes(path.charAt(base.length));
}

/**
 * Files editors and copying tools keep beside the real ones while they work (vim's swap files,
 * Word's ~$ owner files, partial downloads). Changes to them change nothing on screen.
 */
export function isEditorLeftover(path: string): boolean {
  const name = path.split(/[\\/]/).at(-1) ?? '';
  return (
    /^\.|^~|~$/.test(name) ||
    /\.(swp|swx|swo|tmp|temp|part|crdownload|partial)$/i.test(name) ||
    // vim checks that it may write to a folder by creating a file named 4913.
    name === '4913'
  );
}
