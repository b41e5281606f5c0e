import { app, type ProcessMetric } from 'electron';
import { processEnvironment } from '../node/environment';
import { formatClockTime } from '../node/time/clock-time';
import { repeat, systemClock, type Clock } from '../shared/clock';
import type { ModeTracker } from './kiosk-mode';
import { createOnceFilter, describeError, log } from './log';
import type { KioskWindows } from './recovery';
import { createWatchdogPolicy, isIdleMode, watchdogSettings, type WatchdogSettings } from './watchdog-policy';

export const WATCHDOG_CHECK_MS = 60_000;

export interface WatchdogOptions {
  readonly windows: KioskWindows;
  readonly mode: ModeTracker;
  readonly settings?: WatchdogSettings;
  readonly clock?: Clock;
}

/** Memory of the page's renderer processes ("Tab" in Chromium's terms), in MB. */
export function pageMemoryMb(metrics: readonly ProcessMetric[]): number {
  const kilobytes = metrics
    .filter((metric) => metric.type === 'Tab')
    .reduce((sum, metric) => sum + metric.memory.workingSetSize, 0);
  return Math.round(kilobytes / 1024);
}

/**
 * Reloads the page when it has grown past its memory ceiling, and once a night, at a moment when
 * nobody is using the screen (see watchdog-policy.ts). Settings come from the environment.
 */
export function setupWatchdog(options: WatchdogOptions): { stop(): void } {
  const clock = options.clock ?? systemClock;
  const warnings: string[] = [];
  const settings = options.settings ?? watchdogSettings(processEnvironment(), warnings);
  for (const warning of warnings) log.warn(warning);
  const policy = createWatchdogPolicy(clock, settings);
  const firstTime = createOnceFilter(10);
  let lastMemoryMb = 0;

  function reloadIfIdle(): void {
    const reason = policy.due();
    if (reason === undefined || !isIdleMode(options.mode.current())) return;
    log.info(`watchdog: reloading the page (${reason})`, {
      memoryMb: lastMemoryMb,
      limitMb: settings.memoryLimitMb,
    });
    options.windows.reload(`watchdog: ${reason}`);
    policy.reloaded();
  }

  function check(): void {
    try {
      lastMemoryMb = pageMemoryMb(app.getAppMetrics());
    } catch (error) {
      if (firstTime('metrics'))
        log.warn('watchdog: could not read memory use', { error: describeError(error) });
    }
    const wasDue = policy.due();
    policy.check(lastMemoryMb);
    if (policy.due() === 'memory' && wasDue !== 'memory')
      log.warn(
        'watchdog: the page uses more memory than its ceiling; it will be reloaded when nobody is using the screen',
        {
          memoryMb: lastMemoryMb,
          limitMb: settings.memoryLimitMb,
        },
      );
    reloadIfIdle();
  }

  const stopChecking = repeat(clock, WATCHDOG_CHECK_MS, check);
  const unsubscribe = options.mode.onChange(reloadIfIdle);
  log.info('watchdog started', {
    memoryLimitMb: settings.memoryLimitMb,
    nightlyReload: settings.nightlyMinute === null ? 'off' : formatClockTime(settings.nightlyMinute),
  });
  return {
    stop() {
      stopChecking();
      unsubscribe();
    },
  };
}
