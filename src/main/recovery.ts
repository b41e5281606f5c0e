import type { BrowserWindow } from 'electron';
import { systemClock, type Clock, type TimerHandle } from '../shared/clock';
import type { RecoveryCounts } from '../shared/ipc';
import { APP_INDEX_URL } from './app-url';
import { describeError, log, type LogDetails } from './log';
import { createRecoveryPolicy, type RecoverySettings } from './recovery-policy';

/** After Chromium calls the page unresponsive, how much longer it gets before it is killed and reloaded. */
export const UNRESPONSIVE_GRACE_MS = 10_000;
/** Chromium's ERR_ABORTED: a load replaced by another one, not a failure. */
const ERR_ABORTED = -3;

export type PageCounts = Omit<RecoveryCounts, 'gpuCrashes'>;

/** The kiosk window, kept alive by recovery: the rest of the main process asks here for it. */
export interface KioskWindows {
  /** Opens the first kiosk window. */
  open(): void;
  /** The kiosk window now; undefined before the first one and after it was closed for good. */
  current(): BrowserWindow | undefined;
  /** Reloads the page at once for a reason that is not a failure (the memory watchdog's). */
  reload(reason: string): void;
  counts(): PageCounts;
  /** Called at each failure of the page (a crash, a hang, a failed load), with its reason. */
  onFailure(listener: (reason: string) => void): () => void;
}

export interface RecoveryOptions {
  readonly createWindow: () => BrowserWindow;
  readonly clock?: Clock;
  readonly settings?: RecoverySettings;
}

/**
 * Self-healing for the kiosk page: a renderer that dies (for any reason), hangs or fails to load
 * is reloaded; repeated failures replace the window; a crash loop backs off and keeps trying
 * (see recovery-policy.ts). Every recovery is logged with its reason and counted for the staff panel.
 */
export function setupRecovery(options: RecoveryOptions): KioskWindows {
  const clock = options.clock ?? systemClock;
  const policy = createRecoveryPolicy(clock, options.settings);
  const failures: Record<string, number> = {};
  const counts = { reloads: 0, windowRecreations: 0, crashLoops: 0, watchdogReloads: 0 };
  const failureListeners = new Set<(reason: string) => void>();
  let window: BrowserWindow | undefined;
  let pending: TimerHandle | undefined;
  let unresponsive: TimerHandle | undefined;
  /** Set when recovery itself killed a hung renderer, so its 'render-process-gone' is not a new failure. */
  let killedHungPage = false;

  const isCurrent = (candidate: BrowserWindow) => candidate === window && !candidate.isDestroyed();

  function clearTimers(): void {
    clock.clearTimeout(pending);
    clock.clearTimeout(unresponsive);
    pending = undefined;
    unresponsive = undefined;
  }

  function failed(source: BrowserWindow, reason: string, details: LogDetails = {}): void {
    if (!isCurrent(source)) return;
    failures[reason] = (failures[reason] ?? 0) + 1;
    for (const listener of failureListeners) {
      try {
        listener(reason);
      } catch (error) {
        log.error('a page failure listener failed', { error: describeError(error) });
      }
    }
    if (pending !== undefined) {
      log.warn('the page failed again while its recovery was already under way', { reason, ...details });
      return;
    }
    const step = policy.failed();
    if (step.loopStarted) counts.crashLoops += 1;
    const what = step.action === 'reload' ? 'reloading it' : 'replacing the window';
    log.error(`the page failed (${reason}); ${what} in ${Math.round(step.delayMs / 1000)} s`, {
      reason,
      ...details,
      ...(step.crashLoop ? { crashLoop: true } : {}),
    });
    if (reason === 'unresponsive') killHungPage(source);
    pending = clock.setTimeout(() => {
      pending = undefined;
      recover(step.action, reason);
    }, step.delayMs);
  }

  /** A hung renderer would ignore a reload: end it first, as Electron advises. */
  function killHungPage(source: BrowserWindow): void {
    killedHungPage = true;
    try {
      source.webContents.forcefullyCrashRenderer();
    } catch (error) {
      log.warn('could not stop the hung page', { error: describeError(error) });
    }
  }

  function recover(action: 'reload' | 'recreate', reason: string): void {
    killedHungPage = false;
    try {
      if (action === 'reload' && window !== undefined && !window.isDestroyed()) {
        counts.reloads += 1;
        window.loadURL(APP_INDEX_URL).catch(() => undefined);
      } else {
        replaceWindow();
      }
    } catch (error) {
      log.error('recovery itself failed; trying again', { reason, error: describeError(error) });
      if (window !== undefined) failed(window, 'recovery-failed');
    }
  }

  function replaceWindow(): void {
    const old = window;
    const next = options.createWindow();
    counts.windowRecreations += 1;
    adopt(next);
    if (old === undefined || old.isDestroyed()) return;
    // The old window stays until the new one shows, so the desktop never peeks through; the
    // new window always shows, at the latest when window.ts gives up waiting for it to paint.
    next.once('show', () => {
      if (!old.isDestroyed()) old.destroy();
    });
  }

  function adopt(next: BrowserWindow): void {
    window = next;
    const contents = next.webContents;
    contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
      if (!isMainFrame || errorCode === ERR_ABORTED) return;
      failed(next, 'load-failed', { errorCode, errorDescription, url: validatedURL });
    });
    contents.on('render-process-gone', (_event, details) => {
      if (isCurrent(next) && killedHungPage) {
        killedHungPage = false;
        log.info('the hung page was stopped');
        return;
      }
      failed(next, details.reason, { exitCode: details.exitCode });
    });
    contents.on('unresponsive', () => {
      if (!isCurrent(next) || unresponsive !== undefined) return;
      log.warn('the page is not responding');
      unresponsive = clock.setTimeout(() => {
        unresponsive = undefined;
        failed(next, 'unresponsive');
      }, UNRESPONSIVE_GRACE_MS);
    });
    contents.on('responsive', () => {
      if (unresponsive === undefined || !isCurrent(next)) return;
      clock.clearTimeout(unresponsive);
      unresponsive = undefined;
      log.info('the page is responding again');
    });
    contents.on('did-finish-load', () => {
      if (isCurrent(next)) policy.loaded();
    });
    next.on('closed', () => {
      if (window !== next) return;
      window = undefined;
      clearTimers();
    });
  }

  return {
    open() {
      if (window === undefined) adopt(options.createWindow());
    },
    current: () => (window === undefined || window.isDestroyed() ? undefined : window),
    reload(reason) {
      if (window === undefined || window.isDestroyed() || pending !== undefined) return;
      counts.watchdogReloads += 1;
      log.info('reloading the page', { reason });
      window.loadURL(APP_INDEX_URL).catch(() => undefined);
    },
    counts: () => ({ failures: { ...failures }, ...counts }),
    onFailure(listener) {
      failureListeners.add(listener);
      return () => failureListeners.delete(listener);
    },
  };
}
