import { CONTENT_URL_PREFIX } from '../../shared/ipc';
import { pictureType } from '../http/mime';
import { readFailure, type FileStat } from './file-system';
import { megabytes, READ_DEADLINE_SECONDS } from './files';
import type { ContentFolder, Found } from './folder';
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

export const DID_NOT_ANSWER = `did not answer within ${READ_DEADLINE_SECONDS} seconds: if the content folder is on a network share or a USB stick, check that it is connected`;

/**
 * Called with each good picture's address and bytes, so that its bytes can be kept where the page
 * is served from (src/node/content/picture-cache.ts), away from a folder that may go away.
 */
export type KeepPicture = (url: string, bytes: Uint8Array) => Promise<void>;

export type PictureCheck =
  | { readonly ok: true; readonly url: string; readonly warning?: string }
  | { readonly ok: false; readonly message: string };

/** How messages about a file name it: a picture in the images folder, or a font. */
export interface ContentFileWords {
  readonly thing: string;
  readonly folder: string;
  readonly example: string;
}

const PICTURE_WORDS: ContentFileWords = { thing: 'picture', folder: 'images', example: 'images/picture.png' };

/**
 * Finds a file a setting names (a picture, a font), which must be inside the content folder:
 * anything else could show something the clinic never chose, or reach outside the folder.
 * Gives the file found and its path's parts, or why it cannot be used.
 */
export async function locateContentFile(
  folder: ContentFolder,
  path: string,
  words: ContentFileWords,
): Promise<
  | { readonly ok: true; readonly found: Extract<Found, { kind: 'file' }>; readonly segments: string[] }
  | { readonly ok: false; readonly why: string }
> {
  const refuse = (why: string) => ({ ok: false, why }) as const;
  const { thing, folder: home, example } = words;
  if (/^data:/i.test(path)) {
    return refuse(
      `is a ${thing} pasted into the text: save it as a file in the ${home} folder and write ${home}/ and its file name`,
    );
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(path)) {
    return refuse(
      `is a web address: the kiosk shows only ${thing}s saved in the content folder; save the ${thing} in the ${home} folder and write ${home}/ and its file name`,
    );
  }
  if (path.startsWith('/') || path.startsWith('\\') || /^[a-z]:/i.test(path)) {
    return refuse(`is a full path on this computer: write it from the content folder, such as ${example}`);
  }
  if (path.includes('\\')) {
    return refuse(`uses backslashes: write it with forward slashes, as ${path.replaceAll('\\', '/')}`);
  }
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) {
    return refuse(
      `is outside the content folder: put the ${thing} in the ${home} folder, such as ${example}`,
    );
  }
  const found = await folder.find(segments.join('/'));
  switch (found.kind) {
    case 'file':
      return { ok: true, found, segments };
    case 'missing':
      return refuse(`was not found: check the file name, or put the ${thing} in the ${home} folder`);
    case 'folder':
      return refuse(`is a folder, not a ${thing}: add the ${thing}’s file name`);
    case 'outside':
      return refuse(
        `is a shortcut to a ${thing} outside the content folder: copy the ${thing} itself into the ${home} folder`,
      );
    case 'special':
      return refuse(
        `is not an ordinary file (a pipe, a device or a socket): save the ${thing} itself in the ${home} folder`,
      );
    case 'timeout':
      return refuse(DID_NOT_ANSWER);
    case 'unreadable':
      return refuse('cannot be read: check that it is an ordinary file');
  }
}

/** The address the page loads a checked file by: its path, and the version of its file. */
export function contentFileUrl(folder: ContentFolder, segments: readonly string[], stat: FileStat): string {
  return `${CONTENT_URL_PREFIX}${folder.urlPrefix}${segments.map(encodeURIComponent).join('/')}?${PICTURE_VERSION_PARAM}=${pictureVersion(stat)}`;
}

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
  const located = await locateContentFile(folder, image, PICTURE_WORDS);
  if (!located.ok) return refuse(located.why);
  const { found, segments } = located;

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

  const url = contentFileUrl(folder, segments, found.stat);
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
