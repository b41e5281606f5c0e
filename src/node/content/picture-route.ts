import { CONTENT_URL_PREFIX } from '../../shared/ipc';
import { contentFileType } from '../http/mime';
import { cachedPicturePath } from './picture-cache';
import { PICTURE_VERSION_PARAM } from './pictures';

export interface PictureFile {
  readonly path: string;
  readonly contentType: string;
  readonly cacheControl: string;
}

/**
 * What a request for `content/...` may read: the checked copy, in the picture cache, of the
 * picture at exactly that address (`content/images/x.svg?v=...`, as the loader wrote it). The
 * address is never decoded into a path, so no spelling of `..`, no link and no odd character
 * can lead anywhere else. The app's protocol and the preview both ask here, so they agree.
 * `pathAndQuery` starts after the origin's slash.
 */
export function cachedPictureRequest(cacheDir: string, pathAndQuery: string): PictureFile | undefined {
  if (!pathAndQuery.startsWith(CONTENT_URL_PREFIX)) return undefined;
  const [path = '', query = ''] = pathAndQuery.split('?', 2);
  const contentType = contentFileType(path);
  if (contentType === undefined || !new URLSearchParams(query).has(PICTURE_VERSION_PARAM)) return undefined;
  return {
    path: cachedPicturePath(cacheDir, pathAndQuery),
    contentType,
    // The address names the version of the file: a changed picture gets a new one. Kept, a
    // picture is read and decoded once, not again at every slide change for months.
    cacheControl: 'max-age=31536000, immutable',
  };
}
