import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SpeechEngine } from '../../../../src/node/speech/engines';
import { toSsml } from '../../../../src/node/speech/script';
import {
  cachedSpeechPath,
  createSpeechService,
  parseSpeechRequest,
  wavSeconds,
} from '../../../../src/node/speech/service';
import { silentWav } from '../../../support/silent-wav';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-speech-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function engine(voices: Record<string, string>): SpeechEngine & { spoken: string[] } {
  const spoken: string[] = [];
  return {
    name: 'test',
    spoken,
    voiceFor: (language) => Promise.resolve(voices[language]),
    synthesize(ssml, _voice, file) {
      spoken.push(ssml);
      writeFileSync(file, silentWav(2));
      return Promise.resolve();
    },
  };
}

const quiet = { warn: vi.fn(), error: vi.fn() };
const request = { language: 'en', parts: [{ kind: 'heading' as const, text: 'Natural pain relief' }] };

describe('reading a screen aloud', () => {
  it('speaks once, keeps the audio, and gives its address and length', async () => {
    const voices = engine({ en: 'en-gb' });
    const speech = createSpeechService({ engine: voices, cacheDir: dir, log: quiet });
    const first = await speech.speak(request);
    const again = await speech.speak(request);
    expect(first).toEqual({
      ok: true,
      url: expect.stringMatching(/^speech\/[0-9a-f]{40}\.wav$/) as unknown,
      seconds: 2,
    });
    expect(again).toEqual(first);
    expect(voices.spoken).toHaveLength(1);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('says plainly when there is no voice for the language, or no engine at all', async () => {
    expect(
      await createSpeechService({ engine: engine({}), cacheDir: dir, log: quiet }).speak(request),
    ).toEqual({
      ok: false,
      reason: 'no-voice',
    });
    expect(
      await createSpeechService({ engine: undefined, cacheDir: dir, log: quiet }).speak(request),
    ).toEqual({
      ok: false,
      reason: 'no-engine',
    });
  });

  it('reports a failed synthesis and leaves no half-written file', async () => {
    const failing: SpeechEngine = {
      name: 'failing',
      voiceFor: () => Promise.resolve('en'),
      synthesize: (_ssml, _voice, file) => {
        writeFileSync(file, 'half');
        return Promise.reject(new Error('engine crashed'));
      },
    };
    const log = { warn: vi.fn(), error: vi.fn() };
    expect(await createSpeechService({ engine: failing, cacheDir: dir, log }).speak(request)).toEqual({
      ok: false,
      reason: 'failed',
    });
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('engine crashed'));
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('what is read, and how', () => {
  it('keeps the structure of the screen as pauses, numbers the items of a numbered list, and escapes the text', () => {
    const ssml = toSsml(
      [
        { kind: 'heading', text: 'Pain & <relief>' },
        { kind: 'item', text: 'First', number: 1 },
        { kind: 'item', text: 'Second', number: 2 },
        { kind: 'paragraph', text: 'Ask "us"' },
      ],
      'en',
    );
    expect(ssml).toBe(
      '<speak xml:lang="en">Pain &amp; &lt;relief&gt;<break time="700ms"/>\n1. First<break time="350ms"/>\n2. Second<break time="350ms"/>\nAsk &quot;us&quot;<break time="450ms"/></speak>',
    );
  });

  it('accepts from the page only a known language and a bounded list of short texts', () => {
    expect(parseSpeechRequest(request)).toEqual(request);
    expect(parseSpeechRequest({ language: 'not a language!', parts: request.parts })).toBeUndefined();
    expect(parseSpeechRequest({ language: 'en', parts: [] })).toBeUndefined();
    expect(parseSpeechRequest({ language: 'en', parts: [{ kind: 'script', text: 'x' }] })).toBeUndefined();
    expect(
      parseSpeechRequest({ language: 'en', parts: [{ kind: 'paragraph', text: 'x'.repeat(20_001) }] }),
    ).toBeUndefined();
    expect(
      parseSpeechRequest({ language: 'en', parts: Array(201).fill({ kind: 'paragraph', text: 'x' }) }),
    ).toBeUndefined();
  });

  it('serves only the files it names itself', () => {
    expect(cachedSpeechPath(dir, `speech/${'a'.repeat(40)}.wav`)).toBe(join(dir, `${'a'.repeat(40)}.wav`));
    expect(cachedSpeechPath(dir, 'speech/../kiosk.yaml')).toBeUndefined();
    expect(cachedSpeechPath(dir, `speech/${'a'.repeat(40)}.wav/../x`)).toBeUndefined();
  });

  it('reads a WAV file’s length from its header', async () => {
    writeFileSync(join(dir, 'a.wav'), silentWav(1.5));
    expect(await wavSeconds(join(dir, 'a.wav'))).toBe(1.5);
    expect(await wavSeconds(join(dir, 'missing.wav'))).toBeUndefined();
  });
});
