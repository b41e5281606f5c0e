import type { Clock } from '../../shared/clock';
import { describeError } from '../../shared/describe-error';
import type { WatchSetting } from './agent';
import { startContentAgentHost, type SpawnAgent } from './agent-host';
import type { LastGoodStore } from './last-good';
import { startLiveContent, type ContentLog, type LiveContent } from './live';
import { pruneCache } from './picture-cache';

export interface ContentServiceOptions {
  readonly dir: string;
  /** Starts a content agent: a utility process in Electron, a forked process elsewhere. */
  readonly spawnAgent: SpawnAgent;
  readonly store: LastGoodStore;
  /** Where checked pictures are kept to be served from; none when nothing is served. */
  readonly cacheDir?: string;
  readonly watch: WatchSetting;
  readonly clock: Clock;
  readonly log: ContentLog;
  readonly waitForFirstLoad?: boolean;
}

export interface ContentService extends LiveContent {
  readonly cacheDir: string | undefined;
  close(): void;
}

/**
 * The content, for the kiosk and the preview alike: read and watched by a content agent of its
 * own (agent-host.ts), kept safe from mistakes (live.ts), and its pictures kept where they are
 * served from, pruned to those on screen.
 */
export async function startContentService(options: ContentServiceOptions): Promise<ContentService> {
  const { dir, cacheDir, clock, log } = options;
  const agent = startContentAgentHost({
    spawn: options.spawnAgent,
    dir,
    watch: options.watch,
    clock,
    log,
    ...(cacheDir === undefined ? {} : { cacheDir }),
  });
  const content = await startLiveContent({
    dir,
    load: () => agent.load(),
    store: options.store,
    log,
    clock,
    ...(options.waitForFirstLoad === undefined ? {} : { waitForFirstLoad: options.waitForFirstLoad }),
  });
  agent.onChanged(() => {
    log.info('the content folder changed: reloading it');
    void content.reload();
  });
  if (cacheDir !== undefined) pruneOnChange(content, cacheDir, clock, log);
  return { ...content, cacheDir, close: () => agent.close() };
}

/** Keeps only the pictures on screen in the cache, each time what is shown changes. */
export function pruneOnChange(content: LiveContent, cacheDir: string, clock: Clock, log: ContentLog): void {
  content.onChange((state) => {
    pruneCache(cacheDir, state.deck, clock, state.brand).catch((error: unknown) =>
      log.warn(`old pictures could not be removed from ${cacheDir}: ${describeError(error)}`),
    );
  });
}
