import { constants } from 'node:fs';
import { open, opendir, realpath, stat } from 'node:fs/promises';
import type { Clock } from '../../shared/clock';
import { errnoCode } from '../errno';

/**
 * The file-system calls the content loader makes, each safe against what a content folder can
 * hold: a pipe, a device, a link to /dev/zero, a folder of a million names, a network share that
 * stops answering. The loader never calls `node:fs` itself, so tests give it a folder in memory.
 */
export interface ContentFileSystem {
  /** Up to `max` names in a folder. */
  readdir(path: string, max: number): Promise<string[]>;
  /** What `path` is, following links. */
  stat(path: string): Promise<FileStat>;
  /** The path with every link followed: how a link out of the content folder is caught. */
  realpath(path: string): Promise<string>;
  /**
   * The bytes of a regular file, at most `limit + 1` of them whatever size the file claims (so
   * a file over the limit is known to be one). Opening never waits (a pipe cannot hold it), and
   * the file actually opened is checked to be a regular file.
   */
  readFile(path: string, limit: number): Promise<Uint8Array>;
}

export interface FileStat {
  isFile(): boolean;
  isDirectory(): boolean;
  readonly size: number;
  /** When the bytes were last written: a copy that keeps the old date still changes ctimeMs. */
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

export type ReadFailure = 'missing' | 'not-a-file' | 'timeout' | 'unreadable';

/** Why a file could not be read, in terms the loader turns into words for staff. */
export class ContentReadError extends Error {
  constructor(
    readonly reason: ReadFailure,
    detail?: string,
  ) {
    super(detail === undefined ? reason : `${reason}: ${detail}`);
    this.name = 'ContentReadError';
  }
}

/** What went wrong with a file-system call, as a {@link ReadFailure}. */
export function readFailure(error: unknown): ReadFailure {
  if (error instanceof ContentReadError) return error.reason;
  const code = errnoCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
  if (code === 'EISDIR') return 'not-a-file';
  return 'unreadable';
}

/**
 * Read-only and O_NONBLOCK: opening a pipe returns at once instead of waiting for a writer.
 * Windows has no O_NONBLOCK (and no pipes in folders), whatever the types say.
 */
export const OPEN_WITHOUT_WAITING =
  constants.O_RDONLY | ((constants as Partial<typeof constants>).O_NONBLOCK ?? 0);
const CHUNK_BYTES = 64 * 1024;

/** The real file system, with each call given `deadlineMs` to answer. */
export function nodeContentFileSystem(clock: Clock, deadlineMs: number): ContentFileSystem {
  return withDeadlines(
    {
      async readdir(path, max) {
        const names: string[] = [];
        const folder = await opendir(path);
        try {
          for await (const entry of folder) {
            names.push(entry.name);
            if (names.length >= max) break;
          }
        } finally {
          await folder.close().catch(() => undefined);
        }
        return names;
      },
      stat: (path) => stat(path),
      realpath: (path) => realpath(path),
      async readFile(path, limit) {
        const handle = await open(path, OPEN_WITHOUT_WAITING);
        try {
          if (!(await handle.stat()).isFile()) throw new ContentReadError('not-a-file');
          const chunks: Uint8Array[] = [];
          let total = 0;
          while (total <= limit) {
            const chunk = new Uint8Array(Math.min(CHUNK_BYTES, limit + 1 - total));
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
            if (bytesRead === 0) break;
            chunks.push(chunk.subarray(0, bytesRead));
            total += bytesRead;
          }
          return Buffer.concat(chunks, total);
        } finally {
          await handle.close().catch(() => undefined);
        }
      },
    },
    clock,
    deadlineMs,
  );
}

/**
 * Gives every call of `fs` `ms` to answer, then fails it with a 'timeout': a share that stopped
 * answering makes a located error for the file, and the load goes on without it.
 */
export function withDeadlines(fs: ContentFileSystem, clock: Clock, ms: number): ContentFileSystem {
  const timed = <T>(operation: () => Promise<T>, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = clock.setTimeout(() => {
        reject(new ContentReadError('timeout', what));
      }, ms);
      operation().then(
        (value) => {
          clock.clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clock.clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  return {
    readdir: (path, max) => timed(() => fs.readdir(path, max), path),
    stat: (path) => timed(() => fs.stat(path), path),
    realpath: (path) => timed(() => fs.realpath(path), path),
    readFile: (path, limit) => timed(() => fs.readFile(path, limit), path),
  };
}
