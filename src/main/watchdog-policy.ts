import type { Clock } from '../shared/clock';
import type { KioskMode } from '../shared/ipc';
import { parseClockTime } from '../node/time/clock-time';
import { systemTimeZone, wallClock } from '../node/time/wall-clock';
import { ENV, type Env } from '../node/environment';

/**
 * When the memory watchdog reloads the page. Pure, with the time and memory given to it.
 *
 * A reload becomes due when the page uses more memory than the ceiling (at most once per
 * `memoryCooldownMs`, so a page that is simply big is not reloaded over and over), or once a day
 * at the nightly time. A due reload waits for a moment when no patient is using the screen.
 */

export const MEMORY_LIMIT_ENV = ENV.memoryLimitMb;
export const NIGHTLY_RELOAD_ENV = ENV.nightlyReload;

export interface WatchdogSettings {
  /** Ceiling for the page's renderer processes, in MB; null: no ceiling. */
  readonly memoryLimitMb: number | null;
  /** Minutes after midnight on the computer's clock; null: no nightly reload. */
  readonly nightlyMinute: number | null;
  readonly timeZone: string;
  readonly memoryCooldownMs: number;
}

export const WATCHDOG_DEFAULTS: WatchdogSettings = {
  memoryLimitMb: 1024,
  nightlyMinute: 3 * 60 + 30,
  timeZone: systemTimeZone(),
  memoryCooldownMs: 30 * 60_000,
};

/** Reads `KIOSK_MEMORY_LIMIT_MB` (a number, or `off`) and `KIOSK_NIGHTLY_RELOAD` (`HH:MM`, or `off`). */
export function watchdogSettings(env: Env, warnings: string[]): WatchdogSettings {
  let { memoryLimitMb, nightlyMinute } = WATCHDOG_DEFAULTS;
  const limit = env[MEMORY_LIMIT_ENV]?.trim().toLowerCase();
  if (limit === 'off') memoryLimitMb = null;
  else if (limit) {
    const value = Number(limit);
    if (Number.isFinite(value) && value >= 128) memoryLimitMb = value;
    else
      warnings.push(
        `${MEMORY_LIMIT_ENV} must be a number of megabytes (at least 128) or off; using ${memoryLimitMb}`,
      );
  }
  const nightly = env[NIGHTLY_RELOAD_ENV]?.trim().toLowerCase();
  if (nightly === 'off') nightlyMinute = null;
  else if (nightly) {
    const minute = parseClockTime(nightly);
    if (minute !== undefined) nightlyMinute = minute;
    else warnings.push(`${NIGHTLY_RELOAD_ENV} must be a time such as 03:30, or off; using the default`);
  }
  return { ...WATCHDOG_DEFAULTS, memoryLimitMb, nightlyMinute };
}

export type WatchdogReason = 'memory' | 'nightly';

/**
 * Modes in which nobody is using the screen, so a reload interrupts no one (an urgent notice comes
 * back with the page). Unknown counts as idle.
 */
export function isIdleMode(mode: KioskMode | undefined): boolean {
  return mode === undefined || mode === 'attract' || mode === 'closed' || mode === 'notice';
}

export interface WatchdogPolicy {
  /** Takes a reading; `memoryMb` is the page's memory now. */
  check(memoryMb: number): void;
  /** The reason a reload is due, if one is. */
  due(): WatchdogReason | undefined;
  /** The page was reloaded for the due reason. */
  reloaded(): void;
}

export function createWatchdogPolicy(clock: Pick<Clock, 'now'>, settings: WatchdogSettings): WatchdogPolicy {
  let due: WatchdogReason | undefined;
  let lastMemoryReload = Number.NEGATIVE_INFINITY;
  /** The last day (YYYY-MM-DD) whose nightly reload is done or was never wanted. */
  let nightlyDoneFor: string | undefined;

  const today = () => {
    const wall = wallClock(clock.now(), settings.timeZone);
    const day = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
    return { day, minute: wall.minuteOfDay };
  };

  if (settings.nightlyMinute !== null) {
    // Started after tonight's time: the first nightly reload is tomorrow's.
    const { day, minute } = today();
    if (minute >= settings.nightlyMinute) nightlyDoneFor = day;
  }

  return {
    check(memoryMb) {
      if (settings.nightlyMinute !== null) {
        const { day, minute } = today();
        // Days compare as text; a clock set back a day does not make yesterday due again.
        if (minute >= settings.nightlyMinute && (nightlyDoneFor === undefined || day > nightlyDoneFor)) {
          nightlyDoneFor = day;
          due ??= 'nightly';
        }
      }
      if (
        settings.memoryLimitMb !== null &&
        memoryMb > settings.memoryLimitMb &&
        clock.now() - lastMemoryReload >= settings.memoryCooldownMs
      ) {
        due = 'memory';
      }
    },
    due: () => due,
    reloaded() {
      // Any reload frees the page's memory, whichever reason asked for it.
      lastMemoryReload = clock.now();
      due = undefined;
    },
  };
}
