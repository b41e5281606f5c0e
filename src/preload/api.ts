import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { IpcChannel, type IpcEventContract, type StaffAction } from '../shared/ipc';
import type { KioskApi } from '../shared/kiosk-api';

export type { KioskApi } from '../shared/kiosk-api';

type EventChannel = keyof IpcEventContract;

/**
 * Builds `window.kiosk` over IPC: one named method per operation, never `ipcRenderer` itself.
 * Kept apart from `index.ts` so that it can be unit-tested without Electron.
 */
export function createKioskApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): KioskApi {
  function subscribe<C extends EventChannel>(
    channel: C,
    listener: (payload: IpcEventContract[C]) => void,
  ): () => void {
    const forward = (_event: IpcRendererEvent, payload: IpcEventContract[C]) => listener(payload);
    ipc.on(channel, forward);
    return () => ipc.removeListener(channel, forward);
  }
  const staffAction = (action: StaffAction) => ipc.invoke(IpcChannel.staffAction, action);

  return {
    getContent: () => ipc.invoke(IpcChannel.getContent),
    onContentChanged: (listener) => subscribe(IpcChannel.contentChanged, listener),
    reportMode: (mode) => ipc.invoke(IpcChannel.reportMode, mode),
    getSchedule: () => ipc.invoke(IpcChannel.getSchedule),
    onScheduleChanged: (listener) => subscribe(IpcChannel.scheduleChanged, listener),
    verifyPin: (pin) => ipc.invoke(IpcChannel.verifyPin, pin),
    getStaffStatus: () => ipc.invoke(IpcChannel.getStaffStatus),
    reloadContent: () => staffAction('reload-content'),
    restartKiosk: () => staffAction('restart'),
    exitKioskMode: () => staffAction('exit-kiosk-mode'),
    closeKiosk: () => staffAction('quit'),
    updateContent: () => staffAction('update-content'),
    endStaffSession: () => ipc.invoke(IpcChannel.endStaffSession),
    reportError: (report) => ipc.invoke(IpcChannel.reportError, report),
    recordUsage: (events) => ipc.invoke(IpcChannel.recordUsage, events),
    getUsageSummary: () => ipc.invoke(IpcChannel.getUsageSummary),
    speak: (request) => ipc.invoke(IpcChannel.speak, request),
  };
}
