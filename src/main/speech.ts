import { join } from 'node:path';
import { systemSpeechEngine, type SpeechEngine } from '../node/speech/engines';
import { createSpeechService, parseSpeechRequest } from '../node/speech/service';
import { IpcChannel } from '../shared/ipc';
import type { ArgsParser, IpcRegistrar } from './ipc';
import { log } from './log';

/** Spoken screens are kept here in the user-data folder, and served from here (`speech/<hash>.wav`). */
export const SPEECH_CACHE_FOLDER = 'speech';

export const parseSpeak: ArgsParser<typeof IpcChannel.speak> = (args) => {
  const request = args.length === 1 ? parseSpeechRequest(args[0]) : undefined;
  return request === undefined ? undefined : [request];
};

export interface SpeechOptions {
  readonly ipc: IpcRegistrar;
  /** The app's user-data folder. */
  readonly stateDir: string;
  /** The computer's own engine unless a test gives another. */
  readonly engine?: SpeechEngine;
}

/**
 * Listen: the page asks for a screen to be read aloud; the computer's own speech engine makes a
 * WAV file of it (src/node/speech), which the page plays from the app's protocol. Returns the
 * folder the protocol serves it from.
 */
export function setupSpeech(options: SpeechOptions): { readonly cacheDir: string } {
  const cacheDir = join(options.stateDir, SPEECH_CACHE_FOLDER);
  const speech = createSpeechService({
    engine: options.engine ?? systemSpeechEngine(),
    cacheDir,
    log: { warn: (message) => log.warn(message), error: (message) => log.error(message) },
  });
  options.ipc.handle(IpcChannel.speak, (_event, request) => speech.speak(request), parseSpeak);
  return { cacheDir };
}
