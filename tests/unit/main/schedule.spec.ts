import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { IpcChannel, type ScheduleState } from '../../../src/shared/ipc';
import type { ContentListener } from '../../../src/main/content';
import { log } from '../../../src/main/log';
import { silenceLog } from './log-support';
import type { PowerControl } from '../../../src/main/power';
import { SCHEDULE_TICK_MS, scheduleConfigFrom, setupSchedule } from '../../../src/main/schedule';
import { powerMonitor } from '../electron-mock';
import { kioskPage, type KioskPage } from './ipc-support';

const WEEKDAYS_9_TO_5 = `title: Clinic
timezone: Europe/London
schedule:
  mon: 09:00-17:00
  tue: 09:00-17:00
  wed: 09:00-17:00
  thu: 09:00-17:00
  fri: 09:00-17:00
  wake_minutes: 3
`;

describe('reading opening hours from kiosk.yaml', () => {
  it('is always open without a schedule, in the given or the computer time zone', () => {
    expect(scheduleConfigFrom('title: Clinic\n', 'UTC')).toMatchObject({
      hours: null,
      timeZone: 'UTC',
      wakeSeconds: 120,
    });
    expect(scheduleConfigFrom('title: Clinic\ntimezone: Asia/Tokyo\n', 'UTC')).toMatchObject({
      timeZone: 'Asia/Tokyo',
    });
  });

  it('reads the hours, the time zone and the wake time, ignoring the other settings', () => {
    const config = scheduleConfigFrom(WEEKDAYS_9_TO_5);
    expect(config).toMatchObject({ timeZone: 'Europe/London', wakeSeconds: 180 });
    expect(typeof config !== 'string' && config.hours?.week.mon).toEqual([{ start: 540, end: 1020 }]);
  });

  it('says what is wrong with bad hours or bad YAML', () => {
    expect(scheduleConfigFrom('schedule:\n  mon: 17:00-09:00\n')).toMatch(
      /schedule\.mon closes before it opens/,
    );
    expect(scheduleConfigFrom('timezone: Nowhere/Special\n')).toMatch(/timezone/);
    expect(scheduleConfigFrom('schedule: [\n')).toMatch(/YAML/);
  });
});

describe('opening hours in the main process', () => {
  let dir: string;
  let page: KioskPage;
  let time: number;
  let keepDisplayAwake: Mock<PowerControl['keepDisplayAwake']>;
  let power: PowerControl;
  let contentListeners: Set<ContentListener>;

  const content = {
    onChange(listener: ContentListener) {
      contentListeners.add(listener);
      return () => contentListeners.delete(listener);
    },
  };
  const start = () =>
    setupSchedule({
      contentDir: dir,
      content,
      power,
      ipc: page.ipc,
      kioskWindow: page.provider,
      now: () => time,
    });
  const writeKioskFile = (text: string, mtime: number) => {
    writeFileSync(join(dir, 'kiosk.yaml'), text);
    utimesSync(join(dir, 'kiosk.yaml'), mtime, mtime);
  };
  const sent = () =>
    page.window.webContents.send.mock.calls
      .filter(([channel]) => channel === IpcChannel.scheduleChanged)
      .map(([, state]) => state as ScheduleState);
  /** Waits (on real time; only intervals are faked) for the tick's file reads to bear out `check`. */
  const eventually = async (check: () => void) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        check();
        return;
      } catch (error) {
        if (attempt > 200) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-schedule-'));
    page = kioskPage();
    time = Date.parse('2025-01-13T10:00:00Z'); // Monday 10:00 in London
    keepDisplayAwake = vi.fn();
    power = { keepDisplayAwake, isKeepingDisplayAwake: () => true };
    contentListeners = new Set();
    silenceLog();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is open, with the display kept awake, when there are no hours', async () => {
    writeKioskFile('title: Clinic\n', 1000);
    const schedule = await start();
    expect(schedule.current()).toMatchObject({ open: true, nextChangeAt: null });
    expect(keepDisplayAwake).not.toHaveBeenCalledWith(false);
    expect(await page.invoke(IpcChannel.getSchedule)).toEqual(schedule.current());
  });

  it('answers the page with the hours at startup', async () => {
    writeKioskFile(WEEKDAYS_9_TO_5, 1000);
    await start();
    expect(await page.invoke(IpcChannel.getSchedule)).toEqual({
      open: true,
      nextChangeAt: Date.parse('2025-01-13T17:00:00Z'),
      timeZone: 'Europe/London',
      wakeSeconds: 180,
    });
  });

  it('starts closed outside the hours, letting the display sleep', async () => {
    writeKioskFile(WEEKDAYS_9_TO_5, 1000);
    time = Date.parse('2025-01-11T10:00:00Z'); // Saturday
    const schedule = await start();
    expect(schedule.current().open).toBe(false);
    expect(keepDisplayAwake).toHaveBeenLastCalledWith(false);
  });

  it('closes at closing time on the next tick, telling the page and letting the display sleep', async () => {
    writeKioskFile(WEEKDAYS_9_TO_5, 1000);
    await start();
    time = Date.parse('2025-01-13T17:00:05Z');
    await vi.advanceTimersByTimeAsync(SCHEDULE_TICK_MS);
    await eventually(() =>
      expect(sent().at(-1)).toMatchObject({ open: false, nextChangeAt: Date.parse('2025-01-14T09:00:00Z') }),
    );
    expect(keepDisplayAwake).toHaveBeenLastCalledWith(false);
  });

  it('catches a jump of the clock on the next tick, without waiting for a timer set before it', async () => {
    writeKioskFile(WEEKDAYS_9_TO_5, 1000);
    await start();
    time = Date.parse('2025-01-18T12:00:00Z'); // the clock jumps to Saturday
    await vi.advanceTimersByTimeAsync(SCHEDULE_TICK_MS);
    await eventually(() => expect(sent().at(-1)?.open).toBe(false));
    time = Date.parse('2025-01-13T12:00:00Z'); // and back to Monday
    await vi.advanceTimersByTimeAsync(SCHEDULE_TICK_MS);
    await eventually(() => expect(sent().at(-1)?.open).toBe(true));
    expect(keepDisplayAwake).toHaveBeenLastCalledWith(true);
  });

  it('checks at once when the computer wakes from sleep', async () => {
    writeKioskFile(WEEKDAYS_9_TO_5, 1000);
    await start();
    time = Date.parse('2025-01-13T20:00:00Z');
    powerMonitor.emit('resume');
    await eventually(() => expect(sent().at(-1)?.open).toBe(false));
  });

  it('picks up new hours when kiosk.yaml changes', async () => {
    writeKioskFile(WEEKDAYS_9_TO_5, 1000);
    const schedule = await start();
    writeKioskFile(WEEKDAYS_9_TO_5.replace('mon: 09:00-17:00', 'mon: closed'), 2000);
    await vi.advanceTimersByTimeAsync(SCHEDULE_TICK_MS);
    await eventually(() => expect(schedule.current().open).toBe(false));
  });

  it('keeps the hours in use when kiosk.yaml gets a mistake in them', async () => {
    writeKioskFile(WEEKDAYS_9_TO_5, 1000);
    const schedule = await start();
    writeKioskFile(WEEKDAYS_9_TO_5.replace('mon: 09:00-17:00', 'mon: 9 till 5'), 2000);
    await vi.advanceTimersByTimeAsync(SCHEDULE_TICK_MS);
    await eventually(() =>
      expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('keeping the hours in use')),
    );
    expect(schedule.current()).toMatchObject({ open: true, timeZone: 'Europe/London' });
  });

  it('re-reads the hours when the content is reloaded', async () => {
    writeKioskFile('title: Clinic\n', 1000);
    const schedule = await start();
    writeKioskFile('timezone: UTC\nschedule:\n  sun: closed\n', 1000);
    // No tick comes: only the content reload makes it read the file now.
    for (const listener of contentListeners) listener({} as never);
    await eventually(() => expect(schedule.current().open).toBe(false));
  });
});
