import type { ScheduleState } from '../../../shared/ipc';
import type { KioskApi } from '../../../shared/kiosk-api';

/**
 * In the preview, the page runs on the clock of the moment it was opened at (App.svelte shifts its
 * one clock once, at the start). When staff choose another moment in the workbench, the page
 * starts again at that moment, as a kiosk switched on then would: everything it decides by the
 * clock (opening hours, slides' times, notices) is then decided for the new moment from the first
 * frame. Nothing happens in the kiosk itself, whose schedule carries no preview moment.
 */
export function restartOnNewMoment(
  api: Pick<KioskApi, 'onScheduleChanged'>,
  initial: ScheduleState | undefined,
  restart: () => void,
): () => void {
  const shown = initial?.preview;
  if (shown === undefined) return () => undefined;
  let restarting = false;
  return api.onScheduleChanged((state) => {
    if (restarting || state.preview === undefined || state.preview.at === shown.at) return;
    restarting = true;
    restart();
  });
}
