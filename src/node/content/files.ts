import type { ContentProblem } from '../../shared/content';

/** The file-system calls the loader needs; `node:fs/promises` satisfies it as it is. */
export interface ContentFileSystem {
  readFile(path: string): Promise<Uint8Array>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<FileStat>;
  /** The path with every symbolic link followed: how a link out of the content folder is caught. */
  realpath(path: string): Promise<string>;
}

export interface FileStat {
  isFile(): boolean;
  readonly size: number;
  /** When the bytes were last written: a copy that keeps the old date still changes ctimeMs. */
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

export const KIOSK_FILE = 'kiosk.yaml';
export const SLIDES_FOLDER = 'slides';

/** Slides and settings are a few kilobytes of text; a bigger file is almost surely the wrong file. */
export const MAX_TEXT_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * Reads a text file staff wrote, or says in plain words why it cannot be used: missing, not
 * readable, too big, or not saved as UTF-8 (pointing at the first character that is not).
 */
export async function readContentText(
  fs: ContentFileSystem,
  root: string,
  file: string,
  problems: ContentProblem[],
): Promise<string | undefined> {
  const path = joinPath(root, file);
  let bytes: Uint8Array;
  try {
    const { size } = await fs.stat(path);
    if (size > MAX_TEXT_BYTES) {
      problems.push(
        error(
          file,
          `this file is too big (${megabytes(size)}): a text file must be under 1 MB; check that it is the right file, and keep only text in it`,
        ),
      );
      return undefined;
    }
    bytes = await fs.readFile(path);
  } catch {
    problems.push(
      error(
        file,
        file === KIOSK_FILE
          ? 'kiosk.yaml is missing or cannot be read: it must sit at the top of the content folder'
          : 'this file cannot be read: check that it is an ordinary file and is not open in another program',
      ),
    );
    return undefined;
  }

  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    problems.push({ ...error(file, NOT_UTF8), ...positionOf(lenientUtf8.decode(bytes), '\uFFFD') });
    return undefined;
  }
  // A NUL never appears in text: this is a picture or a document saved in another format.
  if (text.includes('\0')) {
    problems.push({ ...error(file, NOT_UTF8), ...positionOf(text, '\0') });
    return undefined;
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

const NOT_UTF8 =
  'this file is not saved as plain UTF-8 text: in your editor choose "Save as", then the encoding "UTF-8"';

function positionOf(text: string, character: string): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, text.indexOf(character)));
  const lines = before.split(/\r\n?|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

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
