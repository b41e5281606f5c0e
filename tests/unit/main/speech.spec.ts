import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SPEECH_CACHE_FOLDER, setupSpeech } from '../../../src/main/speech';
import type { SpeechEngine } from '../../../src/node/speech/engines';
import { IpcChannel } from '../../../src/shared/ipc';
import { kioskPage, type KioskPage } from './ipc-support';
import { silenceLog } from './log-support';
import { silentWav } from '../../support/silent-wav';

/** An engine that writes a second of silence as its WAV, and remembers what it was asked to say. */
function quietEngine(): SpeechEngine & { said: string[] } {
  const said: string[] = [];
  return {
    name: 'quiet',
    said,
    voiceFor: (language) => Promise.resolve(language === 'tl' ? undefined : language),
    synthesize(ssml, _voice, file) {
      said.push(ssml);
      writeFileSync(file, silentWav(1));
      return Promise.resolve();
    },
  };
}

describe('reading a screen aloud, in the main process', () => {
  let dir: string;
  let page: KioskPage;
  let engine: ReturnType<typeof quietEngine>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-speech-main-'));
    page = kioskPage();
    engine = quietEngine();
    silenceLog();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('speaks what the page asks into the user-data folder, and answers with the audio’s address', async () => {
    const { cacheDir } = setupSpeech({ ipc: page.ipc, stateDir: dir, engine });
    expect(cacheDir).toBe(join(dir, SPEECH_CACHE_FOLDER));
    const reply = await page.invoke(IpcChannel.speak, {
      language: 'es',
      parts: [{ kind: 'heading', text: 'Hola' }],
    });
    expect(reply).toEqual({
      ok: true,
      url: expect.stringMatching(/^speech\/[0-9a-f]{40}\.wav$/) as unknown,
      seconds: 1,
    });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    expect(engine.said).toEqual(['<speak xml:lang="es">Hola<break time="700ms"/></speak>']);
  });

  it('says so when the computer has no voice for the language', async () => {
    setupSpeech({ ipc: page.ipc, stateDir: dir, engine });
    expect(
      await page.invoke(IpcChannel.speak, {
        language: 'tl',
        parts: [{ kind: 'paragraph', text: 'Kumusta' }],
      }),
    ).toEqual({ ok: false, reason: 'no-voice' });
  });

  it.each([
    ['nothing', []],
    ['two requests', [{ language: 'en', parts: [{ kind: 'heading', text: 'a' }] }, 'more']],
    ['no text', [{ language: 'en', parts: [] }]],
    ['markup of its own', [{ language: 'en', parts: [{ kind: 'ssml', text: '<audio src="x"/>' }] }]],
    ['an unknown language', [{ language: 'xx-!!', parts: [{ kind: 'heading', text: 'a' }] }]],
  ])('refuses %s, and speaks nothing', async (_what, args) => {
    setupSpeech({ ipc: page.ipc, stateDir: dir, engine });
    await expect(page.invoke(IpcChannel.speak, ...args)).rejects.toThrow('refused');
    expect(engine.said).toEqual([]);
  });
});
