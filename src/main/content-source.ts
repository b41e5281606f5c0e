import { join } from 'node:path';
import type { SpawnAgent } from '../node/content/agent-host';
import { createDiskLastGoodStore } from '../node/content/last-good';
import { processEnvironment } from '../node/environment';
import type { RepositorySettings } from '../node/kiosk-settings';
import { startRepositoryContent, type RepositoryContentService } from '../node/source/repository-content';
import { systemClock, type Clock } from '../shared/clock';
import { PICTURE_CACHE_FOLDER } from './content';
import { log } from './log';

/** The kiosk's copy of its content repository and the revisions it keeps, in its user-data folder. */
export const REPOSITORY_FOLDER = 'repository';

export interface RepositoryContentOptions {
  readonly stateDir: string;
  readonly spawnAgent: SpawnAgent;
  readonly clock?: Clock;
}

/**
 * The content from a repository (src/node/source): the kiosk starts on the revision it has, or the
 * last good content, and never waits for the network; the repository is fetched on a timer.
 */
export function setupRepositoryContent(
  settings: RepositorySettings,
  options: RepositoryContentOptions,
): Promise<RepositoryContentService> {
  return startRepositoryContent({
    settings,
    folder: join(options.stateDir, REPOSITORY_FOLDER),
    spawnAgent: options.spawnAgent,
    store: createDiskLastGoodStore(options.stateDir),
    cacheDir: join(options.stateDir, PICTURE_CACHE_FOLDER),
    clock: options.clock ?? systemClock,
    log,
    env: processEnvironment(),
  });
}
