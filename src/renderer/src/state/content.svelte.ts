import type { KioskApi } from '../../../shared/kiosk-api';
import type { ContentState } from '../../../shared/content';

/**
 * The content on screen. Until the first answer arrives `state` is undefined; a failure to reach
 * the main process or the preview becomes a standby state, never an error on screen.
 */
export class ContentModel {
  state = $state.raw<ContentState | undefined>(undefined);
  readonly #api: KioskApi;

  constructor(api: KioskApi) {
    this.#api = api;
  }

  /** Loads the content and follows its changes; returns the function that stops following. */
  start(): () => void {
    const unsubscribe = this.#api.onContentChanged((state) => {
      this.#accept(state);
    });
    this.#api.getContent().then(
      (state) => {
        if (this.state === undefined) this.#accept(state);
      },
      (error: unknown) => {
        console.error('Content could not be loaded:', error);
        this.state ??= { deck: null, deckRevision: null, standbyTitle: '', problems: [] };
      },
    );
    return unsubscribe;
  }

  /**
   * The same slides arriving again (a reconnection, or only the list of problems changed) keep
   * their identity, so the loop is not restarted for nothing: the revision says whether they are
   * the same, as decided once where the content is loaded.
   */
  #accept(state: ContentState): void {
    const current = this.state;
    const sameDeck = current?.deckRevision === state.deckRevision;
    this.state = sameDeck ? { ...state, deck: current.deck } : state;
  }
}
