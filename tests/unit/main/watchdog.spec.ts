import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { KioskMode } from '../../../src/shared/ipc';
import type { ModeTracker } from '../../../src/main/kiosk-mode';
import { log } from '../../../src/main/log';
import { silenceLog } from './log-support';
import type { KioskWindows } from '../../../src/main/recovery';
import { pageMemoryMb, setupWatchdog, WATCHDOG_CHECK_MS } from '../../../src/main/watchdog';
import type { WatchdogSettings } from '../../../src/main/watchdog-policy';
import { app } from '../electron-mock';

const settings: WatchdogSettings = {
  memoryLimitMb: 500,
  nightlyMinute: null,
  timeZone: 'UTC',
  memoryCooldownMs: 30 * 60_000,
};

function metric(type: string, megabytes: number) {
  return { type, pid: 1, memory: { workingSetSize: megabytes * 1024 } };
}

function fakeMode(initial?: KioskMode) {
  let mode = initial;
  const listeners = new Set<(mode: KioskMode) => void>();
  const tracker: ModeTracker = {
    current: () => mode,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    tracker,
    set(next: KioskMode) {
      mode = next;
      for (const listener of listeners) listener(next);
    },
  };
}

function fakeWindows(): { windows: KioskWindows; reload: Mock<KioskWindows['reload']> } {
  const reload = vi.fn<KioskWindows['reload']>();
  const windows: KioskWindows = {
    open: () => undefined,
    current: () => undefined,
    reload,
    counts: () => ({ failures: {}, reloads: 0, windowRecreations: 0, crashLoops: 0, watchdogReloads: 0 }),
    onFailure: () => () => undefined,
  };
  return { windows, reload };
}

beforeEach(() => {
  vi.useFakeTimers();
  silenceLog();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the page's memory", () => {
  it('adds up the renderer processes only, in MB', () => {
    expect(
      pageMemoryMb([
        metric('Tab', 300),
        metric('Tab', 100),
        metric('GPU', 900),
        metric('Browser', 200),
      ] as never),
    ).toBe(400);
  });
});

describe('the memory watchdog', () => {
  it('reloads the page over its ceiling when nobody is using the screen', () => {
    app.getAppMetrics.mockReturnValue([metric('Tab', 600)]);
    const { windows, reload } = fakeWindows();
    setupWatchdog({ windows, mode: fakeMode('attract').tracker, settings });
    vi.advanceTimersByTime(WATCHDOG_CHECK_MS);
    expect(reload).toHaveBeenCalledExactlyOnceWith('watchdog: memory');
  });

  it('leaves the page alone under its ceiling', () => {
    app.getAppMetrics.mockReturnValue([metric('Tab', 400)]);
    const { windows, reload } = fakeWindows();
    setupWatchdog({ windows, mode: fakeMode('attract').tracker, settings });
    vi.advanceTimersByTime(WATCHDOG_CHECK_MS * 5);
    expect(reload).not.toHaveBeenCalled();
  });

  it('waits while a patient is using the screen, and reloads as soon as they leave', () => {
    app.getAppMetrics.mockReturnValue([metric('Tab', 600)]);
    const { windows, reload } = fakeWindows();
    const mode = fakeMode('touch');
    setupWatchdog({ windows, mode: mode.tracker, settings });
    vi.advanceTimersByTime(WATCHDOG_CHECK_MS * 3);
    mode.set('warning');
    expect(reload).not.toHaveBeenCalled();
    mode.set('attract');
    expect(reload).toHaveBeenCalledTimes(1);
    expect(log.warn).toHaveBeenCalledTimes(1);
  });

  it('keeps watching when memory cannot be read', () => {
    app.getAppMetrics.mockImplementation(() => {
      throw new Error('not ready');
    });
    const { windows } = fakeWindows();
    const watchdog = setupWatchdog({ windows, mode: fakeMode().tracker, settings });
    vi.advanceTimersByTime(WATCHDOG_CHECK_MS * 3);
    expect(log.warn).toHaveBeenCalledTimes(1);
    watchdog.stop();
  });

  it('stops checking when stopped', () => {
    app.getAppMetrics.mockReturnValue([metric('Tab', 600)]);
    const { windows } = fakeWindows();
    setupWatchdog({ windows, mode: fakeMode('touch').tracker, settings }).stop();
    vi.advanceTimersByTime(WATCHDOG_CHECK_MS * 3);
    expect(app.getAppMetrics).not.toHaveBeenCalled();
  });
});
