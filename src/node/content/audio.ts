import type { ContentProblem } from '../../shared/content';
import { audioType } from '../http/mime';
import { readFailure } from './file-system';
import { megabytes } from './files';
import type { ContentFolder } from './folder';
import { contentFileUrl, DID_NOT_ANSWER, locateContentFile, type KeepPicture } from './pictures';

/**
 * A slide's recorded voice (`audio:`): what a patient hears when they press Listen on the slide,
 * in place of the computer's voice. Checked as a picture is: a file inside the content folder, of
 * a kind the kiosk plays (WAV, MP3 or Ogg, by what the file holds, not only its name), not too
 * big; then kept in the kiosk's own cache and played from there (picture-cache.ts).
 */

/** A slide read aloud is a minute or two: even as WAV, far less than this. */
export const MAX_AUDIO_BYTES = 16 * 1024 * 1024;

const AUDIO_WORDS = { thing: 'recording', folder: 'audio', example: 'audio/welcome.mp3' } as const;

/** Each kind's name, with the article it takes in a sentence. */
const TYPE_NAMES: Readonly<Record<string, readonly [article: string, name: string]>> = {
  'audio/wav': ['a', 'WAV'],
  'audio/mpeg': ['an', 'MP3'],
  'audio/ogg': ['an', 'Ogg'],
};

/** The kind of sound a file holds, from its first bytes; undefined for anything else. */
export function audioTypeOf(bytes: Uint8Array): string | undefined {
  const ascii = (at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WAVE') return 'audio/wav';
  if (ascii(0, 4) === 'OggS') return 'audio/ogg';
  // An MP3 starts with its ID3 tag, or straight away with a frame: eleven bits set, then a
  // layer other than "reserved".
  if (ascii(0, 3) === 'ID3') return 'audio/mpeg';
  const [first = 0, second = 0] = bytes;
  if (first === 0xff && (second & 0xe0) === 0xe0 && (second & 0x06) !== 0) return 'audio/mpeg';
  return undefined;
}

export type AudioCheck =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly message: string; readonly severity: 'error' | 'warning' };

export async function checkAudio(
  folder: ContentFolder,
  path: string,
  keep?: KeepPicture,
): Promise<AudioCheck> {
  const refuse = (why: string): AudioCheck => ({
    ok: false,
    severity: 'error',
    message: `audio "${path}" ${why}`,
  });
  const located = await locateContentFile(folder, path, AUDIO_WORDS);
  if (!located.ok) return refuse(located.why);
  const type = audioType(path);
  if (type === undefined) {
    return refuse(
      'is not a WAV, MP3 or Ogg recording: save it in one of those formats, with that ending (.wav, .mp3 or .ogg)',
    );
  }
  const { size } = located.found.stat;
  if (size > MAX_AUDIO_BYTES) {
    return refuse(
      `is too big (${megabytes(size)}): a recording must be under ${megabytes(MAX_AUDIO_BYTES)}; save it again as MP3, which is far smaller`,
    );
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = await folder.readBytes(located.found, MAX_AUDIO_BYTES);
  } catch (thrown) {
    return refuse(
      readFailure(thrown) === 'timeout'
        ? DID_NOT_ANSWER
        : 'cannot be read: check that it is an ordinary file',
    );
  }
  if (bytes === undefined)
    return refuse(`is too big: a recording must be under ${megabytes(MAX_AUDIO_BYTES)}`);
  const [article, name] = TYPE_NAMES[type] ?? ['a', type];
  if (audioTypeOf(bytes) !== type) {
    return refuse(
      `is not ${article} ${name} recording inside, whatever its name says: save it again as ${name} from a sound program`,
    );
  }
  const url = contentFileUrl(folder, located.segments, located.found.stat);
  try {
    await keep?.(url, bytes);
  } catch {
    return {
      ok: false,
      severity: 'warning',
      message: `audio "${path}" could not be kept on this computer to be played (is its disk full?): the computer's voice reads the slide until there is room`,
    };
  }
  return { ok: true, url };
}

/** Runs {@link checkAudio} and records its verdict as a problem at the `audio:` line. */
export async function loadAudio(
  folder: ContentFolder,
  path: string,
  at: Pick<ContentProblem, 'file' | 'line' | 'column'>,
  problems: ContentProblem[],
  keep?: KeepPicture,
): Promise<string | undefined> {
  const check = await checkAudio(folder, path, keep);
  if (check.ok) return check.url;
  problems.push({ ...at, severity: check.severity, message: check.message });
  return undefined;
}
