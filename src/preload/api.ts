import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  IpcChannel,
  type IpcEventContract,
  type IpcInvokeContract,
  type KioskMode,
  type StaffAction,
} from '../shared/ipc';

type Unsubscribe = () => void;
type Response<C extends keyof IpcInvokeContract> = Promise<IpcInvokeContract[C]['response']>;
type EventChannel = keyof IpcEventContract;

/**
 * Builds `window.kiosk`: one named method per operation, never `ipcRenderer` itself.
 * Kept apart from `index.ts` so that its type can be shared with the renderer without pulling
 * Electron into the renderer's bundle.
 */
export function createKioskApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>) {
  function subscribe<C extends EventChannel>(
    channel: C,
    listener: (payload: IpcEventContract[C]) => void,
  ): Unsubscribe {
    const forward = (_event: IpcRendererEvent, payload: IpcEventContract[C]) => listener(payload);
    ipc.on(channel, forward);
    return () => ipc.removeListener(channel, forward);
  }
  const staffAction = (action: StaffAction): Response<typeof IpcChannel.staffAction> =>
    ipc.invoke(IpcChannel.staffAction, action);

  return {
    getContent: (): Response<typeof IpcChannel.getContent> => ipc.invoke(IpcChannel.getContent),

    onContentChanged: (listener: (state: IpcEventContract[typeof IpcChannel.contentChanged]) => void) =>
      subscribe(IpcChannel.contentChanged, listener),

    /** Tell main what the screen is doing, on every change (and once at start). */
    reportMode: (mode: KioskMode): Response<typeof IpcChannel.reportMode> =>
      ipc.invoke(IpcChannel.reportMode, mode),

    getSchedule: (): Response<typeof IpcChannel.getSchedule> => ipc.invoke(IpcChannel.getSchedule),

    onScheduleChanged: (listener: (state: IpcEventContract[typeof IpcChannel.scheduleChanged]) => void) =>
      subscribe(IpcChannel.scheduleChanged, listener),

    /** `pin` must be 4 to 12 digits; anything else is refused (the promise rejects). */
    verifyPin: (pin: string): Response<typeof IpcChannel.verifyPin> => ipc.invoke(IpcChannel.verifyPin, pin),

    getStaffStatus: (): Response<typeof IpcChannel.getStaffStatus> => ipc.invoke(IpcChannel.getStaffStatus),

    reloadContent: () => staffAction('reload-content'),
    /** Starts the kiosk again from scratch (the app relaunches). */
    restartKiosk: () => staffAction('restart'),
    /** Leaves kiosk mode and fullscreen, so staff can reach the desktop. */
    exitKioskMode: () => staffAction('exit-kiosk-mode'),
    /** Closes the kiosk; an outer supervisor does not restart it (docs/deploy.md). */
    closeKiosk: () => staffAction('quit'),

    endStaffSession: (): Response<typeof IpcChannel.endStaffSession> =>
      ipc.invoke(IpcChannel.endStaffSession),
  };
}

export type KioskApi = ReturnType<typeof createKioskApi>;
