import { CONTENT_URL_PREFIX } from '../../shared/ipc';
import { pictureType } from '../http/mime';
import { isInsideFolder, joinPath, megabytes, type ContentFileSystem, type FileStat } from './files';
import type { ContentProblem } from '../../shared/content';

/**
 * The query parameter that names a version of a picture file. A picture's address changes whenever
 * its file does, so the page may keep a picture it has shown instead of reading and decoding it
 * again at every slide change, and a replaced picture is never shown stale.
 */
export const PICTURE_VERSION_PARAM = 'v';

export function pictureVersion({ size, mtimeMs, ctimeMs }: FileStat): string {
  return [size, Math.trunc(mtimeMs), Math.trunc(ctimeMs)].map((part) => part.toString(36)).join('-');
}

/** Beyond this a picture still shows, but slowly; a screen-sized picture needs far less. */
export const LARGE_PICTURE_BYTES = 5 * 1024 * 1024;

export type PictureCheck =
  | { readonly ok: true; readonly url: string; readonly warning?: string }
  | { readonly ok: false; readonly message: string };

/**
 * Pictures must be files inside the content folder: anything else could show something the clinic
 * never chose, or reach outside the folder. Returns the page-relative URL of a good picture.
 */
export async function checkPicture(
  root: string,
  fs: ContentFileSystem,
  image: string,
): Promise<PictureCheck> {
  const refuse = (why: string): PictureCheck => ({ ok: false, message: `image "${image}" ${why}` });
  if (/^data:/i.test(image)) {
    return refuse(
      'is a picture pasted into the text: save it as a file in the images folder and write images/ and its file name',
    );
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(image)) {
    return refuse(
      'is a web address: the kiosk shows only pictures saved in the content folder; save the picture in the images folder and write images/ and its file name',
    );
  }
  if (image.startsWith('/') || image.startsWith('\\') || /^[a-z]:/i.test(image)) {
    return refuse(
      'is a full path on this computer: write it from the content folder, such as images/picture.png',
    );
  }
  if (image.includes('\\')) {
    return refuse(`uses backslashes: write it with forward slashes, as ${image.replaceAll('\\', '/')}`);
  }
  const segments = image.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) {
    return refuse(
      'is outside the content folder: put the picture in the images folder, such as images/picture.png',
    );
  }
  const path = joinPath(root, ...segments);
  let stat: FileStat;
  try {
    stat = await fs.stat(path);
    if (!stat.isFile()) return refuse('is a folder, not a picture: add the picture’s file name');
  } catch {
    return refuse('was not found: check the file name, or put the picture in the images folder');
  }
  if (pictureType(image) === undefined) {
    return refuse(
      'is not a PNG, JPG, WebP or SVG picture: save it in one of those formats, with that ending',
    );
  }
  try {
    const [realRoot, realPath] = await Promise.all([fs.realpath(root), fs.realpath(path)]);
    if (!isInsideFolder(realRoot, realPath)) {
      return refuse(
        'is a shortcut to a picture outside the content folder: copy the picture itself into the images folder',
      );
    }
  } catch {
    return refuse('cannot be read: check that it is an ordinary file');
  }

  const { size } = stat;
  const url = `${CONTENT_URL_PREFIX}${segments.map(encodeURIComponent).join('/')}?${PICTURE_VERSION_PARAM}=${pictureVersion(stat)}`;
  return size > LARGE_PICTURE_BYTES
    ? {
        ok: true,
        url,
        warning: `image "${image}" is large (${megabytes(size)}) and may be slow to show: a picture under 1 MB is plenty for this screen`,
      }
    : { ok: true, url };
}

/** Runs {@link checkPicture} and records its verdict as a problem at the `image:` line. */
export async function loadPicture(
  root: string,
  fs: ContentFileSystem,
  image: string,
  at: Pick<ContentProblem, 'file' | 'line' | 'column'>,
  problems: ContentProblem[],
): Promise<string | undefined> {
  const check = await checkPicture(root, fs, image);
  if (!check.ok) {
    problems.push({ ...at, severity: 'error', message: check.message });
    return undefined;
  }
  if (check.warning !== undefined) problems.push({ ...at, severity: 'warning', message: check.warning });
  return check.url;
}
