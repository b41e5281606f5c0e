/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import type { KioskApi } from '../../../src/shared/kiosk-api';
import type { ScheduleState, StaffStatus } from '../../../src/shared/ipc';
import type { UsageSummary } from '../../../src/shared/usage';

/**
 * Gives the page a `window.kiosk` like the preload's, so that the renderer's Electron path (staff
 * access, opening hours, mode reports) runs in the browser. Content still comes from the preview
 * server; the main process's side is played by this script, with these knobs for the test:
 * `window.__kiosk.emitSchedule(state)`, `.calls` (every staff action and mode report).
 */
export interface FakeKioskOptions {
  readonly pin: string;
  readonly schedule: ScheduleState;
  readonly status: StaffStatus;
  readonly usage?: UsageSummary;
}

export async function installFakeKiosk(page: Page, options: FakeKioskOptions) {
  await page.addInitScript((options: FakeKioskOptions) => {
    const calls: string[] = [];
    const scheduleListeners = new Set<(state: ScheduleState) => void>();
    let session = false;
    let schedule = options.schedule;
    const staffCall = (name: string) => () => {
      calls.push(name);
      return Promise.resolve(
        session ? ({ ok: true } as const) : ({ ok: false, reason: 'no-session' } as const),
      );
    };
    const api: KioskApi = {
      getContent: async () =>
        (await (await fetch('/api/content')).json()) as Awaited<ReturnType<KioskApi['getContent']>>,
      onContentChanged: () => () => undefined,
      reportMode: (mode) => {
        calls.push(`mode:${mode}`);
        return Promise.resolve(undefined);
      },
      getSchedule: () => Promise.resolve(schedule),
      onScheduleChanged: (listener) => {
        scheduleListeners.add(listener);
        return () => scheduleListeners.delete(listener);
      },
      verifyPin: (pin) => {
        session = pin === options.pin;
        return Promise.resolve(
          session
            ? ({ result: 'ok', sessionEndsAt: Date.now() + 120_000 } as const)
            : ({ result: 'wrong', lockedUntil: null } as const),
        );
      },
      getStaffStatus: () =>
        Promise.resolve(
          session
            ? ({ ok: true, status: options.status } as const)
            : ({ ok: false, reason: 'no-session' } as const),
        ),
      reloadContent: staffCall('reloadContent'),
      restartKiosk: staffCall('restartKiosk'),
      exitKioskMode: staffCall('exitKioskMode'),
      closeKiosk: staffCall('closeKiosk'),
      updateContent: staffCall('updateContent'),
      endStaffSession: () => {
        session = false;
        calls.push('endStaffSession');
        return Promise.resolve(undefined);
      },
      reportError: (report) => {
        calls.push(`error:${report.where}`);
        return Promise.resolve(undefined);
      },
      recordUsage: (events) => {
        for (const event of events) calls.push(`usage:${event.type}${'id' in event ? `:${event.id}` : ''}`);
        return Promise.resolve(undefined);
      },
      getUsageSummary: () =>
        Promise.resolve(
          session
            ? ({
                ok: true,
                // Inside the page: nothing from this module is there but what options carries.
                summary: options.usage ?? { days: [], topics: [], languages: [], recording: true },
              } as const)
            : ({ ok: false, reason: 'no-session' } as const),
        ),
      // Speech as the preview makes it: the same computer's voice, over HTTP.
      speak: async (request) =>
        (await (
          await fetch('/api/speech', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(request),
          })
        ).json()) as Awaited<ReturnType<KioskApi['speak']>>,
    };
    Object.defineProperty(window, 'kiosk', { value: api });
    Object.defineProperty(window, '__kiosk', {
      value: {
        calls,
        emitSchedule(state: ScheduleState) {
          schedule = state;
          for (const listener of scheduleListeners) listener(state);
        },
      },
    });
  }, options);
}

export function fakeCalls(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __kiosk: { calls: string[] } }).__kiosk.calls]);
}

export function emitSchedule(page: Page, state: ScheduleState): Promise<void> {
  return page.evaluate((state) => {
    (window as unknown as { __kiosk: { emitSchedule(state: ScheduleState): void } }).__kiosk.emitSchedule(
      state,
    );
  }, state);
}

export const OPEN: ScheduleState = {
  open: true,
  nextChangeAt: null,
  timeZone: 'Europe/London',
  wakeSeconds: 120,
};
export const CLOSED: ScheduleState = { ...OPEN, open: false };

export const SAMPLE_STATUS: StaffStatus = {
  version: '0.1.0',
  contentDir: '/srv/kiosk/content',
  content: {
    slides: 3,
    problems: [
      {
        severity: 'error',
        file: 'slides/04-broken.md',
        line: 2,
        column: 1,
        message: 'title is missing: every slide needs a title',
      },
    ],
  },
  logFile: '/home/kiosk/.config/clinic-kiosk/logs/main.log',
  userDataDir: '/home/kiosk/.config/clinic-kiosk',
  startedAt: 0,
  uptimeSeconds: 3 * 3600 + 25 * 60,
  recovery: {
    failures: { crashed: 1 },
    reloads: 1,
    windowRecreations: 0,
    crashLoops: 0,
    watchdogReloads: 1,
    gpuCrashes: 0,
  },
  softwareRendering: false,
  schedule: OPEN,
};
