import type { KioskTiming, LoopStep } from './kiosk-machine';
import type { Deck, LocalizedDeck } from '../../../shared/content';

/** The deck in all its languages, the default first: index i is the machine's language i. */
export function editionsOf(deck: Deck): readonly LocalizedDeck[] {
  return [deck, ...deck.translations];
}

/**
 * What the kiosk's machine needs to know of a deck. With `attract.languages: rotate` the loop shows
 * each slide in every language it is translated into, one after the other; a slide that falls
 * back to the default language is not shown twice in it.
 */
export function timingOf(deck: Deck): KioskTiming {
  const editions = editionsOf(deck);
  const loop: LoopStep[] = [];
  if (deck.rotateLanguages) {
    deck.slides.forEach((_, slide) => {
      editions.forEach((edition, language) => {
        const shown = edition.slides[slide];
        if (shown && (language === 0 || shown.language === edition.language)) {
          loop.push({ slide, language, seconds: shown.seconds });
        }
      });
    });
  }
  return {
    slideSeconds: deck.slides.map((slide) => slide.seconds),
    idleSeconds: deck.idleSeconds,
    warningSeconds: deck.warningSeconds,
    languageCount: editions.length,
    ...(deck.rotateLanguages ? { loop } : {}),
  };
}
