import { join } from 'node:path';
import { app } from 'electron';
import { parseUsageBatch } from '../node/usage/events';
import { readUsage, USAGE_FOLDER, UsageStore } from '../node/usage/store';
import { summarize } from '../node/usage/summary';
import { scheduleConfigOf } from '../node/time/opening-hours';
import { DEFAULT_RECORD_DAYS } from '../node/content/schema';
import { repeat, systemClock, type Clock } from '../shared/clock';
import { IpcChannel } from '../shared/ipc';
import type { UsageSummary } from '../shared/usage';
import { DAY_MS } from '../shared/wall-clock';
import type { LiveContent } from './content';
import type { IpcRegistrar } from './ipc';
import { log } from './log';

/** How often days past the record's keeping time are deleted. */
export const USAGE_PRUNE_EVERY_MS = 60 * 60_000;
/** The staff panel's glance: the last 30 days. */
export const SUMMARY_DAYS = 30;

export interface UsageOptions {
  readonly ipc: IpcRegistrar;
  readonly userDataDir: string;
  readonly content: Pick<LiveContent, 'getContent' | 'onChange'>;
  readonly clock?: Clock;
}

export interface UsageService {
  /** The last 30 days at a glance, for the staff panel. */
  summary(): Promise<UsageSummary>;
  close(): Promise<void>;
}

/**
 * The record of what was shown and how it was used, in the user-data folder (src/node/usage/):
 * the page sends its events in batches, checked here and appended to the record, away from the
 * page's thread. Kept as long as kiosk.yaml says (`records: keep_days`, 90 days unless told).
 */
export function setupUsage(options: UsageOptions): UsageService {
  const clock = options.clock ?? systemClock;
  const dir = join(options.userDataDir, USAGE_FOLDER);
  const keepDays = () => options.content.getContent().recordDays ?? DEFAULT_RECORD_DAYS;
  const timeZone = () => scheduleConfigOf(options.content.getContent()).timeZone;
  const store = new UsageStore({ dir, clock, keepDays, timeZone, log });

  options.ipc.handle(
    IpcChannel.recordUsage,
    (_event, events) => {
      // Written after the answer: the page never waits for the disk.
      void store.append(events);
      return undefined;
    },
    parseUsageBatch,
  );

  const prune = () => {
    void store.prune();
  };
  prune();
  const stopPruning = repeat(clock, USAGE_PRUNE_EVERY_MS, prune);
  const stopFollowing = options.content.onChange(prune);
  app.once('will-quit', () => void store.close());
  log.info('the record of use is kept', { folder: dir, days: keepDays() });

  return {
    async summary() {
      await store.flush();
      const now = clock.now();
      const { records } = await readUsage(dir, now - (SUMMARY_DAYS + 1) * DAY_MS, now);
      const content = options.content.getContent();
      return summarize(records, {
        now,
        days: SUMMARY_DAYS,
        timeZone: timeZone(),
        deck: content.deck,
        recording: keepDays() > 0,
      });
    },
    async close() {
      stopPruning();
      stopFollowing();
      await store.close();
    },
  };
}
