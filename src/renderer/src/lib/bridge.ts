import type { KioskApi } from '../../../preload/api';
import type { ContentState } from '../../../shared/content/types';
import { PreviewRoute } from '../../../shared/ipc';

/**
 * The kiosk's API: the preload's `window.kiosk` inside Electron, or the same interface over HTTP
 * when the page is served by the browser preview. The rest of the renderer cannot tell which.
 */
export function connectToKiosk(): KioskApi {
  return window.kiosk ?? createHttpKiosk();
}

function createHttpKiosk(): KioskApi {
  return {
    async getContent() {
      const response = await fetch(PreviewRoute.content, { cache: 'no-store' });
      if (!response.ok) throw new Error(`The preview answered ${response.status}`);
      return (await response.json()) as ContentState;
    },
    onContentChanged() {
      // The preview reloads content on request only, for now: nothing to subscribe to.
      return () => undefined;
    },
  };
}
