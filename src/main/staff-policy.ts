import { cappedBackoff } from '../node/backoff';
import type { Clock, TimerHandle } from '../shared/clock';

/**
 * The decisions of staff access, free of Electron and with an injected clock: how often a PIN may
 * be tried, and how long a staff session lasts (ended by the clock's own timer, so a FakeClock
 * drives it in tests). src/main/staff.ts wires them to IPC and keeps the lockout on disk.
 */

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

/** The answer to asking for one PIN check. */
export type PinAttempt =
  /** Go ahead; `lockedUntil` is the lockout this try starts if the PIN is wrong, or null for a free try. */
  | { readonly allowed: true; readonly lockedUntil: number | null }
  /** Locked out until then (epoch ms): the PIN is not checked at all. */
  | { readonly allowed: false; readonly lockedUntil: number };

/** What the limiter knows, kept across a restart so that restarting the kiosk lifts no lockout. */
export interface PinLimitState {
  readonly failures: number;
  /** Epoch ms of the last wrong PIN, or null. */
  readonly lastFailureAt: number | null;
  /** Epoch ms the lockout ends, or null. */
  readonly lockedUntil: number | null;
}

export interface PinLimiter {
  /** When the lockout ends (epoch ms), or null when a PIN may be tried now. */
  lockedUntil(): number | null;
  /**
   * Asks to check one PIN, and counts it as a wrong one straight away. The check takes a while
   * (scrypt); counting afterwards would let every guess sent in that while through, so the count
   * comes first and a right PIN clears it with `succeeded`.
   */
  attempt(): PinAttempt;
  /** The PIN was right: starts afresh. */
  succeeded(): void;
  state(): PinLimitState;
}

export function createPinLimiter(
  clock: Pick<Clock, 'now'>,
  settings: PinLimitSettings = PIN_LIMIT_DEFAULTS,
  saved?: PinLimitState,
): PinLimiter {
  let failures = saved?.failures ?? 0;
  let lastFailure = saved?.lastFailureAt ?? Number.NEGATIVE_INFINITY;
  let lockEnd = saved?.lockedUntil ?? 0;

  /**
   * A clock set back (by hand, or by a saved state from a clock that was ahead) must not stretch
   * a lockout beyond the longest one, nor keep old mistakes for longer than an hour from now.
   */
  function now(): number {
    const time = clock.now();
    lockEnd = Math.min(lockEnd, time + settings.maxLockMs);
    lastFailure = Math.min(lastFailure, time);
    return time;
  }

  function lockedUntil(): number | null {
    return now() < lockEnd ? lockEnd : null;
  }

  return {
    lockedUntil,
    attempt() {
      const locked = lockedUntil();
      if (locked !== null) return { allowed: false, lockedUntil: locked };
      const time = now();
      if (time - lastFailure >= settings.forgetAfterMs) failures = 0;
      failures += 1;
      lastFailure = time;
      if (failures < settings.freeTries) return { allowed: true, lockedUntil: null };
      const lockMs = cappedBackoff(settings.firstLockMs, failures - settings.freeTries, settings.maxLockMs);
      lockEnd = time + lockMs;
      return { allowed: true, lockedUntil: lockEnd };
    },
    succeeded() {
      failures = 0;
      lastFailure = Number.NEGATIVE_INFINITY;
      lockEnd = 0;
    },
    state() {
      const locked = lockedUntil();
      return {
        failures,
        lastFailureAt: Number.isFinite(lastFailure) ? lastFailure : null,
        lockedUntil: locked,
      };
    },
  };
}

/** A staff session lasts this long after the PIN, and again after every staff call. */
export const STAFF_SESSION_MS = 2 * 60_000;

/** Why a staff session ended: staff closed it, it ran out, or a page other than its own called. */
export type StaffSessionEnd = 'closed' | 'timed-out' | 'other-page';

export interface StaffSession {
  /** Opens a session for the page in `page` (its webContents id); returns when it ends. */
  open(page: number): number;
  /**
   * True while a session is open for `page`; extends it. A call from another page ends it: only
   * one page at a time may call, so the page that opened it is gone (recovery replaced it).
   */
  use(page: number): boolean;
  end(): void;
}

/**
 * Staff calls are accepted only inside a session opened by the PIN, and only from the page that
 * typed it. With an injected clock: the session ends by itself when its time is up, without
 * waiting for the page to call again, and `onEnd` hears of every end, however it came.
 */
export function createStaffSession(
  clock: Clock,
  onEnd: (why: StaffSessionEnd) => void = () => undefined,
  lengthMs = STAFF_SESSION_MS,
): StaffSession {
  let session: { readonly page: number; readonly endsAt: number } | undefined;
  let timer: TimerHandle | undefined;

  function end(why: StaffSessionEnd): void {
    if (session === undefined) return;
    session = undefined;
    clock.clearTimeout(timer);
    timer = undefined;
    onEnd(why);
  }

  function start(page: number): number {
    session = { page, endsAt: clock.now() + lengthMs };
    // The timer counts time that has passed, which a clock set back cannot stretch; the end time
    // is checked on every call as well, for a clock set forward.
    clock.clearTimeout(timer);
    timer = clock.setTimeout(() => {
      timer = undefined;
      end('timed-out');
    }, lengthMs);
    return session.endsAt;
  }

  return {
    open(page) {
      if (session !== undefined && session.page !== page) end('other-page');
      return start(page);
    },
    use(page) {
      if (session === undefined) return false;
      if (clock.now() >= session.endsAt) {
        end('timed-out');
        return false;
      }
      if (session.page !== page) {
        end('other-page');
        return false;
      }
      start(page);
      return true;
    },
    end: () => end('closed'),
  };
}
