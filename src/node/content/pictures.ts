import { CONTENT_URL_PREFIX } from '../../shared/ipc';
import { pictureType } from '../http/mime';
import { readFailure, type FileStat } from './file-system';
import { megabytes, READ_DEADLINE_SECONDS } from './files';
import type { ContentFolder } from './folder';
import { checkPictureBytes } from './picture-check';
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
export const LARGE_PICTURE_BYTES = 2 * 1024 * 1024;
/** Beyond this a picture is refused: it is surely not a picture made for a screen. */
export const MAX_PICTURE_BYTES = 10 * 1024 * 1024;
/** An SVG is text: a drawing for a screen is a few hundred kilobytes at most. */
export const MAX_SVG_BYTES = 2 * 1024 * 1024;

const DID_NOT_ANSWER = `did not answer within ${READ_DEADLINE_SECONDS} seconds: if the content folder is on a network share or a USB stick, check that it is connected`;

/**
 * Called with each good picture's address and bytes, so that its bytes can be kept where the page
 * is served from (src/node/content/picture-cache.ts), away from a folder that may go away.
 */
export type KeepPicture = (url: string, bytes: Uint8Array) => Promise<void>;

export type PictureCheck =
  | { readonly ok: true; readonly url: string; readonly warning?: string }
  | { readonly ok: false; readonly message: string };

/**
 * Pictures must be files inside the content folder: anything else could show something the clinic
 * never chose, or reach outside the folder. Returns the page-relative URL of a good picture.
 */
export async function checkPicture(
  folder: ContentFolder,
  image: string,
  keep?: KeepPicture,
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
  const found = await folder.find(segments.join('/'));
  switch (found.kind) {
    case 'file':
      break;
    case 'missing':
      return refuse('was not found: check the file name, or put the picture in the images folder');
    case 'folder':
      return refuse('is a folder, not a picture: add the picture’s file name');
    case 'outside':
      return refuse(
        'is a shortcut to a picture outside the content folder: copy the picture itself into the images folder',
      );
    case 'special':
      return refuse(
        'is not an ordinary file (a pipe, a device or a socket): save the picture itself in the images folder',
      );
    case 'timeout':
      return refuse(DID_NOT_ANSWER);
    case 'unreadable':
      return refuse('cannot be read: check that it is an ordinary file');
  }

  const type = pictureType(image);
  if (type === undefined) {
    return refuse(
      'is not a PNG, JPG, WebP or SVG picture: save it in one of those formats, with that ending',
    );
  }
  const { size } = found.stat;
  const limit = type === 'image/svg+xml' ? MAX_SVG_BYTES : MAX_PICTURE_BYTES;
  if (size > limit) {
    return refuse(
      `is too big (${megabytes(size)}): a picture must be under ${megabytes(limit)}; a screen-sized picture needs far less, so save it again smaller`,
    );
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = await folder.readBytes(found, limit);
  } catch (thrown) {
    const reason = readFailure(thrown);
    return refuse(
      reason === 'timeout' ? DID_NOT_ANSWER : 'cannot be read: check that it is an ordinary file',
    );
  }
  if (bytes === undefined) return refuse(`is too big: a picture must be under ${megabytes(limit)}`);
  const verdict = checkPictureBytes(bytes, type);
  if (!verdict.ok) return refuse(verdict.message);

  const url = `${CONTENT_URL_PREFIX}${folder.urlPrefix}${segments.map(encodeURIComponent).join('/')}?${PICTURE_VERSION_PARAM}=${pictureVersion(found.stat)}`;
  try {
    await keep?.(url, bytes);
  } catch {
    // The slide still shows, without its picture; nothing else is lost.
    return {
      ok: true,
      url,
      warning: `image "${image}" could not be kept on this computer to be shown (is its disk full?): the slide shows without it until there is room`,
    };
  }
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
  folder: ContentFolder,
  image: string,
  at: Pick<ContentProblem, 'file' | 'line' | 'column'>,
  problems: ContentProblem[],
  keep?: KeepPicture,
): Promise<string | undefined> {
  const check = await checkPicture(folder, image, keep);
  if (!check.ok) {
    problems.push({ ...at, severity: 'error', message: check.message });
    return undefined;
  }
  if (check.warning !== undefined) problems.push({ ...at, severity: 'warning', message: check.warning });
  return check.url;
}
