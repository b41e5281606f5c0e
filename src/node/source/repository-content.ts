import type { Clock } from '../../shared/clock';
import type { ContentState } from '../../shared/content';
import type { ContentSourceStatus } from '../../shared/content-source';
import { startContentAgentHost, type SpawnAgent } from '../content/agent-host';
import type { LastGoodStore } from '../content/last-good';
import { startLiveContent, type ContentLog } from '../content/live';
import { pruneOnChange, type ContentService } from '../content/service';
import type { Env } from '../environment';
import type { RepositorySettings } from '../kiosk-settings';
import { openRepository } from './repository';
import { createRevisionStore } from './revisions';
import { startUpdater, type UpdateResult } from './updater';

/** The content's repository, as the staff panel, the health report and the screen's guard use it. */
export interface ContentSource {
  status(): ContentSourceStatus;
  updateNow(): Promise<UpdateResult>;
  /** Takes the revision on screen off it for good (the screen keeps failing on it). */
  withdraw(sha: string, reason: string): Promise<boolean>;
  onStatus(listener: () => void): () => void;
}

export interface RepositoryContentService extends ContentService {
  readonly source: ContentSource;
}

export interface RepositoryContentOptions {
  readonly settings: RepositorySettings;
  /** Where the kiosk keeps its copy of the repository and the revisions it shows. */
  readonly folder: string;
  readonly spawnAgent: SpawnAgent;
  readonly store: LastGoodStore;
  readonly cacheDir?: string;
  readonly clock: Clock;
  readonly log: ContentLog;
  readonly env: Env;
  readonly random?: () => number;
  /**
   * Fetch and check the newest revision before answering (the preview and content:check). The
   * kiosk does not: it starts on the revision it has, or the last good content.
   */
  readonly waitForFirstUpdate?: boolean;
}

/** What names a kiosk's content source: another repository, branch, folder or signing rule starts afresh. */
export function sourceIdentity(settings: RepositorySettings): string {
  const signed = settings.allowedSignersFile === undefined ? '' : ' (signed only)';
  return `${settings.address.display} ${settings.branch}:${settings.path === '' ? '/' : settings.path}${signed}`;
}

const NO_REVISION_YET: ContentState['problems'][number] = {
  severity: 'error',
  file: '.',
  message:
    'no revision of the content repository is on this computer yet: the kiosk shows the last content it kept, or its standby screen, until it has one',
};

/**
 * The content, taken from a repository: the updater (updater.ts) keeps the revisions, the content
 * agent reads the one shown, and live.ts keeps the last good content exactly as for a folder. The
 * problems of a refused revision and notes about the repository travel with the content, so the
 * staff panel, the page's staff marker and the log all tell them.
 */
export async function startRepositoryContent(
  options: RepositoryContentOptions,
): Promise<RepositoryContentService> {
  const { settings, clock, log } = options;
  const agent = startContentAgentHost({
    spawn: options.spawnAgent,
    dir: options.folder,
    watch: 'off',
    clock,
    log,
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
  });
  const updater = await startUpdater({
    repository: openRepository({
      settings,
      folder: options.folder,
      env: options.env,
      warn: (line) => log.warn(line),
    }),
    store: createRevisionStore(options.folder),
    source: sourceIdentity(settings),
    display: { repository: settings.address.display, branch: settings.branch },
    path: settings.path,
    signedOnly: settings.allowedSignersFile !== undefined,
    updateMs: settings.updateMs,
    check: (target) => agent.load(target),
    clock,
    random: options.random ?? Math.random,
    log,
  });
  if (options.waitForFirstUpdate === true) await updater.updateNow();

  async function loadShown(): Promise<ContentState> {
    const view = updater.view();
    if (view.shown === undefined) {
      return {
        deck: null,
        deckRevision: null,
        standbyTitle: 'Welcome',
        problems: [...(view.refusedProblems ?? [NO_REVISION_YET]), ...view.notices],
      };
    }
    const loaded = await agent.load(view.shown.target);
    // A refused revision is told instead of the shown one's own notes: it is what staff must fix.
    const problems =
      view.refusedProblems === undefined
        ? [...view.notices, ...loaded.problems]
        : [...view.refusedProblems, ...view.notices];
    return { ...loaded, problems };
  }

  const content = await startLiveContent({
    dir: sourceIdentity(settings),
    load: loadShown,
    store: options.store,
    log,
    clock,
    ...(options.waitForFirstUpdate === true ? { waitForFirstLoad: true } : {}),
  });
  const statusListeners = new Set<() => void>();
  updater.onChange(({ contentChanged }) => {
    if (contentChanged) void content.reload();
    for (const listener of statusListeners) listener();
  });
  if (options.cacheDir !== undefined) pruneOnChange(content, options.cacheDir, clock, log);

  return {
    ...content,
    cacheDir: options.cacheDir,
    source: {
      status: () => updater.status(),
      updateNow: () => updater.updateNow(),
      withdraw: (sha, reason) => updater.withdraw(sha, reason),
      onStatus(listener) {
        statusListeners.add(listener);
        return () => statusListeners.delete(listener);
      },
    },
    close() {
      updater.close();
      agent.close();
    },
  };
}
