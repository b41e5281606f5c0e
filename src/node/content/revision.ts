import { createHash } from 'node:crypto';
import type { Deck } from '../../shared/content';

/**
 * A short name for a deck's exact contents: the same slides give the same revision in every
 * process and after every restart, and any change gives a new one. The page compares revisions,
 * never whole decks, to know whether the slides on screen changed.
 */
export function deckRevision(deck: Deck | null): string | null {
  if (deck === null) return null;
  return createHash('sha256').update(JSON.stringify(deck)).digest('base64url').slice(0, 16);
}
