import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { IpcChannel, type IpcEventContract, type IpcInvokeContract } from '../shared/ipc';

type Unsubscribe = () => void;

/**
 * Builds `window.kiosk`: one named method per operation, never `ipcRenderer` itself.
 * Kept apart from `index.ts` so that its type can be shared with the renderer without pulling
 * Electron into the renderer's bundle.
 */
export function createKioskApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>) {
  return {
    getContent: (): Promise<IpcInvokeContract[typeof IpcChannel.getContent]['response']> =>
      ipc.invoke(IpcChannel.getContent),

    onContentChanged(
      listener: (state: IpcEventContract[typeof IpcChannel.contentChanged]) => void,
    ): Unsubscribe {
      const forward = (_event: IpcRendererEvent, state: IpcEventContract[typeof IpcChannel.contentChanged]) =>
        listener(state);
      ipc.on(IpcChannel.contentChanged, forward);
      return () => ipc.removeListener(IpcChannel.contentChanged, forward);
    },
  };
}

export type KioskApi = ReturnType<typeof createKioskApi>;
