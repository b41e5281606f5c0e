import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { setupContent, type ContentService } from '../../../src/main/content';
import { log } from '../../../src/main/log';
import type { PowerControl } from '../../../src/main/power';
import { SCHEDULE_TICK_MS, setupSchedule } from '../../../src/main/schedule';
import { IpcChannel, type KioskMode, type ScheduleState } from '../../../src/shared/ipc';
import { powerMonitor } from '../electron-mock';
import { FakeClock } from '../support/fake-clock';
import { WEEKDAYS_9_TO_5 } from '../support/kiosk-yaml';
import { inProcessAgent } from '../../support/in-process-agent';
import { kioskPage, type KioskPage } from './ipc-support';
import { silenceLog } from './log-support';

describe('opening hours in the main process', () => {
  let base: string;
  let dir: string;
  let page: KioskPage;
  let clock: FakeClock;
  let keepDisplayAwake: Mock<PowerControl['keepDisplayAwake']>;
  let power: PowerControl;
  let content: ContentService;

  /** kiosk.yaml as staff saved it, read by the content loader as the kiosk reads it. */
  const writeKioskFile = async (text: string) => {
    writeFileSync(join(dir, 'kiosk.yaml'), text);
    await content.reload();
  };
  let mode: KioskMode | undefined;
  const modeListeners = new Set<(mode: KioskMode) => void>();
  const report = (next: KioskMode) => {
    mode = next;
    for (const listener of modeListeners) listener(next);
  };
  const start = async (kioskFile: string) => {
    writeFileSync(join(dir, 'kiosk.yaml'), kioskFile);
    content = await setupContent(dir, { spawnAgent: inProcessAgent().spawn });
    // The kiosk starts before the folder is read; these tests start from the folder as written.
    await content.reload();
    const tracker = {
      current: () => mode,
      onChange: (listener: (mode: KioskMode) => void) => {
        modeListeners.add(listener);
        return () => modeListeners.delete(listener);
      },
    };
    return setupSchedule({ content, power, ipc: page.ipc, kioskWindow: page.provider, clock, mode: tracker });
  };
  const sent = () =>
    page.window.webContents.send.mock.calls
      .filter(([channel]) => channel === IpcChannel.scheduleChanged)
      .map(([, state]) => state as ScheduleState);

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'kiosk-schedule-'));
    dir = join(base, 'content');
    cpSync(resolve('tests/fixtures/three-slides'), dir, { recursive: true });
    page = kioskPage();
    clock = new FakeClock('2025-01-13T10:00:00Z'); // Monday 10:00 in London
    keepDisplayAwake = vi.fn();
    mode = undefined;
    modeListeners.clear();
    power = { keepDisplayAwake, isKeepingDisplayAwake: () => true };
    silenceLog();
  });
  afterEach(() => {
    content.close();
    rmSync(base, { recursive: true, force: true });
  });

  it('is open, with the display kept awake, when there are no hours', async () => {
    const schedule = await start('title: Clinic\n');
    expect(schedule.current()).toMatchObject({ open: true, nextChangeAt: null });
    expect(keepDisplayAwake).not.toHaveBeenCalledWith(false);
    expect(await page.invoke(IpcChannel.getSchedule)).toEqual(schedule.current());
  });

  it('answers the page with the hours at startup', async () => {
    await start(WEEKDAYS_9_TO_5);
    expect(await page.invoke(IpcChannel.getSchedule)).toEqual({
      open: true,
      nextChangeAt: Date.parse('2025-01-13T17:00:00Z'),
      timeZone: 'Europe/London',
      wakeSeconds: 180,
    });
  });

  it('starts closed outside the hours, letting the display sleep', async () => {
    clock.set('2025-01-11T10:00:00Z'); // Saturday
    const schedule = await start(WEEKDAYS_9_TO_5);
    expect(schedule.current().open).toBe(false);
    expect(keepDisplayAwake).toHaveBeenLastCalledWith(false);
  });

  it('closes at closing time on the next tick, telling the page and letting the display sleep', async () => {
    await start(WEEKDAYS_9_TO_5);
    clock.set('2025-01-13T17:00:05Z');
    clock.advance(SCHEDULE_TICK_MS);
    expect(sent().at(-1)).toMatchObject({ open: false, nextChangeAt: Date.parse('2025-01-14T09:00:00Z') });
    expect(keepDisplayAwake).toHaveBeenLastCalledWith(false);
  });

  it('catches a jump of the clock on the next tick, without waiting for a timer set before it', async () => {
    await start(WEEKDAYS_9_TO_5);
    clock.set('2025-01-18T12:00:00Z'); // the clock jumps to Saturday
    clock.advance(SCHEDULE_TICK_MS);
    expect(sent().at(-1)?.open).toBe(false);
    clock.set('2025-01-13T12:00:00Z'); // and back to Monday
    clock.advance(SCHEDULE_TICK_MS);
    expect(sent().at(-1)?.open).toBe(true);
    expect(keepDisplayAwake).toHaveBeenLastCalledWith(true);
  });

  it('keeps the display on for an urgent notice outside opening hours, and lets it sleep after', async () => {
    clock.set('2025-01-11T10:00:00Z'); // Saturday
    await start(WEEKDAYS_9_TO_5);
    expect(keepDisplayAwake).toHaveBeenLastCalledWith(false);
    report('notice');
    expect(keepDisplayAwake).toHaveBeenLastCalledWith(true);
    clock.advance(SCHEDULE_TICK_MS);
    expect(keepDisplayAwake).toHaveBeenLastCalledWith(true);
    report('closed');
    expect(keepDisplayAwake).toHaveBeenLastCalledWith(false);
  });

  it('checks at once when the computer wakes from sleep', async () => {
    await start(WEEKDAYS_9_TO_5);
    clock.set('2025-01-13T20:00:00Z');
    powerMonitor.emit('resume');
    expect(sent().at(-1)?.open).toBe(false);
  });

  it('picks up new hours when kiosk.yaml changes', async () => {
    const schedule = await start(WEEKDAYS_9_TO_5);
    await writeKioskFile(WEEKDAYS_9_TO_5.replace('mon: 09:00-17:00', 'mon: closed'));
    expect(schedule.current().open).toBe(false);
  });

  it('keeps the hours in use when kiosk.yaml gets a mistake in them', async () => {
    const schedule = await start(WEEKDAYS_9_TO_5);
    await writeKioskFile(WEEKDAYS_9_TO_5.replace('mon: 09:00-17:00', 'mon: 9 till 5'));
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('keeping the hours in use'));
    expect(schedule.current()).toMatchObject({ open: true, timeZone: 'Europe/London' });
  });

  it('reads the hours again when the content is reloaded, and only from the content', async () => {
    const schedule = await start('title: Clinic\n');
    writeFileSync(join(dir, 'kiosk.yaml'), 'title: Clinic\ntimezone: UTC\nschedule:\n  sun: closed\n');
    // The file alone changes nothing: the hours are the content's, read when it is reloaded.
    clock.advance(SCHEDULE_TICK_MS);
    expect(schedule.current().open).toBe(true);
    await content.reload();
    expect(schedule.current().open).toBe(false);
  });
});
