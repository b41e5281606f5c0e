import type { Brand, ContentProblem } from '../../shared/content';
import { readFailure } from './file-system';
import { megabytes } from './files';
import type { ContentFolder } from './folder';
import type { BrandSettings } from './brand-schema';
import { contentFileUrl, loadPicture, locateContentFile, type KeepPicture } from './pictures';
import type { Position } from './yaml-source';

/**
 * The clinic's own look, as the page receives it: the palette derived (and checked) from
 * `brand:`, the logo checked and kept as a slide's picture is, and the font checked and kept
 * likewise. A logo or font with a mistake is left out, its problem told where it is written.
 */

/** A font for Latin text is a few hundred kilobytes at most. */
export const MAX_FONT_BYTES = 2 * 1024 * 1024;

const FONT_WORDS = { thing: 'font', folder: 'fonts', example: 'fonts/clinic.woff2' } as const;

/** Every WOFF2 file starts with these four bytes: `wOF2`. */
const WOFF2_SIGNATURE = [0x77, 0x4f, 0x46, 0x32];

export async function loadBrand(
  folder: ContentFolder,
  settings: BrandSettings,
  locate: (path: readonly string[]) => Position | undefined,
  problems: ContentProblem[],
  keep?: KeepPicture,
): Promise<Brand | undefined> {
  const at = (key: string) => ({ file: 'kiosk.yaml', ...locate(['brand', key]) });
  const logo =
    settings.logo === undefined
      ? undefined
      : await loadPicture(folder, settings.logo, at('logo'), problems, keep);
  const font =
    settings.font === undefined
      ? undefined
      : await loadFont(folder, settings.font, problems, at('font'), keep);
  const brand: Brand = {
    ...(settings.palette === undefined ? {} : { palette: settings.palette }),
    ...(logo === undefined ? {} : { logo }),
    ...(font === undefined ? {} : { font }),
  };
  return Object.keys(brand).length === 0 ? undefined : brand;
}

async function loadFont(
  folder: ContentFolder,
  path: string,
  problems: ContentProblem[],
  at: Pick<ContentProblem, 'file' | 'line' | 'column'>,
  keep: KeepPicture | undefined,
): Promise<string | undefined> {
  const refuse = (why: string): string | undefined => {
    problems.push({ ...at, severity: 'error', message: `font "${path}" ${why}` });
    return undefined;
  };
  const located = await locateContentFile(folder, path, FONT_WORDS);
  if (!located.ok) return refuse(located.why);
  if (!/\.woff2$/i.test(path)) {
    return refuse(
      'is not a WOFF2 font: the kiosk takes a font file ending in .woff2 (a font program or a web font service can save one)',
    );
  }
  if (located.found.stat.size > MAX_FONT_BYTES) {
    return refuse(
      `is too big (${megabytes(located.found.stat.size)}): a font for Latin text must be under ${megabytes(MAX_FONT_BYTES)}`,
    );
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = await folder.readBytes(located.found, MAX_FONT_BYTES);
  } catch (thrown) {
    return refuse(
      readFailure(thrown) === 'timeout'
        ? 'did not answer: check the network share or USB stick'
        : 'cannot be read: check that it is an ordinary file',
    );
  }
  if (bytes === undefined) return refuse(`is too big: a font must be under ${megabytes(MAX_FONT_BYTES)}`);
  if (!WOFF2_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    return refuse('is not a WOFF2 font inside, whatever its name says: save it again as WOFF2');
  }
  const url = contentFileUrl(folder, located.segments, located.found.stat);
  try {
    await keep?.(url, bytes);
  } catch {
    problems.push({
      ...at,
      severity: 'warning',
      message: `font "${path}" could not be kept on this computer to be shown (is its disk full?): the kiosk's own font is used until there is room`,
    });
    return undefined;
  }
  return url;
}
