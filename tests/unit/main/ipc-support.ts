import type { BrowserWindow as ElectronWindow } from 'electron';
import { createIpcRegistrar, type IpcRegistrar } from '../../../src/main/ipc';
import { BrowserWindow, ipcMain } from '../electron-mock';

/** The kiosk page as IPC sees it: a window showing the app, whose main frame sends messages. */
export interface KioskPage {
  readonly window: BrowserWindow;
  readonly ipc: IpcRegistrar;
  readonly provider: () => ElectronWindow | undefined;
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

export function kioskPage(): KioskPage {
  const window = new BrowserWindow({ show: false });
  window.webContents.mainFrame.url = 'app://kiosk/index.html';
  const provider = () => (window.isDestroyed() ? undefined : (window as unknown as ElectronWindow));
  return {
    window,
    ipc: createIpcRegistrar(provider),
    provider,
    invoke: (channel, ...args) =>
      ipcMain.invoke(
        channel,
        { sender: window.webContents, senderFrame: window.webContents.mainFrame },
        ...args,
      ),
  };
}
