import { editionsOf } from './timing';
import type { Deck } from '../../../shared/content';

/** Every picture the deck can show, in every language, each once. */
export function picturesOf(deck: Deck | null | undefined): string[] {
  if (!deck) return [];
  const pictures = editionsOf(deck).flatMap((edition) => edition.slides.map((slide) => slide.image));
  return [...new Set(pictures.filter((picture) => picture !== undefined))];
}

/** Starts loading a picture off screen; what it returns keeps it loaded while it is held. */
export type PictureLoader = (url: string) => unknown;

const loadOffScreen: PictureLoader = (url) => {
  const image = new Image();
  image.src = url;
  return image;
};

/**
 * Holds every picture of the content loaded, so that a slide change draws a picture the page
 * already has instead of reading and parsing it again in the frame that answers a touch. Held, not
 * decoded: a photo is decoded when it is drawn, at the size it is drawn.
 */
export function createPictureKeeper(load: PictureLoader = loadOffScreen) {
  let held = new Map<string, unknown>();
  return {
    /** Loads the pictures not yet held, and lets go of those no longer named. */
    keep(urls: readonly string[]): void {
      held = new Map(urls.map((url) => [url, held.get(url) ?? load(url)]));
    },
    get held(): readonly string[] {
      return [...held.keys()];
    },
  };
}
