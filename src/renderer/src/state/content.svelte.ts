import type { KioskApi } from '../../../preload/api';
import type { ContentState } from '../../../shared/content/types';

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
      this.state = state;
    });
    this.#api.getContent().then(
      (state) => {
        this.state ??= state;
      },
      (error: unknown) => {
        console.error('Content could not be loaded:', error);
        this.state ??= { deck: null, standbyTitle: '', problems: [] };
      },
    );
    return unsubscribe;
  }
}
