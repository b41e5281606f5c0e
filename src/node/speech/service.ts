import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError } from '../../shared/describe-error';
import { SPEECH_LIMITS, SPEECH_URL_PREFIX, type SpeechReply, type SpeechRequest } from '../../shared/ipc';
import { canonicalLanguage } from '../../shared/languages';
import { errnoCode } from '../errno';
import type { SpeechEngine } from './engines';
import { toSsml } from './script';

/** The spoken screens kept on disk: the most recent are said again at once, the oldest go first. */
export const MAX_CACHED_SPEECH_FILES = 300;

export interface SpeechLog {
  warn(message: string): void;
  error(message: string): void;
}

export interface SpeechService {
  speak(request: SpeechRequest): Promise<SpeechReply>;
}

/** A request from the page, checked: a known language and a bounded list of short texts, or undefined. */
export function parseSpeechRequest(value: unknown): SpeechRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { language, parts } = value as Record<string, unknown>;
  if (typeof language !== 'string' || canonicalLanguage(language) === undefined) return undefined;
  if (!Array.isArray(parts) || parts.length === 0 || parts.length > SPEECH_LIMITS.parts) return undefined;
  let characters = 0;
  const checked: SpeechRequest['parts'][number][] = [];
  for (const part of parts as unknown[]) {
    if (typeof part !== 'object' || part === null) return undefined;
    const { kind, text, number } = part as Record<string, unknown>;
    if (kind !== 'heading' && kind !== 'paragraph' && kind !== 'item') return undefined;
    if (typeof text !== 'string') return undefined;
    if (number !== undefined && !(typeof number === 'number' && Number.isInteger(number) && number > 0))
      return undefined;
    characters += text.length;
    if (characters > SPEECH_LIMITS.characters) return undefined;
    checked.push(number === undefined ? { kind, text } : { kind, text, number });
  }
  return { language, parts: checked };
}

/**
 * Reads screens aloud with the computer's own speech engine, offline. Each spoken screen is kept
 * as a WAV file in `cacheDir`, named by a hash of what was said and how, so saying it again costs
 * nothing; one screen is spoken at a time, so a patient pressing Listen repeatedly cannot pile up
 * work. The page plays the file from `speech/<name>.wav`.
 */
export function createSpeechService(options: {
  readonly engine: SpeechEngine | undefined;
  readonly cacheDir: string;
  readonly log: SpeechLog;
}): SpeechService {
  const { engine, cacheDir, log } = options;
  let queue: Promise<unknown> = Promise.resolve();

  async function speakNow(request: SpeechRequest): Promise<SpeechReply> {
    if (engine === undefined) return { ok: false, reason: 'no-engine' };
    let voice: string | undefined;
    try {
      voice = await engine.voiceFor(request.language);
    } catch (error) {
      log.warn(`no speech engine answered: ${describeError(error)}`);
      return { ok: false, reason: 'no-engine' };
    }
    if (voice === undefined) return { ok: false, reason: 'no-voice' };
    const ssml = toSsml(request.parts, request.language);
    const name = `${createHash('sha256').update(`${engine.name}\n${voice}\n${ssml}`).digest('hex').slice(0, 40)}.wav`;
    const file = join(cacheDir, name);
    try {
      let seconds = await wavSeconds(file);
      if (seconds === undefined) {
        await mkdir(cacheDir, { recursive: true });
        const partial = `${file}.partial`;
        await engine.synthesize(ssml, voice, partial);
        await rename(partial, file);
        seconds = (await wavSeconds(file)) ?? 0;
        await prune(cacheDir);
      }
      return { ok: true, url: `${SPEECH_URL_PREFIX}${name}`, seconds };
    } catch (error) {
      log.error(`the screen could not be read aloud (${request.language}): ${describeError(error)}`);
      await rm(`${file}.partial`, { force: true });
      return { ok: false, reason: 'failed' };
    }
  }

  return {
    speak(request) {
      const run = queue.then(() => speakNow(request));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** The cache file for `speech/<name>.wav`, or undefined for any other address. */
export function cachedSpeechPath(cacheDir: string, path: string): string | undefined {
  const match = /^speech\/([0-9a-f]{40}\.wav)$/.exec(path);
  return match?.[1] === undefined ? undefined : join(cacheDir, match[1]);
}

/**
 * What a request for `speech/...` may read, for the app's protocol and the preview alike: the file
 * the service named, never a path the address spells. A name is the hash of what was said, so
 * the same name is always the same sound, and the page may keep it.
 */
export function cachedSpeechRequest(
  cacheDir: string,
  path: string,
): { readonly path: string; readonly contentType: string; readonly cacheControl: string } | undefined {
  const file = cachedSpeechPath(cacheDir, path);
  return file === undefined
    ? undefined
    : { path: file, contentType: 'audio/wav', cacheControl: 'max-age=31536000, immutable' };
}

/** How long a WAV file plays, from its header; undefined if there is no such file. */
export async function wavSeconds(file: string): Promise<number | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const header = new Uint8Array(4096);
    const { bytesRead } = await handle.read(header, 0, header.length, 0);
    const view = new DataView(header.buffer, 0, bytesRead);
    let byteRate = 0;
    for (let at = 12; at + 8 <= bytesRead;) {
      const id = String.fromCharCode(...header.subarray(at, at + 4));
      const size = view.getUint32(at + 4, true);
      if (id === 'fmt ' && at + 16 <= bytesRead) byteRate = view.getUint32(at + 16, true);
      if (id === 'data') {
        // A header written before the length was known says "as long as possible": use the file's size.
        const dataBytes = size === 0xffffffff || size === 0 ? (await handle.stat()).size - at - 8 : size;
        return byteRate > 0 ? dataBytes / byteRate : 0;
      }
      at += 8 + size + (size % 2);
    }
    return 0;
  } finally {
    await handle.close();
  }
}

async function prune(cacheDir: string): Promise<void> {
  const names = (await readdir(cacheDir)).filter((name) => name.endsWith('.wav'));
  if (names.length <= MAX_CACHED_SPEECH_FILES) return;
  const aged = await Promise.all(
    names.map(async (name) => ({ name, time: (await stat(join(cacheDir, name))).mtimeMs })),
  );
  aged.sort((a, b) => a.time - b.time);
  for (const { name } of aged.slice(0, names.length - MAX_CACHED_SPEECH_FILES)) {
    await rm(join(cacheDir, name), { force: true });
  }
}
