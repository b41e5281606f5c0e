import { isRightToLeft } from '../../../shared/languages';
import { editionsOf, timingOf } from '../lib/timing';
import type { Deck, LocalizedDeck } from '../../../shared/content';
import { systemClock, type Clock } from '../../../shared/clock';
import { KioskMachine, type KioskView } from '../lib/kiosk-machine';
import { uiText, type UiText } from '../i18n';

/**
 * The kiosk's mode as reactive state: the pure {@link KioskMachine} wired to Svelte and the
 * browser's clock, and what follows from it: the language on screen, its words and direction.
 */
export class KioskModel {
  view = $state.raw<KioskView>({ mode: 'attract', slide: 0, language: 0 });
  deck: Deck;
  /** The deck in the language on screen; the default language's if that one is gone. */
  readonly edition: LocalizedDeck;
  readonly languages: readonly string[];
  readonly language: string;
  readonly rightToLeft: boolean;
  readonly text: UiText;
  readonly #machine: KioskMachine;

  constructor(deck: Deck, clock: Clock = systemClock) {
    this.deck = $state.raw(deck);
    this.edition = $derived(editionsOf(this.deck)[this.view.language] ?? this.deck);
    this.languages = $derived(editionsOf(this.deck).map((edition) => edition.language));
    this.language = $derived(this.edition.language);
    this.rightToLeft = $derived(isRightToLeft(this.language));
    this.text = $derived(uiText(this.language, this.deck.uiWords));
    this.#machine = new KioskMachine(timingOf(deck), clock, (view) => {
      this.view = view;
    });
  }

  get slide() {
    return this.edition.slides[this.view.slide] ?? this.edition.slides[0];
  }

  /** New content: a patient stays on their slide and language (found by file name and code) if they still exist. */
  replaceDeck(deck: Deck): void {
    if (deck === this.deck) return;
    const currentId = this.slide?.id;
    const keepSlide = deck.slides.findIndex((slide) => slide.id === currentId);
    const keepLanguage = editionsOf(deck).findIndex((edition) => edition.language === this.language);
    this.deck = deck;
    this.#machine.replaceTiming(
      timingOf(deck),
      keepSlide === -1 ? undefined : keepSlide,
      keepLanguage === -1 ? undefined : keepLanguage,
    );
  }

  chooseLanguage = (code: string): void => {
    this.#machine.chooseLanguage(this.languages.indexOf(code));
  };

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
