import { describe, expect, it } from 'vitest';
import { timingOf } from '../../../../src/renderer/src/lib/timing';
import type { Deck, LocalizedDeck, Slide } from '../../../../src/shared/content';

const slide = (id: string, language: string, seconds: number): Slide => ({
  id,
  language,
  title: id,
  summary: 's',
  seconds,
  bodyHtml: '',
});

function deck(translations: LocalizedDeck[], rotateLanguages: boolean): Deck {
  return {
    language: 'en',
    title: 'T',
    slides: [slide('a', 'en', 5), slide('b', 'en', 7)],
    idleSeconds: 60,
    warningSeconds: 10,
    rotateLanguages,
    translations,
  };
}

// Spanish translates slide a only (with its own time); b falls back to English.
const spanish: LocalizedDeck = {
  language: 'es',
  title: 'T',
  slides: [slide('a', 'es', 9), slide('b', 'en', 7)],
};

describe('timing of a deck', () => {
  it('loops through the slides in the default language by default', () => {
    const timing = timingOf(deck([spanish], false));
    expect(timing).toEqual({ slideSeconds: [5, 7], idleSeconds: 60, warningSeconds: 10, languageCount: 2 });
  });

  it('with rotate, shows each slide in every language it is translated into, each for its own time', () => {
    expect(timingOf(deck([spanish], true)).loop).toEqual([
      { slide: 0, language: 0, seconds: 5 },
      { slide: 0, language: 1, seconds: 9 },
      { slide: 1, language: 0, seconds: 7 },
    ]);
  });
});
