import { app, type BrowserWindow } from 'electron';
import { systemClock, type Clock } from '../shared/clock';
import {
  IpcChannel,
  STAFF_ACTIONS,
  type PinCheck,
  type StaffAction,
  type StaffActionReply,
  type StaffStatus,
  type UsageSummaryReply,
} from '../shared/ipc';
import type { LiveContent } from './content';
import type { GpuStatus } from './gpu';
import { oneOf, type ArgsParser, type IpcRegistrar } from './ipc';
import { log, logFilePath } from './log';
import { createLockoutSaver, readLockout } from './staff-lockout';
import { createPinLimiter, createStaffSession, PIN_LIMIT_DEFAULTS } from './staff-policy';
import { isValidPin, pinMatches, readPin } from '../node/pin-store';
import type { KioskWindows } from './recovery';
import type { ContentSource } from '../node/source/repository-content';
import type { ScheduleService } from './schedule';
import type { UsageService } from './usage';

/** "Close" exits with this code, which the systemd unit (and Shell Launcher) treat as "stay closed". */
export const STAFF_CLOSE_EXIT_CODE = 10;

export const parsePin: ArgsParser<typeof IpcChannel.verifyPin> = (args) => {
  const [pin] = args;
  return args.length === 1 && isValidPin(pin) ? [pin] : undefined;
};

export const parseStaffAction: ArgsParser<typeof IpcChannel.staffAction> = oneOf(STAFF_ACTIONS);

export interface StaffOptions {
  readonly ipc: IpcRegistrar;
  readonly userDataDir: string;
  readonly content: LiveContent;
  readonly windows: KioskWindows;
  readonly gpu: GpuStatus;
  readonly schedule: ScheduleService;
  readonly startedAt: number;
  /** The content's repository, when it comes from one: its status, and "Update now". */
  readonly source?: ContentSource;
  /** The record of use, for the panel's glance at the last 30 days. */
  readonly usage?: Pick<UsageService, 'summary'>;
  readonly clock?: Clock;
}

/**
 * Staff access in the main process: the PIN check (rate-limited, with the lockout kept across
 * restarts, against the hash `set-pin` stored), the panel's status and its four actions.
 * Actions are refused outside a staff session, whatever the page asks.
 */
export function setupStaff(options: StaffOptions): void {
  const clock = options.clock ?? systemClock;
  const limiter = createPinLimiter(clock, PIN_LIMIT_DEFAULTS, readLockout(options.userDataDir));
  const saveLockout = createLockoutSaver(options.userDataDir);
  const stillLocked = limiter.lockedUntil();
  if (stillLocked !== null)
    log.warn('the staff PIN pad is still locked from before the restart', {
      lockedUntil: new Date(stillLocked).toISOString(),
    });
  /** The window staff took out of kiosk mode in this session, to put back when the session ends. */
  let leftKioskMode: BrowserWindow | undefined;
  const session = createStaffSession(clock, (why) => {
    log.info('the staff session ended', { why });
    restoreKioskMode();
  });
  const { ipc } = options;

  // A session belongs to the page that typed the PIN: a page in a new window (after recovery
  // replaced the old one) must type it again.
  ipc.handle(IpcChannel.verifyPin, (event, pin) => verify(pin, event.sender.id), parsePin);

  ipc.handle(IpcChannel.getStaffStatus, (event) =>
    session.use(event.sender.id) ? { ok: true, status: status() } : { ok: false, reason: 'no-session' },
  );

  ipc.handle(
    IpcChannel.staffAction,
    async (event, action): Promise<StaffActionReply> => {
      if (!session.use(event.sender.id)) {
        log.warn('refused a staff action outside a staff session', { action });
        return { ok: false, reason: 'no-session' };
      }
      log.info('staff action', { action });
      await perform(action);
      return { ok: true };
    },
    parseStaffAction,
  );

  ipc.handle(IpcChannel.getUsageSummary, async (event): Promise<UsageSummaryReply> => {
    if (!session.use(event.sender.id)) return { ok: false, reason: 'no-session' };
    const summary = await options.usage?.summary();
    return summary === undefined ? { ok: false, reason: 'no-session' } : { ok: true, summary };
  });

  ipc.handle(IpcChannel.endStaffSession, () => {
    session.end();
    return undefined;
  });

  async function verify(pin: string, page: number): Promise<PinCheck> {
    const stored = await readPin(options.userDataDir);
    if (stored.state === 'unreadable')
      log.error('the staff PIN file cannot be used', { reason: stored.reason });
    if (stored.state !== 'set') return { result: 'not-set' };
    // Counted before the slow check and with no wait in between, so that guesses sent all at
    // once are limited exactly like guesses sent one after another.
    const attempt = limiter.attempt();
    if (!attempt.allowed) return { result: 'locked', lockedUntil: attempt.lockedUntil };
    // Saved while the PIN is checked; the answer waits for both, so that pulling the plug once
    // the answer shows cannot take the try back.
    const [right] = await Promise.all([pinMatches(stored.record, pin), saveLockout(limiter.state())]);
    if (right) {
      limiter.succeeded();
      await saveLockout(limiter.state());
      log.info('staff PIN accepted: staff session opened');
      return { result: 'ok', sessionEndsAt: session.open(page) };
    }
    const until = attempt.lockedUntil;
    log.warn('wrong staff PIN', until === null ? {} : { lockedUntil: new Date(until).toISOString() });
    return { result: 'wrong', lockedUntil: until };
  }

  function status(): StaffStatus {
    const state = options.content.getContent();
    const time = clock.now();
    return {
      version: app.getVersion(),
      contentDir: options.content.dir,
      content: { slides: state.deck?.slides.length ?? 0, problems: state.problems },
      logFile: logFilePath() ?? null,
      userDataDir: options.userDataDir,
      startedAt: options.startedAt,
      uptimeSeconds: Math.floor((time - options.startedAt) / 1000),
      recovery: { ...options.windows.counts(), gpuCrashes: options.gpu.crashes() },
      softwareRendering: options.gpu.softwareRendering(),
      schedule: options.schedule.current(),
      ...(options.source === undefined ? {} : { source: options.source.status() }),
    };
  }

  /**
   * Staff leave kiosk mode to reach the desktop, for as long as their session lasts: however it
   * ends (the panel closed, or nobody touched it for two minutes), patients must not be left with
   * the desktop.
   */
  function restoreKioskMode(): void {
    const window = leftKioskMode;
    leftKioskMode = undefined;
    if (window === undefined || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.setKiosk(true);
    window.setFullScreen(true);
    window.focus();
    log.info('back in kiosk mode: the staff session that left it has ended');
  }

  async function perform(action: StaffAction): Promise<void> {
    switch (action) {
      case 'reload-content':
        // The opening hours come with the content; the clock is looked at again too.
        await options.content.reload();
        options.schedule.refresh();
        return;
      case 'restart':
        // After the reply has gone back; under systemd the unit restarts it just the same.
        clock.setTimeout(() => {
          app.relaunch();
          app.exit(0);
        }, 250);
        return;
      case 'exit-kiosk-mode': {
        const window = options.windows.current();
        if (window === undefined) return;
        leftKioskMode = window;
        window.setKiosk(false);
        window.setFullScreen(false);
        return;
      }
      case 'quit':
        clock.setTimeout(() => app.exit(STAFF_CLOSE_EXIT_CODE), 250);
        return;
      case 'update-content':
        // A kiosk showing a folder has nothing to fetch: reading the folder again is the nearest.
        await options.source?.updateNow();
        await options.content.reload();
        options.schedule.refresh();
        return;
    }
  }
}
