import * as fsPromises from 'node:fs/promises';
import { createDiskLastGoodStore, createMemoryLastGoodStore } from '../node/content/last-good';
import { startLiveContent, type LiveContent } from '../node/content/live';
import { loadContentSafely, type ContentFileSystem } from '../node/content/load';
import { systemClock } from '../shared/clock';
import { watchContent, type WatchFolder } from '../node/content/watch';
import { watchWithChokidar } from '../node/content/watch-chokidar';
import { log } from './log';

export type { ContentListener } from '../node/content/live';

/** What the rest of the main process (IPC) may ask of the content. */
export type ContentService = LiveContent;

export interface WatchedContent extends ContentService {
  /** Stops watching the folder. */
  close(): Promise<void>;
}

export interface ContentOptions {
  readonly fs?: ContentFileSystem;
  /** Where the last good content is kept between runs (the app's userData folder); memory only if not given. */
  readonly stateDir?: string;
  /** How the folder is watched for changes; false to load it once only. */
  readonly watch?: WatchFolder | false;
}

/**
 * The content folder, loaded at startup and again whenever it changes on disk. Errors in it never
 * reach the screen: the last good content stays up (see `startLiveContent`), and the problems go
 * to the log and to the page's staff marker.
 */
export async function setupContent(dir: string, options: ContentOptions = {}): Promise<WatchedContent> {
  const fs = options.fs ?? fsPromises;
  const content = await startLiveContent({
    dir,
    load: () => loadContentSafely(dir, fs),
    store:
      options.stateDir === undefined
        ? createMemoryLastGoodStore()
        : createDiskLastGoodStore(options.stateDir),
    log,
  });
  const watch = options.watch ?? watchWithChokidar;
  const watcher =
    watch === false
      ? undefined
      : watchContent({
          dir,
          watch,
          clock: systemClock,
          onSettled: () => {
            log.info('the content folder changed: reloading it');
            void content.reload();
          },
        });
  return { ...content, close: async () => watcher?.close() };
}
