import type { Deck, LocalizedDeck } from '../../../shared/content';

/**
 * The deck with only the slides in `ids`, in every language; null when none is left. The deck
 * itself when every slide is in it, so that nothing on screen changes for nothing.
 */
export function deckWith(deck: Deck, ids: readonly string[]): Deck | null {
  if (deck.slides.every((slide) => ids.includes(slide.id))) return deck;
  const keep = <Edition extends LocalizedDeck>(edition: Edition): Edition => ({
    ...edition,
    slides: edition.slides.filter((slide) => ids.includes(slide.id)),
  });
  const shown = keep(deck);
  if (shown.slides.length === 0) return null;
  return { ...shown, translations: deck.translations.map(keep) };
}
