import type { BrowserWindow as ElectronWindow } from 'electron';
import { createIpcRegistrar, type IpcRegistrar } from '../../../src/main/ipc';
import { BrowserWindow, ipcMain } from '../electron-mock';

/** The kiosk page as IPC sees it: a window showing the app, whose main frame sends messages. */
export interface KioskPage {
  /** The kiosk window now. */
  readonly window: BrowserWindow;
  readonly ipc: IpcRegistrar;
  readonly provider: () => ElectronWindow | undefined;
  /** A message from the page in the kiosk window now. */
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  /** What recovery does to a window it gives up on: a new window, with a new page, takes its place. */
  replaceWindow(): BrowserWindow;
}

function kioskWindow(): BrowserWindow {
  const window = new BrowserWindow({ show: false, kiosk: true, fullscreen: true });
  window.webContents.mainFrame.url = 'app://kiosk/index.html';
  return window;
}

export function kioskPage(): KioskPage {
  let window = kioskWindow();
  const provider = () => (window.isDestroyed() ? undefined : (window as unknown as ElectronWindow));
  return {
    get window() {
      return window;
    },
    ipc: createIpcRegistrar(provider),
    provider,
    invoke: (channel, ...args) =>
      ipcMain.invoke(
        channel,
        { sender: window.webContents, senderFrame: window.webContents.mainFrame },
        ...args,
      ),
    replaceWindow() {
      const old = window;
      window = kioskWindow();
      old.destroy();
      return window;
    },
  };
}
