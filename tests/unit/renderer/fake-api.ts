import { vi } from 'vitest';
import type { ContentState, Deck, Slide } from '../../../src/shared/content';
import type { ScheduleState } from '../../../src/shared/ipc';
import type { KioskApi } from '../../../src/shared/kiosk-api';

export const slide = (id: string, title = id, language = 'en'): Slide => ({
  id,
  language,
  title,
  summary: `${title} in short.`,
  seconds: 10,
  bodyHtml: `<p>${title}</p>`,
});

export function deck(titles: readonly string[], translations: Deck['translations'] = []): Deck {
  return {
    language: 'en',
    title: 'Clinic',
    slides: titles.map((title, index) => slide(`0${index + 1}`, title)),
    idleSeconds: 60,
    warningSeconds: 10,
    rotateLanguages: false,
    translations,
  };
}

export function state(shown: Deck | null, revision = shown === null ? null : 'r1'): ContentState {
  return { deck: shown, deckRevision: revision, standbyTitle: 'Clinic', problems: [] };
}

export const OPEN: ScheduleState = { open: true, nextChangeAt: null, timeZone: 'UTC', wakeSeconds: 120 };

/**
 * The page's view of the kiosk, played by the test: `content` answers getContent, `emit*` are
 * main's pushes, and every method is a spy.
 */
export function fakeApi(content: ContentState | Error = state(deck(['One', 'Two']))) {
  const contentListeners = new Set<(state: ContentState) => void>();
  const scheduleListeners = new Set<(state: ScheduleState) => void>();
  const refused = () => Promise.resolve({ ok: false, reason: 'no-session' } as const);
  const api = {
    getContent: vi.fn(() => (content instanceof Error ? Promise.reject(content) : Promise.resolve(content))),
    onContentChanged: vi.fn((listener: (state: ContentState) => void) => {
      contentListeners.add(listener);
      return () => contentListeners.delete(listener);
    }),
    reportMode: vi.fn(() => Promise.resolve(undefined)),
    getSchedule: vi.fn(() => Promise.resolve(OPEN)),
    onScheduleChanged: vi.fn((listener: (state: ScheduleState) => void) => {
      scheduleListeners.add(listener);
      return () => scheduleListeners.delete(listener);
    }),
    verifyPin: vi.fn<KioskApi['verifyPin']>(() => Promise.resolve({ result: 'not-set' })),
    getStaffStatus: vi.fn<KioskApi['getStaffStatus']>(refused),
    reloadContent: vi.fn<KioskApi['reloadContent']>(refused),
    restartKiosk: vi.fn<KioskApi['restartKiosk']>(refused),
    exitKioskMode: vi.fn<KioskApi['exitKioskMode']>(refused),
    closeKiosk: vi.fn<KioskApi['closeKiosk']>(refused),
    updateContent: vi.fn<KioskApi['updateContent']>(refused),
    endStaffSession: vi.fn(() => Promise.resolve(undefined)),
    reportError: vi.fn(() => Promise.resolve(undefined)),
    recordUsage: vi.fn<KioskApi['recordUsage']>(() => Promise.resolve(undefined)),
    getUsageSummary: vi.fn<KioskApi['getUsageSummary']>(refused),
    speak: vi.fn<KioskApi['speak']>(() => Promise.resolve({ ok: false, reason: 'no-engine' })),
  } satisfies KioskApi;
  return {
    api,
    emitContent: (next: ContentState) => {
      for (const listener of contentListeners) listener(next);
    },
    emitSchedule: (next: ScheduleState) => {
      for (const listener of scheduleListeners) listener(next);
    },
    listeners: () => contentListeners.size + scheduleListeners.size,
  };
}

/** Lets promise callbacks already queued run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
