import type { Deck } from '../../../shared/content/types';
import { KioskMachine, type Clock, type KioskTiming, type KioskView } from '../../../shared/kiosk-machine';

const browserClock: Clock = {
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

function timingOf(deck: Deck): KioskTiming {
  return {
    slideSeconds: deck.slides.map((slide) => slide.seconds),
    idleSeconds: deck.idleSeconds,
    warningSeconds: deck.warningSeconds,
  };
}

/** The kiosk's mode as reactive state: the pure {@link KioskMachine} wired to Svelte and the browser's clock. */
export class KioskModel {
  view = $state.raw<KioskView>({ mode: 'attract', slide: 0 });
  deck: Deck;
  readonly #machine: KioskMachine;

  constructor(deck: Deck, clock: Clock = browserClock) {
    this.deck = $state.raw(deck);
    this.#machine = new KioskMachine(timingOf(deck), clock, (view) => {
      this.view = view;
    });
  }

  get slide() {
    return this.deck.slides[this.view.slide] ?? this.deck.slides[0];
  }

  /** New content: a patient stays on their slide (found by its file name) if it still exists. */
  replaceDeck(deck: Deck): void {
    if (deck === this.deck) return;
    const currentId = this.slide?.id;
    const keep = deck.slides.findIndex((slide) => slide.id === currentId);
    this.deck = deck;
    this.#machine.replaceTiming(timingOf(deck), keep === -1 ? undefined : keep);
  }

  activity = (): boolean => this.#machine.activity();
  next = (): void => this.#machine.next();
  previous = (): void => this.#machine.previous();
  goTo = (slide: number): void => this.#machine.goTo(slide);
  openDetails = (): void => this.#machine.openDetails();
  openTopics = (): void => this.#machine.openTopics();
  closePanel = (): void => this.#machine.closePanel();
  backToStart = (): void => this.#machine.backToStart();
  dispose = (): void => this.#machine.dispose();
}
