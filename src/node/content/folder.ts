import type { ContentProblem } from '../../shared/content';
import { readFailure, type ContentFileSystem, type FileStat } from './file-system';
import {
  error,
  isInsideFolder,
  joinPath,
  KIOSK_FILE,
  MAX_FOLDER_TEXT_BYTES,
  MAX_TEXT_BYTES,
  megabytes,
  READ_DEADLINE_SECONDS,
} from './files';

/** What a path in the content folder turned out to be. */
export type Found =
  | { readonly kind: 'file'; readonly path: string; readonly stat: FileStat }
  | { readonly kind: 'missing' | 'folder' | 'special' | 'outside' | 'timeout' | 'unreadable' };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

const NOT_UTF8 =
  'this file is not saved as plain UTF-8 text: in your editor choose "Save as", then the encoding "UTF-8"';

/**
 * One reading of a content folder: every file is looked up inside it (links followed, and
 * refused if they lead out), checked to be an ordinary file, and read within the size limits,
 * one file at a time and the folder as a whole. Each problem is said in words staff can act on.
 */
export class ContentFolder {
  readonly root: string;
  readonly fs: ContentFileSystem;
  /** Put before a picture's path in its address: set for a folder of shared slides (include.ts). */
  readonly urlPrefix: string;
  #realRoot: Promise<string> | undefined;
  /** Shared with the folders this one includes: the limit is on all the text the page receives. */
  readonly #text: { left: number };

  constructor(
    root: string,
    fs: ContentFileSystem,
    options: { urlPrefix?: string; sharing?: ContentFolder } = {},
  ) {
    this.root = root;
    this.fs = fs;
    this.urlPrefix = options.urlPrefix ?? '';
    this.#text = options.sharing === undefined ? { left: MAX_FOLDER_TEXT_BYTES } : options.sharing.#text;
  }

  /** The folder itself, links followed; fails when it cannot be found or reached. */
  realRoot(): Promise<string> {
    this.#realRoot ??= this.fs.realpath(this.root);
    return this.#realRoot;
  }

  /** Where `file` (relative, with forward slashes) really is, and whether it may be read. */
  async find(file: string): Promise<Found> {
    try {
      const [root, path] = await Promise.all([this.realRoot(), this.fs.realpath(joinPath(this.root, file))]);
      if (!isInsideFolder(root, path)) return { kind: 'outside' };
      const stat = await this.fs.stat(path);
      if (stat.isDirectory()) return { kind: 'folder' };
      if (!stat.isFile()) return { kind: 'special' };
      return { kind: 'file', path, stat };
    } catch (thrown) {
      const reason = readFailure(thrown);
      return { kind: reason === 'not-a-file' ? 'special' : reason };
    }
  }

  /**
   * Reads a text file staff wrote, or says in plain words why it cannot be used: missing, not
   * an ordinary file, outside the folder, not answering, too big, or not saved as UTF-8
   * (pointing at the first character that is not).
   */
  async readText(file: string, problems: ContentProblem[]): Promise<string | undefined> {
    const found = await this.find(file);
    if (found.kind !== 'file') {
      problems.push(error(file, cannotUse(file, found.kind)));
      return undefined;
    }
    if (found.stat.size > MAX_TEXT_BYTES) {
      problems.push(error(file, tooBig(found.stat.size)));
      return undefined;
    }
    if (this.#text.left <= 0) {
      problems.push(error(file, TOO_MUCH_TEXT));
      return undefined;
    }
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(found.path, MAX_TEXT_BYTES);
    } catch (thrown) {
      const reason = readFailure(thrown);
      problems.push(error(file, cannotUse(file, reason === 'not-a-file' ? 'special' : reason)));
      return undefined;
    }
    // A file that grew while it was read, or that claimed to be small: it is what was read that counts.
    if (bytes.length > MAX_TEXT_BYTES) {
      problems.push(error(file, tooBig(bytes.length)));
      return undefined;
    }
    this.#text.left -= bytes.length;
    return decodeText(file, bytes, problems);
  }

  /** Reads the bytes of a file already found, within `limit`; undefined for a file over it. */
  async readBytes(found: Extract<Found, { kind: 'file' }>, limit: number): Promise<Uint8Array | undefined> {
    const bytes = await this.fs.readFile(found.path, limit);
    return bytes.length > limit ? undefined : bytes;
  }
}

function decodeText(file: string, bytes: Uint8Array, problems: ContentProblem[]): string | undefined {
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

const TOO_MUCH_TEXT = `the content folder holds more text than the kiosk shows (over ${megabytes(MAX_FOLDER_TEXT_BYTES)} in all), so this file was not read: shorten the longer texts, or move some slides out of the folder`;

function tooBig(size: number): string {
  return `this file is too big (${megabytes(size)}): a text file must be under 1 MB; check that it is the right file, and keep only text in it`;
}

/** Why a file cannot be used, in words staff can act on. */
export function cannotUse(file: string, kind: Exclude<Found['kind'], 'file'>): string {
  switch (kind) {
    case 'missing':
    case 'unreadable':
      return file === KIOSK_FILE
        ? 'kiosk.yaml is missing or cannot be read: it must sit at the top of the content folder'
        : 'this file cannot be read: check that it is an ordinary file and is not open in another program';
    case 'folder':
      return 'this is a folder, not a file: a slide is a text file ending in .md; move the folder elsewhere, or rename it';
    case 'special':
      return 'this is not an ordinary file (it is a pipe, a device or a socket): replace it with a file saved by your editor';
    case 'outside':
      return 'this is a shortcut to a file outside the content folder: copy the file itself into the folder';
    case 'timeout':
      return `this file did not answer within ${READ_DEADLINE_SECONDS} seconds: if the content folder is on a network share or a USB stick, check that it is connected`;
  }
}

function positionOf(text: string, character: string): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, text.indexOf(character)));
  const lines = before.split(/\r\n?|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
