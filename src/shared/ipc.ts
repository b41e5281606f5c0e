import type { ContentState } from './content/types';

/**
 * The one contract between the main process and the renderer. Every channel is named here with
 * the payload it carries; main, preload and the browser preview's HTTP bridge all import it.
 */
export const IpcChannel = {
  /** renderer → main (invoke): the current content. */
  getContent: 'kiosk:get-content',
  /** main → renderer (send): the content changed on disk and was reloaded. */
  contentChanged: 'kiosk:content-changed',
} as const;

export type IpcChannelName = (typeof IpcChannel)[keyof typeof IpcChannel];

export interface IpcInvokeContract {
  [IpcChannel.getContent]: { args: []; response: ContentState };
}

export interface IpcEventContract {
  [IpcChannel.contentChanged]: ContentState;
}

/** Routes of the browser preview, which serves the same contract over HTTP. */
export const PreviewRoute = {
  content: '/api/content',
  events: '/api/events',
} as const;

/** Where the page finds pictures from the content folder, in the app and in the preview alike. */
export const CONTENT_URL_PREFIX = 'content/';
