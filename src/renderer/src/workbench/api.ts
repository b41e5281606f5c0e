import {
  PreviewRoute,
  type PreviewAbout,
  type PreviewMomentRequest,
  type ScheduleState,
} from '../../../shared/ipc';
import type { KioskApi } from '../../../shared/kiosk-api';
import { createHttpKiosk, type HttpKioskDeps } from '../lib/bridge';

/** What the preview answers to a moment: the schedule now shown, or what is wrong with it. */
export type MomentAnswer =
  { readonly ok: true; readonly schedule: ScheduleState } | { readonly ok: false; readonly message: string };

/** What the workbench asks of the preview server: the kiosk's own stream, and two routes of its own. */
export interface WorkbenchApi extends Pick<
  KioskApi,
  'getContent' | 'onContentChanged' | 'getSchedule' | 'onScheduleChanged'
> {
  /** What the preview shows: a folder or a repository. */
  about(): Promise<PreviewAbout>;
  /** Show the kiosk at `at` (`YYYY-MM-DD HH:MM` on its wall clock), or at the present for null. */
  showMoment(at: string | null): Promise<MomentAnswer>;
}

const browserDeps: HttpKioskDeps = {
  fetch: (input, init) => fetch(input, init),
  openEvents: (url) => new EventSource(url),
};

export function createWorkbenchApi(deps: HttpKioskDeps = browserDeps): WorkbenchApi {
  const kiosk = createHttpKiosk(deps);
  return {
    getContent: kiosk.getContent,
    onContentChanged: kiosk.onContentChanged,
    getSchedule: kiosk.getSchedule,
    onScheduleChanged: kiosk.onScheduleChanged,
    async about() {
      const response = await deps.fetch(PreviewRoute.about, { cache: 'no-store' });
      if (!response.ok) throw new Error(`The preview answered ${response.status}`);
      return (await response.json()) as PreviewAbout;
    },
    async showMoment(at) {
      const request: PreviewMomentRequest = { at };
      const response = await deps.fetch(PreviewRoute.moment, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      });
      // A refusal is a sentence for staff (src/preview/moment-route.ts); anything else went wrong.
      if (response.status === 400) return { ok: false, message: await response.text() };
      if (!response.ok) throw new Error(`The preview answered ${response.status}`);
      return { ok: true, schedule: (await response.json()) as ScheduleState };
    },
  };
}
