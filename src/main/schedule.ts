import { powerMonitor } from 'electron';
import { KIOSK_FILE } from '../node/content/files';
import { scheduleConfigOf, scheduleStateAt, type ScheduleConfig } from '../node/time/opening-hours';
import { repeat, systemClock, type Clock } from '../shared/clock';
import type { ContentState } from '../shared/content';
import { IpcChannel, type ScheduleState } from '../shared/ipc';
import type { LiveContent } from './content';
import { sendToKiosk, type IpcRegistrar, type KioskWindowProvider } from './ipc';
import { log } from './log';
import type { ModeTracker } from './kiosk-mode';
import type { PowerControl } from './power';

/**
 * Opening hours in the main process: tells the page whether the kiosk is open, and lets the
 * display sleep while it is closed. The hours come with the content (kiosk.yaml is read once, by
 * the content loader), so they change when the content does and, like it, keep the last good
 * ones while kiosk.yaml has a mistake. Whether the kiosk is open is worked out afresh on every
 * tick from the wall clock (src/node/time/opening-hours.ts) rather than from one long timer, so
 * daylight-saving changes, a clock set by hand or a night in suspend are all caught within a tick.
 */
export const SCHEDULE_TICK_MS = 15_000;

export interface ScheduleOptions {
  readonly content: Pick<LiveContent, 'getContent' | 'onChange'>;
  readonly power: PowerControl;
  readonly ipc: IpcRegistrar;
  readonly kioskWindow: KioskWindowProvider;
  /** What the page shows: an urgent notice keeps the display on, closed or not. */
  readonly mode?: Pick<ModeTracker, 'current' | 'onChange'>;
  readonly clock?: Clock;
}

export interface ScheduleService {
  current(): ScheduleState;
  /** Looks at the clock now, without waiting for the next tick. */
  refresh(): void;
  stop(): void;
}

export function setupSchedule(options: ScheduleOptions): ScheduleService {
  const clock = options.clock ?? systemClock;
  let config = scheduleConfigOf(options.content.getContent());
  // Starts as "open", the state the kiosk is in before it knows better: the first publish then
  // lets the display sleep if it starts outside its hours.
  let state: ScheduleState = { ...scheduleStateAt(config, clock.now()), open: true };
  logConfig(config);

  const showingNotice = () => options.mode?.current() === 'notice';
  let awake = true;

  function publish(): void {
    const next = scheduleStateAt(config, clock.now());
    const changed = JSON.stringify(next) !== JSON.stringify(state);
    const openChanged = next.open !== state.open;
    state = next;
    if (openChanged) {
      log.info(next.open ? 'opening hours: the kiosk is open' : 'opening hours: the kiosk is closed', {
        until: next.nextChangeAt === null ? 'no change ahead' : new Date(next.nextChangeAt).toISOString(),
      });
    }
    keepAwake(next.open || showingNotice());
    if (changed) sendToKiosk(options.kioskWindow, IpcChannel.scheduleChanged, next);
  }

  function keepAwake(needed: boolean): void {
    if (needed === awake) return;
    awake = needed;
    if (needed && !state.open)
      log.info('an urgent notice is shown outside opening hours: the display stays on');
    options.power.keepDisplayAwake(needed);
  }

  function follow(content: ContentState): void {
    if (content.fromLastGood && content.problems.some((problem) => problem.file === KIOSK_FILE))
      log.warn('opening hours: kiosk.yaml has errors; keeping the hours in use');
    const next = scheduleConfigOf(content);
    if (JSON.stringify(next) !== JSON.stringify(config)) logConfig(next);
    config = next;
    publish();
  }

  options.ipc.handle(IpcChannel.getSchedule, () => state);
  publish();

  const stopTicking = repeat(clock, SCHEDULE_TICK_MS, publish);
  powerMonitor.on('resume', publish);
  const unsubscribe = options.content.onChange(follow);
  const stopFollowingMode = options.mode?.onChange(() => keepAwake(state.open || showingNotice()));

  return {
    current: () => state,
    refresh: publish,
    stop() {
      stopTicking();
      powerMonitor.removeListener('resume', publish);
      unsubscribe();
      stopFollowingMode?.();
    },
  };
}

function logConfig(config: ScheduleConfig): void {
  log.info(config.hours === null ? 'opening hours: none set, always open' : 'opening hours loaded', {
    timeZone: config.timeZone,
    wakeSeconds: config.wakeSeconds,
  });
}
