import { describe, expect, it, vi } from 'vitest';
import {
  createPinLimiter,
  createStaffSession,
  PIN_LIMIT_DEFAULTS,
  STAFF_SESSION_MS,
  type StaffSessionEnd,
} from '../../../src/main/staff-policy';
import { FakeClock } from '../support/fake-clock';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function limiter() {
  let time = 1_000_000;
  const limit = createPinLimiter({ now: () => time });
  return {
    limit,
    /** A try with a wrong PIN: when the lockout it starts ends, or null for a free try. */
    wrong: () => {
      const attempt = limit.attempt();
      if (!attempt.allowed) throw new Error('the try was refused');
      return attempt.lockedUntil;
    },
    advance: (ms: number) => {
      time += ms;
    },
    now: () => time,
  };
}

describe('wrong PIN rate limit', () => {
  it('allows five wrong PINs, then locks for 30 seconds', () => {
    const { limit, wrong, now } = limiter();
    for (let i = 0; i < 4; i += 1) expect(wrong()).toBeNull();
    expect(limit.lockedUntil()).toBeNull();
    expect(wrong()).toBe(now() + 30 * SECOND);
    expect(limit.lockedUntil()).toBe(now() + 30 * SECOND);
    expect(limit.attempt()).toEqual({ allowed: false, lockedUntil: now() + 30 * SECOND });
  });

  it('counts a try before its PIN is checked, so tries at the same moment get the free tries only', () => {
    const { limit, now } = limiter();
    const attempts = Array.from({ length: 20 }, () => limit.attempt());
    expect(attempts.filter((attempt) => attempt.allowed)).toHaveLength(PIN_LIMIT_DEFAULTS.freeTries);
    expect(attempts.at(-1)).toEqual({ allowed: false, lockedUntil: now() + 30 * SECOND });
  });

  it('unlocks when the lockout is over', () => {
    const { limit, wrong, advance } = limiter();
    for (let i = 0; i < 5; i += 1) wrong();
    advance(30 * SECOND - 1);
    expect(limit.lockedUntil()).not.toBeNull();
    advance(1);
    expect(limit.lockedUntil()).toBeNull();
  });

  it('doubles the lockout with each further wrong PIN, up to 15 minutes', () => {
    const { wrong, advance, now } = limiter();
    for (let i = 0; i < 5; i += 1) wrong();
    const locks: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      advance(16 * MINUTE);
      const until = wrong();
      locks.push(((until ?? now()) - now()) / SECOND);
    }
    expect(locks).toEqual([60, 120, 240, 480, 900, 900, 900]);
  });

  it('never gives the free tries back to someone who keeps guessing', () => {
    const { wrong, advance } = limiter();
    for (let i = 0; i < 5; i += 1) wrong();
    for (let i = 0; i < 100; i += 1) {
      advance(PIN_LIMIT_DEFAULTS.maxLockMs);
      expect(wrong()).not.toBeNull();
    }
  });

  it('forgets old mistakes after an hour without any', () => {
    const { wrong, advance } = limiter();
    for (let i = 0; i < 4; i += 1) wrong();
    advance(60 * MINUTE);
    for (let i = 0; i < 4; i += 1) expect(wrong()).toBeNull();
  });

  it('starts afresh after the right PIN, even the try that was counted for it', () => {
    const { limit, wrong } = limiter();
    for (let i = 0; i < 4; i += 1) wrong();
    expect(limit.attempt()).toMatchObject({ allowed: true, lockedUntil: expect.any(Number) as number });
    limit.succeeded();
    expect(limit.lockedUntil()).toBeNull();
    for (let i = 0; i < 4; i += 1) expect(wrong()).toBeNull();
  });
});

describe('the rate limit across a restart', () => {
  it('carries on from a saved state as if it had never stopped', () => {
    const first = limiter();
    for (let i = 0; i < 5; i += 1) first.wrong();
    const saved = first.limit.state();
    expect(saved).toEqual({
      failures: 5,
      lastFailureAt: first.now(),
      lockedUntil: first.now() + 30 * SECOND,
    });
    const again = createPinLimiter({ now: first.now }, PIN_LIMIT_DEFAULTS, saved);
    expect(again.lockedUntil()).toBe(first.now() + 30 * SECOND);
    first.advance(30 * SECOND);
    expect(again.attempt()).toEqual({ allowed: true, lockedUntil: first.now() + 60 * SECOND });
  });

  it('never locks for longer than the longest lockout, whatever the clock did', () => {
    let time = 1_000_000;
    const yearAhead = time + 365 * 24 * 60 * MINUTE;
    const limit = createPinLimiter({ now: () => time }, PIN_LIMIT_DEFAULTS, {
      failures: 20,
      lastFailureAt: yearAhead,
      lockedUntil: yearAhead,
    });
    expect(limit.lockedUntil()).toBe(time + PIN_LIMIT_DEFAULTS.maxLockMs);
    // The cap holds once made: it does not move on with the clock.
    time += MINUTE;
    expect(limit.lockedUntil()).toBe(time - MINUTE + PIN_LIMIT_DEFAULTS.maxLockMs);
    // And the mistakes are forgotten an hour after now, not a year after.
    time += PIN_LIMIT_DEFAULTS.forgetAfterMs;
    expect(limit.attempt()).toEqual({ allowed: true, lockedUntil: null });
  });

  it('shortens a lockout when the clock is set back while it runs', () => {
    const { limit, wrong, now, advance } = limiter();
    for (let i = 0; i < 5; i += 1) wrong();
    advance(-24 * 60 * MINUTE);
    expect(limit.lockedUntil()).toBe(now() + PIN_LIMIT_DEFAULTS.maxLockMs);
  });
});

describe('the staff session', () => {
  const PAGE = 7;
  const session = (clock: FakeClock) => {
    const onEnd = vi.fn<(why: StaffSessionEnd) => void>();
    return { session: createStaffSession(clock, onEnd), onEnd };
  };

  it('is closed until opened, then lasts two minutes from the last use', () => {
    const clock = new FakeClock(0);
    const { session: staff } = session(clock);
    expect(staff.use(PAGE)).toBe(false);
    expect(staff.open(PAGE)).toBe(STAFF_SESSION_MS);
    clock.advance(STAFF_SESSION_MS - 1);
    expect(staff.use(PAGE)).toBe(true);
    clock.advance(STAFF_SESSION_MS - 1);
    expect(staff.use(PAGE)).toBe(true);
    clock.advance(STAFF_SESSION_MS);
    expect(staff.use(PAGE)).toBe(false);
  });

  it('ends by itself when its time is up, without waiting for the next call', () => {
    const clock = new FakeClock();
    const { session: staff, onEnd } = session(clock);
    staff.open(PAGE);
    clock.advance(STAFF_SESSION_MS - 1);
    expect(onEnd).not.toHaveBeenCalled();
    clock.advance(1);
    expect(onEnd).toHaveBeenCalledExactlyOnceWith('timed-out');
    expect(clock.pendingTimers).toBe(0);
  });

  it('is not stretched by a clock set back, nor outlives a clock set forward', () => {
    const clock = new FakeClock();
    const { session: staff, onEnd } = session(clock);
    staff.open(PAGE);
    clock.set(clock.now() - 60 * MINUTE);
    clock.advance(STAFF_SESSION_MS);
    expect(onEnd).toHaveBeenCalledExactlyOnceWith('timed-out');
    staff.open(PAGE);
    clock.set(clock.now() + STAFF_SESSION_MS);
    expect(staff.use(PAGE)).toBe(false);
    expect(onEnd).toHaveBeenLastCalledWith('timed-out');
  });

  it('ends when told, once', () => {
    const clock = new FakeClock();
    const { session: staff, onEnd } = session(clock);
    staff.open(PAGE);
    staff.end();
    staff.end();
    expect(staff.use(PAGE)).toBe(false);
    expect(onEnd).toHaveBeenCalledExactlyOnceWith('closed');
    expect(clock.pendingTimers).toBe(0);
  });

  it('belongs to the page that opened it, and ends when another page calls', () => {
    const clock = new FakeClock();
    const { session: staff, onEnd } = session(clock);
    staff.open(PAGE);
    expect(staff.use(PAGE + 1)).toBe(false);
    expect(onEnd).toHaveBeenCalledExactlyOnceWith('other-page');
    expect(staff.use(PAGE)).toBe(false);
  });

  it('ends the session of another page before opening one for a new page', () => {
    const clock = new FakeClock();
    const { session: staff, onEnd } = session(clock);
    staff.open(PAGE);
    staff.open(PAGE + 1);
    expect(onEnd).toHaveBeenCalledExactlyOnceWith('other-page');
    expect(staff.use(PAGE + 1)).toBe(true);
  });
});
