import { pictureType } from '../http/mime';
import { resolveInside } from '../http/safe-path';
import { isInsideFolder } from './files';
import { PICTURE_VERSION_PARAM } from './pictures';

export interface PictureFile {
  readonly path: string;
  readonly contentType: string;
}

/**
 * What a request for `content/<path>` may read: a PNG, JPG, WebP or SVG file really inside the
 * content folder, after following symbolic links. Everything else (the YAML and Markdown, other
 * kinds of file, `..`, a link out of the folder) is refused with undefined. The app's protocol
 * and the preview server both ask here, so they can never disagree.
 */
export async function resolvePictureRequest(
  root: string,
  urlPath: string,
  realpath: (path: string) => Promise<string>,
): Promise<PictureFile | undefined> {
  const path = resolveInside(root, urlPath);
  if (path === undefined) return undefined;
  const contentType = pictureType(path);
  if (contentType === undefined) return undefined;
  try {
    const [realRoot, realPath] = await Promise.all([realpath(root), realpath(path)]);
    return isInsideFolder(realRoot, realPath) ? { path: realPath, contentType } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How long the page may keep a picture: for good when its address names the version of the file
 * (the loader's addresses all do, and a changed file gets a new one), otherwise not at all. Kept,
 * a picture is read and decoded once, not again at every slide change for months.
 */
export function pictureCaching(query: URLSearchParams): string {
  return query.has(PICTURE_VERSION_PARAM) ? 'max-age=31536000, immutable' : 'no-store';
}
