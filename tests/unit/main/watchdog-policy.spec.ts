import { describe, expect, it } from 'vitest';
import {
  createWatchdogPolicy,
  isIdleMode,
  WATCHDOG_DEFAULTS,
  watchdogSettings,
  type WatchdogSettings,
} from '../../../src/main/watchdog-policy';

const MINUTE = 60_000;
const settings: WatchdogSettings = {
  memoryLimitMb: 1000,
  nightlyMinute: 3 * 60 + 30,
  timeZone: 'Europe/London',
  memoryCooldownMs: 30 * MINUTE,
};

function clock(iso: string) {
  let time = Date.parse(iso);
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
    set: (next: string) => {
      time = Date.parse(next);
    },
  };
}

describe('watchdog settings', () => {
  it('defaults to a 1 GB ceiling and a reload at 03:30', () => {
    expect(watchdogSettings({}, [])).toMatchObject({ memoryLimitMb: 1024, nightlyMinute: 210 });
  });

  it('reads both from the environment, and off turns either off', () => {
    expect(
      watchdogSettings({ KIOSK_MEMORY_LIMIT_MB: '2048', KIOSK_NIGHTLY_RELOAD: '4:05' }, []),
    ).toMatchObject({
      memoryLimitMb: 2048,
      nightlyMinute: 245,
    });
    expect(watchdogSettings({ KIOSK_MEMORY_LIMIT_MB: 'off', KIOSK_NIGHTLY_RELOAD: 'OFF' }, [])).toMatchObject(
      {
        memoryLimitMb: null,
        nightlyMinute: null,
      },
    );
  });

  it('keeps the defaults, and says why, for values it cannot use', () => {
    const warnings: string[] = [];
    const read = watchdogSettings({ KIOSK_MEMORY_LIMIT_MB: 'lots', KIOSK_NIGHTLY_RELOAD: '25:00' }, warnings);
    expect(read).toMatchObject({
      memoryLimitMb: WATCHDOG_DEFAULTS.memoryLimitMb,
      nightlyMinute: WATCHDOG_DEFAULTS.nightlyMinute,
    });
    expect(warnings).toEqual([
      expect.stringContaining('KIOSK_MEMORY_LIMIT_MB'),
      expect.stringContaining('KIOSK_NIGHTLY_RELOAD'),
    ]);
  });
});

describe('when nobody is using the screen', () => {
  it.each([
    ['attract', true],
    ['closed', true],
    ['notice', true],
    [undefined, true],
    ['touch', false],
    ['warning', false],
    ['staff', false],
  ] as const)('%s: %s', (mode, idle) => {
    expect(isIdleMode(mode)).toBe(idle);
  });
});

describe('the watchdog policy', () => {
  it('makes a reload due above the memory ceiling, and not below it', () => {
    const { now } = clock('2025-01-15T12:00:00Z');
    const policy = createWatchdogPolicy({ now }, settings);
    policy.check(1000);
    expect(policy.due()).toBeUndefined();
    policy.check(1001);
    expect(policy.due()).toBe('memory');
  });

  it('waits half an hour after a reload before reloading for memory again', () => {
    const { now, advance } = clock('2025-01-15T12:00:00Z');
    const policy = createWatchdogPolicy({ now }, settings);
    policy.check(2000);
    policy.reloaded();
    advance(29 * MINUTE);
    policy.check(2000);
    expect(policy.due()).toBeUndefined();
    advance(MINUTE);
    policy.check(2000);
    expect(policy.due()).toBe('memory');
  });

  it('makes one reload due each night at the set time on the local clock', () => {
    const { now, set } = clock('2025-07-15T02:00:00Z');
    const policy = createWatchdogPolicy({ now }, settings);
    set('2025-07-15T02:29:00Z'); // 03:29 in London (summer time)
    policy.check(0);
    expect(policy.due()).toBeUndefined();
    set('2025-07-15T02:30:00Z');
    policy.check(0);
    expect(policy.due()).toBe('nightly');
    policy.reloaded();
    set('2025-07-15T03:00:00Z');
    policy.check(0);
    expect(policy.due()).toBeUndefined();
    set('2025-07-16T02:31:00Z');
    policy.check(0);
    expect(policy.due()).toBe('nightly');
  });

  it('does not reload the night it starts if it starts after the nightly time', () => {
    const { now, set } = clock('2025-01-15T09:00:00Z');
    const policy = createWatchdogPolicy({ now }, settings);
    policy.check(0);
    expect(policy.due()).toBeUndefined();
    set('2025-01-16T03:30:00Z');
    policy.check(0);
    expect(policy.due()).toBe('nightly');
  });

  it('does not reload again when the clock is set back a day', () => {
    const { now, set } = clock('2025-01-15T03:00:00Z');
    const policy = createWatchdogPolicy({ now }, settings);
    set('2025-01-15T03:31:00Z');
    policy.check(0);
    policy.reloaded();
    set('2025-01-14T04:00:00Z');
    policy.check(0);
    expect(policy.due()).toBeUndefined();
  });

  it('does nothing with both turned off', () => {
    const { now, set } = clock('2025-01-15T03:00:00Z');
    const policy = createWatchdogPolicy({ now }, { ...settings, memoryLimitMb: null, nightlyMinute: null });
    set('2025-01-16T04:00:00Z');
    policy.check(1e9);
    expect(policy.due()).toBeUndefined();
  });
});
