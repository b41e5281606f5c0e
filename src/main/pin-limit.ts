/**
 * Slows down anyone guessing the staff PIN at the screen: a few free tries (staff mistype too),
 * then a lockout that doubles with every further wrong PIN, up to a ceiling. A right PIN, or an
 * hour without wrong ones, starts afresh. Pure, with an injected clock.
 *
 * The ceiling is below the forgetting time on purpose: someone who keeps guessing never gets
 * the free tries back, so a 4-digit PIN takes weeks of standing at the screen to find.
 */
export interface PinLimitSettings {
  readonly freeTries: number;
  readonly firstLockMs: number;
  readonly maxLockMs: number;
  readonly forgetAfterMs: number;
}

export const PIN_LIMIT_DEFAULTS: PinLimitSettings = {
  freeTries: 5,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

export interface PinLimiter {
  /** When the lockout ends (epoch ms), or null when a PIN may be tried now. */
  lockedUntil(): number | null;
  /** Records a wrong PIN; returns when the lockout it starts ends, or null for a free try. */
  failed(): number | null;
  succeeded(): void;
}

export function createPinLimiter(
  now: () => number,
  settings: PinLimitSettings = PIN_LIMIT_DEFAULTS,
): PinLimiter {
  let failures = 0;
  let lastFailure = Number.NEGATIVE_INFINITY;
  let lockEnd = 0;

  return {
    lockedUntil: () => (now() < lockEnd ? lockEnd : null),
    failed() {
      const time = now();
      if (time - lastFailure >= settings.forgetAfterMs) failures = 0;
      failures += 1;
      lastFailure = time;
      if (failures < settings.freeTries) return null;
      const doublings = failures - settings.freeTries;
      // Capping the exponent keeps 2 ** n finite however long someone keeps trying.
      const lockMs = Math.min(settings.firstLockMs * 2 ** Math.min(doublings, 30), settings.maxLockMs);
      lockEnd = time + lockMs;
      return lockEnd;
    },
    succeeded() {
      failures = 0;
      lastFailure = Number.NEGATIVE_INFINITY;
      lockEnd = 0;
    },
  };
}
