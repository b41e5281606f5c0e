import { expect } from 'vitest';
import type { ContentFileSystem } from '../../../../src/node/content/files';

export const ROOT = '/content';

/** When every file of a memory folder was written (2026-03-02T09:00Z). */
export const MODIFIED_AT = Date.UTC(2026, 2, 2, 9);

function notFound(path: string): Error {
  return Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
}

/**
 * An in-memory content folder for tests: paths relative to ROOT, with forward slashes. A file
 * whose content is an Error cannot be read (as a file without permission).
 */
export function memoryFs(
  files: Record<string, string | Uint8Array | Error>,
): ContentFileSystem & { files: Record<string, string | Uint8Array | Error> } {
  const at = (path: string) => path.slice(ROOT.length + 1);
  const bytes = (value: string | Uint8Array) =>
    typeof value === 'string' ? new TextEncoder().encode(value) : value;
  return {
    files,
    readFile(path) {
      const value = files[at(path)];
      if (value === undefined) return Promise.reject(notFound(path));
      if (value instanceof Error) return Promise.reject(value);
      return Promise.resolve(bytes(value));
    },
    readdir(path) {
      const prefix = `${at(path)}/`;
      const names = Object.keys(files)
        .filter((name) => name.startsWith(prefix))
        .map((name) => name.slice(prefix.length));
      return names.length === 0 ? Promise.reject(notFound(path)) : Promise.resolve(names);
    },
    stat(path) {
      const value = files[at(path)];
      if (value === undefined) {
        const isFolder = Object.keys(files).some((name) => name.startsWith(`${at(path)}/`));
        return isFolder
          ? Promise.resolve({ isFile: () => false, size: 0, mtimeMs: 0, ctimeMs: 0 })
          : Promise.reject(notFound(path));
      }
      const size = value instanceof Error ? 0 : bytes(value).length;
      return Promise.resolve({ isFile: () => true, size, mtimeMs: MODIFIED_AT, ctimeMs: MODIFIED_AT });
    },
    realpath: (path) => Promise.resolve(path),
  };
}

export const KIOSK_YAML =
  'title: Test clinic\nlanguage: en\nattract:\n  seconds_per_slide: 2\ntouch:\n  idle_seconds: 6\n  warning_seconds: 3\n';

export const slide = (title: string, extra = '') =>
  `---\ntitle: ${title}\nsummary: A summary.\n${extra}---\nBody.\n`;

/** A picture's address as the loader gives it: the path, then the version of the file. */
export function pictureUrl(path: string): unknown {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return expect.stringMatching(new RegExp(`^${escaped}\\?v=[0-9a-z]+-[0-9a-z]+-[0-9a-z]+$`));
}
