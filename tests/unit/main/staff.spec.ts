import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import {
  IpcChannel,
  type PinCheck,
  type ScheduleState,
  type StaffStatusReply,
} from '../../../src/shared/ipc';
import type { ContentState } from '../../../src/shared/content';
import type { ContentSourceStatus } from '../../../src/shared/content-source';
import type { ContentSource } from '../../../src/node/source/repository-content';
import type { UsageSummary } from '../../../src/shared/usage';
import type { LiveContent } from '../../../src/main/content';
import { log } from '../../../src/main/log';
import { silenceLog } from './log-support';
import { hashPin, writePin } from '../../../src/node/pin-store';
import type { KioskWindows } from '../../../src/main/recovery';
import type { ScheduleService } from '../../../src/main/schedule';
import { PIN_LIMIT_DEFAULTS, STAFF_SESSION_MS } from '../../../src/main/staff-policy';
import { parsePin, parseStaffAction, setupStaff, STAFF_CLOSE_EXIT_CODE } from '../../../src/main/staff';
import { app, ipcMain } from '../electron-mock';
import { FakeClock } from '../support/fake-clock';
import { kioskPage, type KioskPage } from './ipc-support';

const PIN = '482913';
const FAST = { N: 1024, r: 8, p: 1, keyLength: 32 };
const SCHEDULE: ScheduleState = { open: true, nextChangeAt: null, timeZone: 'UTC', wakeSeconds: 120 };
const SUMMARY: UsageSummary = {
  days: [{ date: '2025-01-13', sessions: 4 }],
  topics: [],
  languages: [],
  recording: true,
};
const CONTENT: ContentState = {
  deck: null,
  standbyTitle: 'Welcome',
  problems: [{ severity: 'error', file: 'kiosk.yaml', line: 2, message: 'title is missing' }],
} as unknown as ContentState;

describe('staff payloads', () => {
  it('accepts a PIN of 4 to 12 digits only', () => {
    expect(parsePin(['1234'])).toEqual(['1234']);
    for (const bad of [['123'], ['1234567890123'], ['12a4'], [1234], [], ['1234', '5678']])
      expect(parsePin(bad)).toBeUndefined();
  });

  it('accepts the four staff actions only', () => {
    for (const action of ['reload-content', 'restart', 'exit-kiosk-mode', 'quit', 'update-content'])
      expect(parseStaffAction([action])).toEqual([action]);
    expect(parseStaffAction(['format-disk'])).toBeUndefined();
    expect(parseStaffAction([])).toBeUndefined();
  });
});

describe('staff access over IPC', () => {
  let dir: string;
  let page: KioskPage;
  let clock: FakeClock;
  let reloadContent: Mock<LiveContent['reload']>;
  let refreshSchedule: Mock<ScheduleService['refresh']>;
  let content: LiveContent;
  let schedule: ScheduleService;

  const windows = (): KioskWindows => ({
    open: vi.fn(),
    current: () => page.provider(),
    reload: vi.fn(),
    counts: () => ({
      failures: { crashed: 2 },
      reloads: 1,
      windowRecreations: 1,
      crashLoops: 0,
      watchdogReloads: 3,
    }),
    onFailure: () => () => undefined,
  });
  const start = (source?: ContentSource) =>
    setupStaff({
      ipc: page.ipc,
      userDataDir: dir,
      content,
      windows: windows(),
      gpu: { softwareRendering: () => false, crashes: () => 1 },
      schedule,
      startedAt: clock.now() - 90_000,
      usage: { summary: () => Promise.resolve(SUMMARY) },
      clock,
      ...(source === undefined ? {} : { source }),
    });
  /** What a restart does to staff access: everything set up again from the user-data folder. */
  const restart = () => {
    ipcMain.handlers.clear();
    start();
  };
  const verify = (pin: unknown) => page.invoke(IpcChannel.verifyPin, pin) as Promise<PinCheck>;
  const status = () => page.invoke(IpcChannel.getStaffStatus) as Promise<StaffStatusReply>;
  const act = (action: string) => page.invoke(IpcChannel.staffAction, action);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-staff-'));
    page = kioskPage();
    clock = new FakeClock('2025-01-13T10:00:00Z');
    reloadContent = vi.fn(() => Promise.resolve(CONTENT));
    refreshSchedule = vi.fn();
    content = {
      dir: '/srv/content',
      getContent: () => CONTENT,
      reload: reloadContent,
      onChange: () => () => undefined,
    };
    schedule = { current: () => SCHEDULE, refresh: refreshSchedule, stop: () => undefined };
    silenceLog();
    await writePin(dir, await hashPin(PIN, FAST));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the record of use to a staff session only', async () => {
    start();
    expect(await page.invoke(IpcChannel.getUsageSummary)).toEqual({ ok: false, reason: 'no-session' });
    await verify(PIN);
    expect(await page.invoke(IpcChannel.getUsageSummary)).toEqual({ ok: true, summary: SUMMARY });
  });

  it('opens a staff session with the right PIN', async () => {
    start();
    expect(await verify(PIN)).toEqual({ result: 'ok', sessionEndsAt: clock.now() + STAFF_SESSION_MS });
    expect(log.info).toHaveBeenCalledWith(expect.stringContaining('staff session opened'));
  });

  it('says a wrong PIN is wrong, and never logs what was typed', async () => {
    start();
    expect(await verify('111111')).toEqual({ result: 'wrong', lockedUntil: null });
    const logged = JSON.stringify(vi.mocked(log.warn).mock.calls);
    expect(logged).toContain('wrong staff PIN');
    expect(logged).not.toContain('111111');
  });

  it('locks out after five wrong PINs, without checking even the right one', async () => {
    start();
    for (let i = 0; i < 4; i += 1) await verify('111111');
    expect(await verify('111111')).toEqual({ result: 'wrong', lockedUntil: clock.now() + 30_000 });
    expect(await verify(PIN)).toEqual({ result: 'locked', lockedUntil: clock.now() + 30_000 });
    clock.advance(30_000);
    expect((await verify(PIN)).result).toBe('ok');
  });

  it('checks no more than the free tries when many PINs arrive at once', async () => {
    start();
    const guesses = Array.from({ length: 200 }, (_, i) => (i === 199 ? PIN : String(100_000 + i)));
    const answers = await Promise.all(guesses.map(verify));
    const count = (result: PinCheck['result']) => answers.filter((answer) => answer.result === result).length;
    expect(count('wrong')).toBe(PIN_LIMIT_DEFAULTS.freeTries);
    expect(count('locked')).toBe(200 - PIN_LIMIT_DEFAULTS.freeTries);
    // The right PIN came too late: it is refused like any other guess, unchecked.
    expect(answers[199]).toEqual({ result: 'locked', lockedUntil: clock.now() + 30_000 });
  });

  it('keeps the lockout across a restart', async () => {
    start();
    for (let i = 0; i < 5; i += 1) await verify('111111');
    restart();
    expect(await verify(PIN)).toEqual({ result: 'locked', lockedUntil: clock.now() + 30_000 });
    expect(log.warn).toHaveBeenCalledWith('the staff PIN pad is still locked from before the restart', {
      lockedUntil: new Date(clock.now() + 30_000).toISOString(),
    });
    clock.advance(30_000);
    expect((await verify(PIN)).result).toBe('ok');
  });

  it('keeps counting wrong PINs across a restart', async () => {
    start();
    for (let i = 0; i < 4; i += 1) await verify('111111');
    restart();
    expect(await verify('111111')).toEqual({ result: 'wrong', lockedUntil: clock.now() + 30_000 });
  });

  it('saves the fresh start after the right PIN', async () => {
    start();
    for (let i = 0; i < 4; i += 1) await verify('111111');
    await verify(PIN);
    restart();
    for (let i = 0; i < 4; i += 1)
      expect(await verify('111111')).toEqual({ result: 'wrong', lockedUntil: null });
  });

  it('starts without a lockout when the saved one is damaged', async () => {
    writeFileSync(join(dir, 'staff-lockout.json'), '{"version":1,"failures":"many"');
    start();
    expect((await verify(PIN)).result).toBe('ok');
    expect(log.warn).toHaveBeenCalledWith('the staff lockout file is damaged; starting without a lockout', {
      file: join(dir, 'staff-lockout.json'),
    });
  });

  it('shortens a saved lockout that ends too far ahead, as after a clock set back', async () => {
    const yearAhead = new Date(clock.now() + 365 * 24 * 60 * 60_000).toISOString();
    writeFileSync(
      join(dir, 'staff-lockout.json'),
      JSON.stringify({ version: 1, failures: 12, lastFailureAt: yearAhead, lockedUntil: yearAhead }),
    );
    start();
    const longest = clock.now() + PIN_LIMIT_DEFAULTS.maxLockMs;
    expect(await verify(PIN)).toEqual({ result: 'locked', lockedUntil: longest });
    clock.advance(PIN_LIMIT_DEFAULTS.maxLockMs);
    expect((await verify(PIN)).result).toBe('ok');
  });

  it('says when no PIN has been set, so nobody can get in', async () => {
    rmSync(join(dir, 'staff-pin.json'));
    start();
    expect(await verify(PIN)).toEqual({ result: 'not-set' });
  });

  it('treats a damaged PIN file as no PIN, and logs it', async () => {
    writeFileSync(join(dir, 'staff-pin.json'), 'garbage');
    start();
    expect(await verify(PIN)).toEqual({ result: 'not-set' });
    expect(log.error).toHaveBeenCalledWith('the staff PIN file cannot be used', { reason: 'not valid JSON' });
  });

  it('refuses a malformed PIN before checking it', async () => {
    start();
    await expect(verify('12')).rejects.toThrow('refused');
    await expect(verify(1234)).rejects.toThrow('refused');
  });

  it('refuses status and actions without a staff session', async () => {
    start();
    expect(await status()).toEqual({ ok: false, reason: 'no-session' });
    expect(await act('quit')).toEqual({ ok: false, reason: 'no-session' });
    expect(reloadContent).not.toHaveBeenCalled();
  });

  it('shows the staff panel what it needs', async () => {
    start();
    await verify(PIN);
    expect(await status()).toEqual({
      ok: true,
      status: {
        version: '0.0.0-test',
        contentDir: '/srv/content',
        content: { slides: 0, problems: CONTENT.problems },
        logFile: null,
        userDataDir: dir,
        startedAt: clock.now() - 90_000,
        uptimeSeconds: 90,
        recovery: {
          failures: { crashed: 2 },
          reloads: 1,
          windowRecreations: 1,
          crashLoops: 0,
          watchdogReloads: 3,
          gpuCrashes: 1,
        },
        softwareRendering: false,
        schedule: SCHEDULE,
      },
    });
  });

  it('ends the session when it times out or the panel closes', async () => {
    start();
    await verify(PIN);
    clock.advance(STAFF_SESSION_MS);
    expect((await status()).ok).toBe(false);
    await verify(PIN);
    await page.invoke(IpcChannel.endStaffSession);
    expect((await status()).ok).toBe(false);
  });

  it('keeps a staff session to the window it was opened in: a new window must type the PIN again', async () => {
    start();
    await verify(PIN);
    page.replaceWindow();
    expect(await status()).toEqual({ ok: false, reason: 'no-session' });
    expect(await act('quit')).toEqual({ ok: false, reason: 'no-session' });
    expect((await verify(PIN)).result).toBe('ok');
    expect((await status()).ok).toBe(true);
  });

  it('reloads the content and the opening hours', async () => {
    start();
    await verify(PIN);
    expect(await act('reload-content')).toEqual({ ok: true });
    expect(reloadContent).toHaveBeenCalledTimes(1);
    expect(refreshSchedule).toHaveBeenCalledTimes(1);
  });

  it('fetches the content repository on "Update now", then shows what it has, with its status', async () => {
    const order: string[] = [];
    const sourceStatus = { repository: 'https://git.example/c.git', branch: 'main' } as ContentSourceStatus;
    const source = {
      status: () => sourceStatus,
      updateNow: vi.fn(() => {
        order.push('fetch');
        return Promise.resolve({ outcome: 'switched' as const, ms: { total: 1 } });
      }),
    } as unknown as ContentSource;
    reloadContent.mockImplementation(() => {
      order.push('reload');
      return Promise.resolve(CONTENT);
    });
    start(source);
    await verify(PIN);
    expect(await act('update-content')).toEqual({ ok: true });
    expect(order).toEqual(['fetch', 'reload']);
    const reply = await status();
    expect(reply.ok && reply.status.source).toEqual(sourceStatus);
  });

  it('has no repository status for a content folder, and "Update now" reads the folder again', async () => {
    start();
    await verify(PIN);
    const reply = await status();
    expect(reply.ok && reply.status.source).toBeUndefined();
    expect(await act('update-content')).toEqual({ ok: true });
    expect(reloadContent).toHaveBeenCalledTimes(1);
  });

  it('restarts the kiosk by relaunching it', async () => {
    start();
    await verify(PIN);
    expect(await act('restart')).toEqual({ ok: true });
    clock.advance(250);
    expect(app.relaunch).toHaveBeenCalledTimes(1);
    expect(app.exit).toHaveBeenCalledWith(0);
  });

  it('leaves kiosk mode and fullscreen', async () => {
    start();
    await verify(PIN);
    expect(await act('exit-kiosk-mode')).toEqual({ ok: true });
    expect(page.window.kiosk).toBe(false);
    expect(page.window.fullScreen).toBe(false);
  });

  describe('after leaving kiosk mode', () => {
    const inKioskMode = () => page.window.kiosk && page.window.fullScreen;

    beforeEach(async () => {
      start();
      await verify(PIN);
      await act('exit-kiosk-mode');
    });

    it('goes back to kiosk mode when the panel ends the staff session', async () => {
      await page.invoke(IpcChannel.endStaffSession);
      expect(inKioskMode()).toBe(true);
      expect(page.window.focus).toHaveBeenCalled();
      expect(log.info).toHaveBeenCalledWith(expect.stringContaining('back in kiosk mode'));
    });

    it('goes back to kiosk mode by itself when the session runs out, with no call from the page', () => {
      clock.advance(STAFF_SESSION_MS - 1);
      expect(inKioskMode()).toBe(false);
      clock.advance(1);
      expect(inKioskMode()).toBe(true);
    });

    it('stays out of kiosk mode while staff keep working', async () => {
      clock.advance(STAFF_SESSION_MS - 1_000);
      await status();
      clock.advance(STAFF_SESSION_MS - 1_000);
      expect(inKioskMode()).toBe(false);
      clock.advance(1_000);
      expect(inKioskMode()).toBe(true);
    });

    it('brings a minimised kiosk window back', async () => {
      page.window.minimized = true;
      await page.invoke(IpcChannel.endStaffSession);
      expect(page.window.restore).toHaveBeenCalled();
      expect(inKioskMode()).toBe(true);
    });

    it('puts kiosk mode back only once, and only on a window that left it', async () => {
      await page.invoke(IpcChannel.endStaffSession);
      await verify(PIN);
      await page.invoke(IpcChannel.endStaffSession);
      expect(page.window.setKiosk.mock.calls).toEqual([[false], [true]]);
    });

    it('leaves a window that recovery has closed alone', async () => {
      const old = page.window;
      page.replaceWindow();
      await status();
      expect(old.setKiosk.mock.calls).toEqual([[false]]);
      expect(inKioskMode()).toBe(true);
    });
  });

  it('closes the kiosk with the exit code that tells a supervisor to leave it closed', async () => {
    start();
    await verify(PIN);
    expect(await act('quit')).toEqual({ ok: true });
    clock.advance(250);
    expect(app.exit).toHaveBeenCalledWith(STAFF_CLOSE_EXIT_CODE);
    expect(app.relaunch).not.toHaveBeenCalled();
  });

  it('refuses an action it does not know, even in a session', async () => {
    start();
    await verify(PIN);
    await expect(act('format-disk')).rejects.toThrow('refused');
  });
});
