import type { ContentState } from '../../../shared/content';
import type { KioskApi } from '../../../shared/kiosk-api';
import { reportError } from '../lib/errors';

/**
 * The content on screen. Until the first answer arrives `state` is undefined (unless the page
 * came with its content); a failure to reach the main process or the preview becomes a standby
 * state, never an error on screen.
 */
export class ContentModel {
  state = $state.raw<ContentState | undefined>(undefined);
  readonly #api: Pick<KioskApi, 'getContent' | 'onContentChanged'>;
  readonly #onState: (state: ContentState) => void;

  constructor(
    api: Pick<KioskApi, 'getContent' | 'onContentChanged'>,
    onState: (state: ContentState) => void = () => undefined,
    initial?: ContentState,
  ) {
    this.#api = api;
    this.#onState = onState;
    this.state = initial;
  }

  /**
   * Follows the content's changes, then asks for the content: to show it, or (when the page came
   * with it) to catch up with a change made between serving the page and following changes.
   * Returns the function that stops following.
   */
  start(): () => void {
    let changed = false;
    const unsubscribe = this.#api.onContentChanged((state) => {
      changed = true;
      this.#accept(state);
    });
    this.#api.getContent().then(
      (state) => {
        if (!changed) this.#accept(state);
      },
      (error: unknown) => {
        reportError(error, 'loading the content');
        if (this.state === undefined) this.#accept(STANDBY);
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
    const unchanged = current?.deckRevision === state.deckRevision ? current : undefined;
    const next = unchanged === undefined ? state : { ...state, deck: unchanged.deck };
    this.state = next;
    this.#onState(next);
  }
}

const STANDBY: ContentState = { deck: null, deckRevision: null, standbyTitle: '', problems: [] };
