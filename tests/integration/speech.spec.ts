import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { espeakEngine } from '../../src/node/speech/engines';
import { cachedSpeechPath, createSpeechService } from '../../src/node/speech/service';
import type { SpeechRequest } from '../../src/shared/ipc';
import { BUILT_IN_WORD_LANGUAGES } from '../../src/shared/ui-words';

/**
 * Real speech from the computer's own engine (Debian's espeak-ng, which the project's set-up
 * installs), checked by listening to it with sox: long enough for its words, and not silence.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-speech-real-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const log = { warn: () => undefined, error: () => undefined };

/** What sox hears in a sound file: its length, and how loud it is on average. */
function heard(file: string): { seconds: number; rms: number } {
  // sox writes its statistics to standard error.
  const { stderr } = spawnSync('sox', [file, '-n', 'stat'], { encoding: 'utf8' });
  return {
    seconds: Number(/Length \(seconds\):\s+([\d.]+)/.exec(stderr)?.[1]),
    rms: Number(/RMS\s+amplitude:\s+([\d.]+)/.exec(stderr)?.[1]),
  };
}

const SLIDES: Record<string, SpeechRequest> = {
  English: {
    language: 'en',
    parts: [
      { kind: 'heading', text: 'Natural pain relief' },
      {
        kind: 'paragraph',
        text: 'Acupuncture may help your body release more of its own natural painkillers.',
      },
    ],
  },
  Spanish: {
    language: 'es',
    parts: [
      { kind: 'heading', text: 'Alivio natural del dolor' },
      {
        kind: 'paragraph',
        text: 'La acupuntura puede ayudar a su cuerpo a liberar más analgésicos naturales.',
      },
    ],
  },
};

describe('reading a slide aloud with the computer’s own voice', () => {
  it.each(Object.entries(SLIDES))(
    'speaks a slide in %s, for about as long as its words take',
    async (_name, slide) => {
      const speech = createSpeechService({ engine: espeakEngine(), cacheDir: dir, log });
      const reply = await speech.speak(slide);
      expect(reply.ok).toBe(true);
      if (!reply.ok) return;
      const words = slide.parts.flatMap((part) => part.text.split(/\s+/)).length;
      const sound = heard(cachedSpeechPath(dir, reply.url) ?? '');
      // Speech at a calm pace: between about two and five words a second, pauses included.
      expect(sound.seconds).toBeGreaterThan(words / 5);
      expect(sound.seconds).toBeLessThan(words / 1.5);
      expect(reply.seconds).toBeCloseTo(sound.seconds, 1);
      // Not silence: speech has an RMS amplitude far above the noise floor.
      expect(sound.rms).toBeGreaterThan(0.02);
    },
  );

  it('has a voice for every built-in language but Filipino, and says so for Tagalog', async () => {
    const engine = espeakEngine();
    const languages = BUILT_IN_WORD_LANGUAGES.filter((language) => language !== 'fil');
    for (const language of languages) expect(await engine.voiceFor(language), language).toBeDefined();
    expect(await engine.voiceFor('tl')).toBeUndefined();
  });
});
