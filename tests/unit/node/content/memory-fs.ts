import { expect } from 'vitest';
import { nodeContentFileSystem, type ContentFileSystem } from '../../../../src/node/content/file-system';
import { systemClock } from '../../../../src/shared/clock';

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
    readFile(path, limit) {
      const value = files[at(path)];
      if (value === undefined) return Promise.reject(notFound(path));
      if (value instanceof Error) return Promise.reject(value);
      return Promise.resolve(bytes(value).subarray(0, limit + 1));
    },
    readdir(path, max) {
      const prefix = `${at(path)}/`;
      const names = [
        ...new Set(
          Object.keys(files)
            .filter((name) => name.startsWith(prefix))
            .map((name) => name.slice(prefix.length).split('/')[0] ?? ''),
        ),
      ];
      return names.length === 0 ? Promise.reject(notFound(path)) : Promise.resolve(names.slice(0, max));
    },
    stat(path) {
      const value = files[at(path)];
      if (value === undefined) {
        const isFolder = path === ROOT || Object.keys(files).some((name) => name.startsWith(`${at(path)}/`));
        return isFolder
          ? Promise.resolve({ isFile: () => false, isDirectory: () => true, size: 0, mtimeMs: 0, ctimeMs: 0 })
          : Promise.reject(notFound(path));
      }
      const size = value instanceof Error ? 0 : bytes(value).length;
      return Promise.resolve({
        isFile: () => true,
        isDirectory: () => false,
        size,
        mtimeMs: MODIFIED_AT,
        ctimeMs: MODIFIED_AT,
      });
    },
    realpath: (path) => {
      // Only what exists has a real path: the folder itself, its folders and its files.
      const name = at(path);
      const exists =
        path === ROOT || name in files || Object.keys(files).some((file) => file.startsWith(`${name}/`));
      return exists ? Promise.resolve(path) : Promise.reject(notFound(path));
    },
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

/** The real file system, as the content agent gives it to the loader. */
export const diskFs: ContentFileSystem = nodeContentFileSystem(systemClock, 5_000);

/** The start of a PNG file declaring `width` × `height` pixels, padded with zeros to `size` bytes. */
export function png(width: number, height: number, size = 64): Uint8Array {
  const bytes = new Uint8Array(Math.max(size, 33));
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

/** The start of a JPEG file declaring `width` × `height` pixels, padded to `size` bytes. */
export function jpeg(width: number, height: number, size = 64): Uint8Array {
  const bytes = new Uint8Array(Math.max(size, 32));
  // SOI, then a baseline start-of-frame: length 17, precision 8, height, width.
  bytes.set([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08]);
  const view = new DataView(bytes.buffer);
  view.setUint16(7, height);
  view.setUint16(9, width);
  return bytes;
}
