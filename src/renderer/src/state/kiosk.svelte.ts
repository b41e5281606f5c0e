import { isRightToLeft } from '../../../shared/languages';
import { editionsOf, timingOf } from '../lib/timing';
import type { Deck, LocalizedDeck } from '../../../shared/content';
import { systemClock, type Clock } from '../../../shared/clock';
import { KioskMachine, type KioskView } from '../lib/kiosk-machine';
import { uiText, type UiText } from '../i18n';

/** A patient's own choice, as opposed to what the kiosk does by itself. */
export type KioskAction =
  | { readonly type: 'back' }
  | { readonly type: 'language'; readonly language: string }
  | { readonly type: 'topic' };

/** Who else follows the kiosk: the screen, for the slides' times, and the record of use. */
export interface KioskHooks {
  /** After every change of view. */
  readonly onView?: (view: KioskView) => void;
  /** Before a patient's choice takes effect. */
  readonly onAction?: (action: KioskAction) => void;
}

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
  readonly #hooks: KioskHooks;

  constructor(deck: Deck, clock: Clock = systemClock, hooks: KioskHooks = {}) {
    this.#hooks = hooks;
    this.deck = $state.raw(deck);
    this.edition = $derived(editionsOf(this.deck)[this.view.language] ?? this.deck);
    this.languages = $derived(editionsOf(this.deck).map((edition) => edition.language));
    this.language = $derived(this.edition.language);
    this.rightToLeft = $derived(isRightToLeft(this.language));
    this.text = $derived(uiText(this.language, this.deck.uiWords));
    this.#machine = new KioskMachine(timingOf(deck), clock, (view) => {
      this.view = view;
      this.#hooks.onView?.(view);
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
    if (this.view.mode === 'touch' && code !== this.language && this.languages.includes(code))
      this.#hooks.onAction?.({ type: 'language', language: code });
    this.#machine.chooseLanguage(this.languages.indexOf(code));
  };

  activity = (): boolean => this.#machine.activity();
  /** While the patient listens to the screen, touch mode does not time out (see KioskMachine.hold). */
  hold = (held: boolean): void => this.#machine.hold(held);
  next = (): void => this.#machine.next();
  previous = (): void => this.#machine.previous();
  /** A topic chosen from the list of all topics. */
  goTo = (slide: number): void => {
    if (this.view.mode === 'touch') this.#hooks.onAction?.({ type: 'topic' });
    this.#machine.goTo(slide);
  };
  openDetails = (): void => this.#machine.openDetails();
  openTopics = (): void => this.#machine.openTopics();
  closePanel = (): void => this.#machine.closePanel();
  backToStart = (): void => {
    if (this.view.mode !== 'attract') this.#hooks.onAction?.({ type: 'back' });
    this.#machine.backToStart();
  };
  dispose = (): void => this.#machine.dispose();
}
