import type { Clock, TimerHandle } from '../../shared/clock';
import { isEditorLeftover } from './files';

/**
 * Turning file-system noise into reloads. Saving one file makes several events (an editor writes
 * a temporary file and renames it; a copy from a USB stick makes hundreds), and a file being
 * written makes events until it is complete. The content is reloaded once the folder has been
 * quiet for {@link QUIET_MS}: one reload per save, and never a file read half-written.
 */

export const QUIET_MS = 300;
/** A folder that never goes quiet (a sync tool touching files) is still reloaded this often. */
export const MAX_WAIT_MS = 3000;

/** Reports activity in a folder: chokidar in the app and the preview, fake events in tests. */
export type WatchFolder = (dir: string, onActivity: (path: string) => void) => FolderWatcher;

export interface FolderWatcher {
  close(): Promise<void>;
}

export interface ContentWatchOptions {
  readonly dir: string;
  readonly watch: WatchFolder;
  readonly clock: Clock;
  readonly onSettled: () => void;
  readonly quietMs?: number;
  readonly maxWaitMs?: number;
}

export function watchContent(options: ContentWatchOptions): FolderWatcher {
  const { dir, watch, clock, onSettled, quietMs = QUIET_MS, maxWaitMs = MAX_WAIT_MS } = options;
  let quietTimer: TimerHandle | undefined;
  let maxTimer: TimerHandle | undefined;
  let closed = false;

  const settle = () => {
    clock.clearTimeout(quietTimer);
    clock.clearTimeout(maxTimer);
    quietTimer = undefined;
    maxTimer = undefined;
    if (!closed) onSettled();
  };

  const watcher = watch(dir, (path) => {
    if (closed || isEditorLeftover(path)) return;
    clock.clearTimeout(quietTimer);
    quietTimer = clock.setTimeout(settle, quietMs);
    maxTimer ??= clock.setTimeout(settle, maxWaitMs);
  });

  return {
    close() {
      closed = true;
      clock.clearTimeout(quietTimer);
      clock.clearTimeout(maxTimer);
      return watcher.close();
    },
  };
}
