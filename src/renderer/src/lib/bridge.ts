import { formatProblem, type ContentState } from '../../../shared/content';
import {
  PREVIEW_SCHEDULE_EVENT,
  PreviewRoute,
  type ScheduleState,
  type SpeechReply,
} from '../../../shared/ipc';
import type { KioskApi } from '../../../shared/kiosk-api';

/**
 * The kiosk's API: the preload's `window.kiosk` inside Electron, or the same interface over HTTP
 * when the page is served by the browser preview. The rest of the renderer cannot tell which.
 */
export function connectToKiosk(): KioskApi {
  return window.kiosk ?? createHttpKiosk();
}

/** The browser preview is a staff tool: it may show staff what the kiosk itself keeps discreet. */
export function isBrowserPreview(): boolean {
  return window.kiosk === undefined;
}

/**
 * The kiosk page in a frame of the preview's workbench, which says beside it what the preview
 * shows: the page then looks exactly as on the kiosk, without the preview's own note.
 */
export function isInWorkbench(): boolean {
  return isBrowserPreview() && window.parent !== window;
}

/** The part of an EventSource the bridge uses: the content comes as `message`, the schedule by its name. */
export interface EventStream {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  removeEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

/** What the HTTP bridge needs of the browser; tests give their own. */
export interface HttpKioskDeps {
  readonly fetch: typeof fetch;
  readonly openEvents: (url: string) => EventStream;
}

const browserDeps: HttpKioskDeps = {
  fetch: (input, init) => fetch(input, init),
  openEvents: (url) => new EventSource(url),
};

export function createHttpKiosk(deps: HttpKioskDeps = browserDeps): KioskApi {
  // One stream for everything the preview sends, open while anyone listens.
  let stream: EventStream | undefined;
  let listening = 0;
  function listen(type: string, onData: (data: string) => void): () => void {
    stream ??= deps.openEvents(PreviewRoute.events);
    const open = stream;
    listening += 1;
    const onMessage = (event: MessageEvent<string>) => {
      onData(event.data);
    };
    open.addEventListener(type, onMessage);
    return () => {
      open.removeEventListener(type, onMessage);
      listening -= 1;
      if (listening === 0) {
        open.close();
        stream = undefined;
      }
    };
  }

  return {
    async getContent() {
      const response = await deps.fetch(PreviewRoute.content, { cache: 'no-store' });
      if (!response.ok) throw new Error(`The preview answered ${response.status}`);
      return (await response.json()) as ContentState;
    },
    onContentChanged(listener) {
      // Server-Sent Events: the browser reconnects by itself if the preview is restarted, and the
      // server sends the current content on every connection, so nothing is missed in between.
      return listen('message', (data) => {
        let state: ContentState;
        try {
          state = JSON.parse(data) as ContentState;
        } catch (error) {
          console.error('The preview sent content that could not be read:', error);
          return;
        }
        // For staff with the browser's console open; the kiosk itself logs them in main.
        if (state.problems.length > 0) {
          console.warn(`Content problems:\n${state.problems.map(formatProblem).join('\n')}`);
        }
        listener(state);
      });
    },
    async getSchedule() {
      const response = await deps.fetch(PreviewRoute.schedule, { cache: 'no-store' });
      if (!response.ok) throw new Error(`The preview answered ${response.status}`);
      return (await response.json()) as ScheduleState;
    },
    onScheduleChanged(listener) {
      return listen(PREVIEW_SCHEDULE_EVENT, (data) => {
        try {
          listener(JSON.parse(data) as ScheduleState);
        } catch (error) {
          console.error('The preview sent a schedule that could not be read:', error);
        }
      });
    },
    async reportError(report) {
      // For the terminal the preview was started from, as the kiosk's log has them.
      await deps.fetch(PreviewRoute.errors, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(report),
      });
      return undefined;
    },
    async speak(request) {
      // The preview reads aloud as the kiosk does, with this computer's own voice.
      const response = await deps.fetch(PreviewRoute.speech, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      });
      if (!response.ok) throw new Error(`The preview answered ${response.status}`);
      return (await response.json()) as SpeechReply;
    },
    ...withoutMainProcess,
  };
}

const refusedWithoutStaffSession = () => Promise.resolve({ ok: false, reason: 'no-session' } as const);

/**
 * What only the Electron main process does. The preview reports its mode to nobody, and has no
 * staff access; its schedule comes from the preview (open at any hour, unless it shows a moment).
 */
const withoutMainProcess: Omit<
  KioskApi,
  'getContent' | 'onContentChanged' | 'reportError' | 'getSchedule' | 'onScheduleChanged' | 'speak'
> = {
  reportMode: () => Promise.resolve(undefined),
  // The preview is a staff tool: what staff do in it is no patient's use, and is never recorded.
  recordUsage: () => Promise.resolve(undefined),
  getUsageSummary: refusedWithoutStaffSession,
  // Staff access belongs to the kiosk computer: the preview has no PIN to check against.
  verifyPin: () => Promise.reject(new Error('staff access is only on the kiosk itself')),
  getStaffStatus: refusedWithoutStaffSession,
  reloadContent: refusedWithoutStaffSession,
  restartKiosk: refusedWithoutStaffSession,
  exitKioskMode: refusedWithoutStaffSession,
  closeKiosk: refusedWithoutStaffSession,
  updateContent: refusedWithoutStaffSession,
  endStaffSession: () => Promise.resolve(undefined),
};
