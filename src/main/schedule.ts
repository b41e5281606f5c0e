import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { powerMonitor } from 'electron';
import { parse } from 'yaml';
import { z } from 'zod';
import { IpcChannel, type ScheduleState } from '../shared/ipc';
import {
  SCHEDULE_DEFAULTS,
  scheduleSchema,
  scheduleStatus,
  systemTimeZone,
  timeZoneSchema,
  toOpeningHours,
  type OpeningHours,
} from '../node/schedule';
import type { ContentService } from './content';
import { sendToKiosk, type IpcRegistrar, type KioskWindowProvider } from './ipc';
import { describeError, log } from './log';
import type { PowerControl } from './power';

/**
 * Opening hours in the main process: tells the page whether the kiosk is open, and lets the
 * display sleep while it is closed. The answer is worked out afresh on every tick from the
 * wall clock (see src/shared/schedule.ts) rather than from one long timer, so daylight-saving
 * changes, a clock set by hand or a night in suspend are all caught within a tick.
 */
export const SCHEDULE_TICK_MS = 15_000;
const KIOSK_FILE = 'kiosk.yaml';

/** Just the two keys that concern opening hours; the content loader checks the rest of the file. */
const hoursSettingsSchema = z.object({
  schedule: scheduleSchema.optional(),
  timezone: timeZoneSchema.optional(),
});

export interface ScheduleConfig {
  /** Null: no schedule, always open. */
  readonly hours: OpeningHours | null;
  readonly timeZone: string;
  readonly wakeSeconds: number;
}

export const ALWAYS_OPEN: ScheduleConfig = {
  hours: null,
  timeZone: systemTimeZone(),
  wakeSeconds: SCHEDULE_DEFAULTS.wakeMinutes * 60,
};

/** Reads the opening hours out of kiosk.yaml's text; a string result says what is wrong. */
export function scheduleConfigFrom(
  yamlText: string,
  fallbackZone = systemTimeZone(),
): ScheduleConfig | string {
  let document: unknown;
  try {
    document = parse(yamlText);
  } catch (error) {
    return `kiosk.yaml cannot be read as YAML (${describeError(error)})`;
  }
  const result = hoursSettingsSchema.safeParse(document ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    return `kiosk.yaml: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is not valid'}`;
  }
  const timeZone = result.data.timezone ?? fallbackZone;
  const schedule = result.data.schedule;
  if (schedule === undefined) return { ...ALWAYS_OPEN, timeZone };
  return { hours: toOpeningHours(schedule, timeZone), timeZone, wakeSeconds: schedule.wake_minutes * 60 };
}

export function scheduleStateAt(config: ScheduleConfig, now: number): ScheduleState {
  const { open, nextChangeAt } =
    config.hours === null ? { open: true, nextChangeAt: null } : scheduleStatus(config.hours, now);
  return { open, nextChangeAt, timeZone: config.timeZone, wakeSeconds: config.wakeSeconds };
}

export interface ScheduleOptions {
  readonly contentDir: string;
  readonly content: Pick<ContentService, 'onChange'>;
  readonly power: PowerControl;
  readonly ipc: IpcRegistrar;
  readonly kioskWindow: KioskWindowProvider;
  readonly now?: () => number;
}

export interface ScheduleService {
  current(): ScheduleState;
  /** Re-reads kiosk.yaml and the clock now. */
  refresh(): Promise<void>;
  stop(): void;
}

export async function setupSchedule(options: ScheduleOptions): Promise<ScheduleService> {
  const now = options.now ?? Date.now;
  const file = join(options.contentDir, KIOSK_FILE);
  let config = ALWAYS_OPEN;
  let fileStamp: string | undefined;
  let lastProblem: string | undefined;
  let state = scheduleStateAt(config, now());
  let running: Promise<void> | undefined;

  /** Keeps the last good hours when the file breaks, as the content keeps its last good slides. */
  async function readConfig(force: boolean): Promise<void> {
    let stamp: string;
    try {
      const info = await stat(file);
      stamp = `${info.mtimeMs}:${info.size}`;
    } catch {
      stamp = 'missing';
    }
    if (!force && stamp === fileStamp) return;
    fileStamp = stamp;
    if (stamp === 'missing') return;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      log.warn('opening hours: kiosk.yaml could not be read; keeping the hours in use', {
        error: describeError(error),
      });
      return;
    }
    const next = scheduleConfigFrom(text);
    if (typeof next === 'string') {
      if (next !== lastProblem) log.warn(`opening hours: ${next}; keeping the hours in use`);
      lastProblem = next;
      return;
    }
    lastProblem = undefined;
    if (JSON.stringify(next) === JSON.stringify(config)) return;
    config = next;
    log.info(config.hours === null ? 'opening hours: none set, always open' : 'opening hours loaded', {
      timeZone: config.timeZone,
      wakeSeconds: config.wakeSeconds,
    });
  }

  function publish(): void {
    const next = scheduleStateAt(config, now());
    const changed = JSON.stringify(next) !== JSON.stringify(state);
    const openChanged = next.open !== state.open;
    state = next;
    if (openChanged) {
      log.info(next.open ? 'opening hours: the kiosk is open' : 'opening hours: the kiosk is closed', {
        until: next.nextChangeAt === null ? 'no change ahead' : new Date(next.nextChangeAt).toISOString(),
      });
      options.power.keepDisplayAwake(next.open);
    }
    if (changed) sendToKiosk(options.kioskWindow, IpcChannel.scheduleChanged, next);
  }

  function tick(force = false): Promise<void> {
    // One read at a time. A tick that finds one under way waits for it; a forced one (the content
    // was reloaded) reads again after it, since the file may have changed meanwhile.
    if (running !== undefined) return force ? running.then(() => tick(true)) : running;
    const current = readConfig(force)
      .catch((error: unknown) => log.error('opening hours: check failed', { error: describeError(error) }))
      .finally(() => {
        running = undefined;
        publish();
      });
    running = current;
    return current;
  }

  options.ipc.handle(IpcChannel.getSchedule, () => state);
  await tick(true);

  const timer = setInterval(() => void tick(), SCHEDULE_TICK_MS);
  const onResume = () => void tick();
  powerMonitor.on('resume', onResume);
  const unsubscribe = options.content.onChange(() => void tick(true));

  return {
    current: () => state,
    refresh: () => tick(true),
    stop() {
      clearInterval(timer);
      powerMonitor.removeListener('resume', onResume);
      unsubscribe();
    },
  };
}
