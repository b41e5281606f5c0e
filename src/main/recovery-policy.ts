import { cappedBackoff } from '../node/backoff';
import type { Clock } from '../shared/clock';
import { createEventWindow } from '../shared/event-window';

/**
 * What to do when the kiosk page fails, decided from the failures so far and nothing else. Pure,
 * with an injected clock.
 *
 * - A first failure reloads the page after a short pause.
 * - Another before the page has run well for a while means the window itself may be the trouble:
 *   it is replaced by a new one.
 * - Failures in quick succession (a crash loop) make the kiosk back off, doubling the pause each
 *   time up to a ceiling, and keep trying for ever: never give up, never spin.
 * - A page that then runs well for a while wipes the slate clean.
 */

export interface RecoverySettings {
  /** The pause before an ordinary reload or window replacement. */
  readonly retryDelayMs: number;
  /** Consecutive failures after which the window is replaced rather than reloaded. */
  readonly recreateAfter: number;
  /** This many failures within `loopWindowMs` is a crash loop. */
  readonly loopFailures: number;
  readonly loopWindowMs: number;
  /** The first back-off pause in a crash loop; each further failure doubles it. */
  readonly loopDelayMs: number;
  readonly maxDelayMs: number;
  /** How long the page must run without failing after loading for the past to be forgotten. */
  readonly stableAfterMs: number;
}

export const RECOVERY_DEFAULTS: RecoverySettings = {
  retryDelayMs: 3_000,
  recreateAfter: 2,
  loopFailures: 3,
  loopWindowMs: 60_000,
  loopDelayMs: 30_000,
  maxDelayMs: 5 * 60_000,
  stableAfterMs: 60_000,
};

export interface RecoveryStep {
  readonly action: 'reload' | 'recreate';
  readonly delayMs: number;
  /** True while backing off from a crash loop. */
  readonly crashLoop: boolean;
  /** True for the failure that started a crash loop. */
  readonly loopStarted: boolean;
}

export interface RecoveryPolicy {
  /** A failure happened now: what to do about it. */
  failed(): RecoveryStep;
  /** The page finished loading now. */
  loaded(): void;
}

export function createRecoveryPolicy(
  clock: Pick<Clock, 'now'>,
  settings: RecoverySettings = RECOVERY_DEFAULTS,
): RecoveryPolicy {
  const recent = createEventWindow(settings.loopWindowMs);
  let consecutive = 0;
  let loopLevel = 0;
  let lastFailure = Number.NEGATIVE_INFINITY;
  let lastLoaded: number | undefined;

  return {
    loaded() {
      lastLoaded = clock.now();
    },
    failed() {
      const time = clock.now();
      const ranWell =
        lastLoaded !== undefined && lastLoaded > lastFailure && time - lastLoaded >= settings.stableAfterMs;
      if (ranWell) {
        recent.clear();
        consecutive = 0;
        loopLevel = 0;
      }
      lastFailure = time;
      consecutive += 1;
      const recentFailures = recent.record(time);

      if (loopLevel > 0 || recentFailures >= settings.loopFailures) {
        loopLevel += 1;
        const delayMs = cappedBackoff(settings.loopDelayMs, loopLevel - 1, settings.maxDelayMs);
        return { action: 'recreate', delayMs, crashLoop: true, loopStarted: loopLevel === 1 };
      }
      const action = consecutive >= settings.recreateAfter ? 'recreate' : 'reload';
      return { action, delayMs: settings.retryDelayMs, crashLoop: false, loopStarted: false };
    },
  };
}
