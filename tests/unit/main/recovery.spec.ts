import type { BrowserWindow as ElectronWindow } from 'electron';
import { systemClock } from '../../../src/shared/clock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, fakeEvent } from '../electron-mock';
import { log } from '../../../src/main/log';
import { silenceLog } from './log-support';
import { setupRecovery, UNRESPONSIVE_GRACE_MS } from '../../../src/main/recovery';
import { createRecoveryPolicy, RECOVERY_DEFAULTS } from '../../../src/main/recovery-policy';

const INDEX = 'app://kiosk/index.html';
const SECOND = 1000;
const RETRY = RECOVERY_DEFAULTS.retryDelayMs;

describe('recovery policy', () => {
  let time = 0;
  const clock = { now: () => time };
  beforeEach(() => {
    time = 1_000_000;
  });

  it('reloads after a first failure, after a short pause', () => {
    expect(createRecoveryPolicy(clock).failed()).toEqual({
      action: 'reload',
      delayMs: RETRY,
      crashLoop: false,
      loopStarted: false,
    });
  });

  it('replaces the window when the page fails again before running well', () => {
    const policy = createRecoveryPolicy(clock);
    policy.failed();
    time += 2 * 60 * SECOND;
    expect(policy.failed().action).toBe('recreate');
  });

  it('backs off when three failures come within a minute', () => {
    const policy = createRecoveryPolicy(clock);
    policy.failed();
    time += 10 * SECOND;
    policy.failed();
    time += 10 * SECOND;
    expect(policy.failed()).toEqual({
      action: 'recreate',
      delayMs: 30 * SECOND,
      crashLoop: true,
      loopStarted: true,
    });
  });

  it('doubles the back-off up to five minutes and keeps trying for ever', () => {
    const policy = createRecoveryPolicy(clock);
    const delays: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const step = policy.failed();
      delays.push(step.delayMs / SECOND);
      // The page loads after each recovery, but fails again straight away.
      time += step.delayMs;
      policy.loaded();
      time += SECOND;
    }
    expect(delays).toEqual([3, 3, 30, 60, 120, 240, 300, 300, 300, 300, 300, 300]);
  });

  it('forgets the past once the page has run well for a minute', () => {
    const policy = createRecoveryPolicy(clock);
    for (let i = 0; i < 4; i += 1) policy.failed();
    time += 5 * 60 * SECOND;
    policy.loaded();
    time += 60 * SECOND;
    expect(policy.failed()).toMatchObject({ action: 'reload', crashLoop: false });
  });

  it('does not count a page that loaded and failed soon after as having run well', () => {
    const policy = createRecoveryPolicy(clock);
    policy.failed();
    policy.loaded();
    time += 59 * SECOND;
    expect(policy.failed().action).toBe('recreate');
  });
});

describe('self-recovery of the kiosk page', () => {
  let created: BrowserWindow[];

  function createWindow(): ElectronWindow {
    const window = new BrowserWindow({ show: false });
    created.push(window);
    void window.loadURL(INDEX);
    return window as unknown as ElectronWindow;
  }

  function start() {
    const windows = setupRecovery({ createWindow, clock: systemClock });
    windows.open();
    return windows;
  }

  const first = () => created[0]!;
  const gone = (window: BrowserWindow, reason: string) =>
    window.webContents.emit('render-process-gone', fakeEvent(), { reason, exitCode: 1 });
  const failLoad = (window: BrowserWindow, errorCode = -102, isMainFrame = true) =>
    window.webContents.emit('did-fail-load', fakeEvent(), errorCode, 'failed', INDEX, isMainFrame, 1, 1);

  beforeEach(() => {
    created = [];
    vi.useFakeTimers();
    silenceLog();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('creates the kiosk window when opened, once, and hands it out', () => {
    const windows = setupRecovery({ createWindow });
    expect(windows.current()).toBeUndefined();
    windows.open();
    windows.open();
    expect(created).toHaveLength(1);
    expect(windows.current()).toBe(first());
  });

  it.each([
    'clean-exit',
    'abnormal-exit',
    'killed',
    'crashed',
    'oom',
    'launch-failed',
    'integrity-failure',
    'memory-eviction',
  ])('reloads the page after its renderer is gone (%s), logging the reason', (reason) => {
    const windows = start();
    gone(first(), reason);
    expect(log.error).toHaveBeenCalledWith(
      expect.stringContaining(`(${reason})`),
      expect.objectContaining({ reason }),
    );
    vi.advanceTimersByTime(RETRY - 1);
    expect(first().loadURL).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(first().loadURL).toHaveBeenCalledTimes(2);
    expect(first().loadURL).toHaveBeenLastCalledWith(INDEX);
    expect(windows.counts()).toMatchObject({ failures: { [reason]: 1 }, reloads: 1, windowRecreations: 0 });
  });

  it('tells its listeners of every failure of the page, with the reason, until they stop listening', () => {
    const windows = start();
    const heard: string[] = [];
    const stop = windows.onFailure((reason) => heard.push(reason));
    gone(first(), 'crashed');
    failLoad(first());
    stop();
    gone(first(), 'oom');
    expect(heard).toEqual(['crashed', 'load-failed']);
  });

  it('retries a page that failed to load', () => {
    const windows = start();
    failLoad(first());
    vi.advanceTimersByTime(RETRY);
    expect(first().loadURL).toHaveBeenCalledTimes(2);
    expect(windows.counts().failures).toEqual({ 'load-failed': 1 });
  });

  it('ignores an aborted load and a failed subframe', () => {
    const windows = start();
    failLoad(first(), -3);
    failLoad(first(), -102, false);
    vi.advanceTimersByTime(RETRY * 2);
    expect(first().loadURL).toHaveBeenCalledTimes(1);
    expect(windows.counts().failures).toEqual({});
  });

  it('recovers once from a burst of failures', () => {
    const windows = start();
    gone(first(), 'crashed');
    failLoad(first());
    vi.advanceTimersByTime(RETRY);
    expect(first().loadURL).toHaveBeenCalledTimes(2);
    expect(created).toHaveLength(1);
    expect(windows.counts().failures).toEqual({ crashed: 1, 'load-failed': 1 });
  });

  it('gives a hung page a grace period, then ends it and reloads it', () => {
    const windows = start();
    first().webContents.emit('unresponsive');
    vi.advanceTimersByTime(UNRESPONSIVE_GRACE_MS - 1);
    expect(first().webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(first().webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(RETRY);
    expect(first().loadURL).toHaveBeenCalledTimes(2);
    // Ending the hung renderer is part of this recovery, not another failure.
    expect(windows.counts().failures).toEqual({ unresponsive: 1 });
  });

  it('leaves a page alone that responds again within the grace period', () => {
    const windows = start();
    first().webContents.emit('unresponsive');
    vi.advanceTimersByTime(UNRESPONSIVE_GRACE_MS / 2);
    first().webContents.emit('responsive');
    vi.advanceTimersByTime(UNRESPONSIVE_GRACE_MS * 2);
    expect(first().webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(windows.counts().failures).toEqual({});
  });

  it('replaces the window after repeated failures, closing the old one once the new one shows', () => {
    const windows = start();
    gone(first(), 'crashed');
    vi.advanceTimersByTime(RETRY);
    gone(first(), 'crashed');
    vi.advanceTimersByTime(RETRY);
    expect(created).toHaveLength(2);
    const second = created[1]!;
    expect(windows.current()).toBe(second);
    expect(first().destroy).not.toHaveBeenCalled();
    second.show();
    expect(first().destroy).toHaveBeenCalledTimes(1);
    expect(windows.current()).toBe(second);
    expect(windows.counts()).toMatchObject({ windowRecreations: 1, reloads: 1 });
  });

  it('pays no attention to the window it replaced', () => {
    const windows = start();
    gone(first(), 'crashed');
    vi.advanceTimersByTime(RETRY);
    gone(first(), 'crashed');
    vi.advanceTimersByTime(RETRY);
    gone(first(), 'crashed');
    vi.advanceTimersByTime(RETRY * 10);
    expect(created).toHaveLength(2);
    expect(windows.counts().failures).toEqual({ crashed: 2 });
  });

  it('backs off in a crash loop instead of spinning, and keeps trying', () => {
    const windows = start();
    const latest = () => created.at(-1)!;
    gone(latest(), 'crashed');
    vi.advanceTimersByTime(RETRY);
    gone(latest(), 'crashed');
    vi.advanceTimersByTime(RETRY);
    gone(latest(), 'crashed');
    expect(log.error).toHaveBeenLastCalledWith(
      expect.stringContaining('in 30 s'),
      expect.objectContaining({ crashLoop: true }),
    );
    vi.advanceTimersByTime(30 * SECOND - 1);
    expect(created).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(created).toHaveLength(3);
    gone(latest(), 'crashed');
    vi.advanceTimersByTime(60 * SECOND);
    expect(created).toHaveLength(4);
    expect(windows.counts().crashLoops).toBe(1);
  });

  it('drops a pending recovery when the window is closed for good', () => {
    const windows = start();
    gone(first(), 'crashed');
    first().close();
    vi.advanceTimersByTime(RETRY * 10);
    expect(created).toHaveLength(1);
    expect(windows.current()).toBeUndefined();
  });

  it('reloads on request for the watchdog, counted apart from failures', () => {
    const windows = start();
    windows.reload('watchdog: memory');
    expect(first().loadURL).toHaveBeenCalledTimes(2);
    expect(windows.counts()).toMatchObject({ watchdogReloads: 1, reloads: 0, failures: {} });
    expect(log.info).toHaveBeenCalledWith('reloading the page', { reason: 'watchdog: memory' });
  });

  it('leaves the watchdog out while a recovery is under way', () => {
    const windows = start();
    gone(first(), 'oom');
    windows.reload('watchdog: nightly');
    expect(windows.counts().watchdogReloads).toBe(0);
  });

  it('tries again when making a new window fails', () => {
    let fail = false;
    created = [];
    const windows = setupRecovery({
      createWindow: () => {
        if (fail) throw new Error('no GPU');
        return createWindow();
      },
    });
    windows.open();
    fail = true;
    gone(first(), 'crashed');
    vi.advanceTimersByTime(RETRY);
    gone(first(), 'crashed');
    vi.advanceTimersByTime(RETRY);
    expect(log.error).toHaveBeenCalledWith('recovery itself failed; trying again', expect.anything());
    fail = false;
    vi.advanceTimersByTime(5 * 60 * SECOND);
    expect(created).toHaveLength(2);
    expect(windows.current()).toBe(created[1]);
  });
});
