import { join } from 'node:path';
import { createDiskLastGoodStore, createMemoryLastGoodStore } from '../node/content/last-good';
import type { WatchSetting } from '../node/content/agent';
import type { SpawnAgent } from '../node/content/agent-host';
import { startContentService, type ContentService } from '../node/content/service';
import { systemClock, type Clock } from '../shared/clock';
import { log } from './log';

export type { ContentListener, LiveContent } from '../node/content/live';
export type { ContentService } from '../node/content/service';

/** Checked pictures are kept here in the user-data folder, and served from here. */
export const PICTURE_CACHE_FOLDER = 'pictures';

export interface ContentOptions {
  readonly spawnAgent: SpawnAgent;
  /** The app's user-data folder: the last good content and the pictures live there; memory only if not given. */
  readonly stateDir?: string;
  readonly watch?: WatchSetting;
  readonly clock?: Clock;
}

/**
 * The content folder, read by a content agent (a utility process) and again whenever it changes.
 * The kiosk does not wait for it: it starts on the last good content, or its standby screen.
 * Errors in it never reach the screen: the last good content stays up, and the problems go to
 * the log and to the page's staff marker.
 */
export function setupContent(dir: string, options: ContentOptions): Promise<ContentService> {
  return startContentService({
    dir,
    spawnAgent: options.spawnAgent,
    store:
      options.stateDir === undefined
        ? createMemoryLastGoodStore()
        : createDiskLastGoodStore(options.stateDir),
    ...(options.stateDir === undefined ? {} : { cacheDir: join(options.stateDir, PICTURE_CACHE_FOLDER) }),
    watch: options.watch ?? 'auto',
    clock: options.clock ?? systemClock,
    log,
  });
}
