import type { ContentState } from '../../shared/content';
import { systemClock } from '../../shared/clock';
import { describeError } from '../../shared/describe-error';
import { nodeContentFileSystem, type ContentFileSystem } from './file-system';
import { READ_DEADLINE_SECONDS } from './files';
import { loadContentSafely } from './load';
import { keepInCache } from './picture-cache';
import { watchContent, type FolderWatcher } from './watch';
import { watchFolderWithChokidar } from './watch-chokidar';
import { chooseWatch, type WatchMode } from './watch-mode';

/**
 * The content agent: a process of its own that reads the content folder, and watches it, for
 * the kiosk, the preview and `content:check`. Whatever the folder holds (a pipe, a link to
 * /dev/zero, a hostile YAML file, a network share that hangs) can at worst stall or end this
 * process, never the one that answers the patient's touches; its host (agent-host.ts) gives
 * every load a deadline and starts a new agent when one stops answering.
 */

export type WatchSetting = WatchMode | 'off';

/** A folder to read other than the agent's own: a revision of the content repository. */
export interface LoadTarget {
  readonly dir: string;
  readonly repositoryRoot?: string;
}

export type AgentRequest =
  | {
      readonly type: 'start';
      readonly dir: string;
      /** Where checked pictures are kept to be served; none for a check only. */
      readonly cacheDir?: string;
      readonly watch: WatchSetting;
      /** The repository checkout the folder is in, where `include:` may reach. */
      readonly repositoryRoot?: string;
    }
  /** Reads the folder it was started with, or `folder` (a revision of a repository, say). */
  | { readonly type: 'load'; readonly id: number; readonly folder?: LoadTarget }
  | { readonly type: 'ping'; readonly id: number };

export type AgentReply =
  | { readonly type: 'loaded'; readonly id: number; readonly state: ContentState }
  /** The folder changed and has been quiet since: time to load it again. */
  | { readonly type: 'changed' }
  | { readonly type: 'pong'; readonly id: number }
  | { readonly type: 'watching'; readonly polling: boolean; readonly reason: string }
  | { readonly type: 'failed'; readonly message: string };

/** Messages in and out, whatever carries them (a forked Node process, an Electron utility process). */
export interface AgentPort {
  post(message: AgentReply): void;
  onMessage(listener: (message: AgentRequest) => void): void;
}

export function runContentAgent(
  port: AgentPort,
  fs: ContentFileSystem = nodeContentFileSystem(systemClock, READ_DEADLINE_SECONDS * 1000),
): void {
  let dir: string | undefined;
  let repositoryRoot: string | undefined;
  let cacheDir: string | undefined;
  let watcher: FolderWatcher | undefined;

  port.onMessage((message) => {
    switch (message.type) {
      case 'start':
        dir = message.dir;
        repositoryRoot = message.repositoryRoot;
        cacheDir = message.cacheDir;
        if (message.watch !== 'off') void startWatching(message.dir, message.watch);
        return;
      case 'load':
        void load(message.id, message.folder);
        return;
      case 'ping':
        port.post({ type: 'pong', id: message.id });
        return;
    }
  });

  async function load(id: number, folder: LoadTarget | undefined): Promise<void> {
    if (dir === undefined) {
      port.post({ type: 'failed', message: 'asked to load before it was started' });
      return;
    }
    const root = folder === undefined ? repositoryRoot : folder.repositoryRoot;
    const state = await loadContentSafely(folder?.dir ?? dir, fs, {
      ...(cacheDir === undefined ? {} : { keepPicture: keepInCache(cacheDir) }),
      ...(root === undefined ? {} : { repositoryRoot: root }),
    });
    port.post({ type: 'loaded', id, state });
  }

  async function startWatching(folder: string, mode: WatchMode): Promise<void> {
    try {
      const choice = await chooseWatch(folder, mode);
      port.post({ type: 'watching', ...choice });
      await watcher?.close();
      watcher = watchContent({
        dir: folder,
        clock: systemClock,
        watch: (path, onActivity) => watchFolderWithChokidar(path, onActivity, { polling: choice.polling }),
        onSettled: () => port.post({ type: 'changed' }),
      });
    } catch (error) {
      port.post({ type: 'failed', message: `the content folder cannot be watched: ${describeError(error)}` });
    }
  }
}
