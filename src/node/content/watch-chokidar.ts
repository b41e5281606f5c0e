import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isEditorLeftover } from './files';
import type { FolderWatcher, WatchFolder } from './watch';

/** How often to look for a content folder that was deleted (or not there yet) to come back. */
const REAPPEAR_POLL_MS = 1000;

/**
 * The content folder watched with chokidar, for the app and the browser preview alike (this file
 * imports nothing from Electron). Every event counts as activity, raw ones included, so that the
 * quiet time starts again while a file is still being written; `awaitWriteFinish` holds a file's
 * own event until its size stops changing. A folder deleted and copied in again as a whole is
 * found again by polling, since a watch cannot follow a folder that no longer exists.
 */
export const watchWithChokidar: WatchFolder = (dir, onActivity) => watchFolderWithChokidar(dir, onActivity);

/** How often a polled folder is looked at: a save shows within two seconds, as with events. */
export const POLL_INTERVAL_MS = 1000;
/** kiosk.yaml, slides/, images/ and the folders pictures are sorted into: nothing deeper is content. */
export const WATCH_DEPTH = 3;

export interface ChokidarOptions {
  /** Look at the files every {@link POLL_INTERVAL_MS} instead of waiting for change events. */
  readonly polling?: boolean;
}

/**
 * As {@link watchWithChokidar}, telling when the first scan is done (events before it may be
 * missed). Confined to the folder: links are not followed (a link to /usr, or back up to the
 * folder itself, would never finish scanning) and nothing deeper than {@link WATCH_DEPTH} is watched.
 */
export function watchFolderWithChokidar(
  dir: string,
  onActivity: (path: string) => void,
  options: ChokidarOptions = {},
): FolderWatcher & { readonly ready: Promise<void> } {
  const root = resolve(dir);
  let watcher: FSWatcher | undefined;
  let poll: NodeJS.Timeout | undefined;
  let closed = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolveReady) => {
    markReady = resolveReady;
  });

  const start = () => {
    watcher = watch(root, {
      ignoreInitial: true,
      ignored: (path) => path !== root && isEditorLeftover(path),
      awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
      followSymlinks: false,
      depth: WATCH_DEPTH,
      usePolling: options.polling === true,
      interval: POLL_INTERVAL_MS,
      binaryInterval: POLL_INTERVAL_MS,
    });
    watcher.on('all', (event, path) => {
      if (event === 'unlinkDir' && resolve(path) === root) waitForFolder();
      onActivity(path);
    });
    watcher.on('raw', (_event, path) => onActivity(path));
    watcher.on('error', () => waitForFolder());
    watcher.once('ready', () => markReady());
  };

  const waitForFolder = () => {
    if (poll !== undefined || closed) return;
    const old = watcher;
    watcher = undefined;
    void old?.close();
    poll = setInterval(() => {
      if (!existsSync(root)) return;
      clearInterval(poll);
      poll = undefined;
      if (closed) return;
      start();
      onActivity(root);
    }, REAPPEAR_POLL_MS);
    poll.unref();
  };

  if (existsSync(root)) start();
  else waitForFolder();

  return {
    ready,
    async close() {
      closed = true;
      clearInterval(poll);
      markReady();
      await watcher?.close();
    },
  };
}
