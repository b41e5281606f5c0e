import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { IpcChannel, type IpcInvokeContract } from '../shared/ipc';
import { isAppUrl } from './app-url';
import type { ContentService } from './content';
import { createOnceFilter, describeError, log } from './log';

export type KioskWindowProvider = () => BrowserWindow | undefined;

type InvokeChannel = keyof IpcInvokeContract;
type InvokeHandler<C extends InvokeChannel> = (
  event: IpcMainInvokeEvent,
) => IpcInvokeContract[C]['response'] | Promise<IpcInvokeContract[C]['response']>;

/**
 * Only the kiosk page itself may talk to the main process: the main frame of the kiosk window,
 * showing a page from the app's own origin. Anything else (a subframe, another window, a page
 * that somehow navigated away) is refused.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, kioskWindow: BrowserWindow | undefined): boolean {
  try {
    if (kioskWindow === undefined || kioskWindow.isDestroyed()) return false;
    const contents = kioskWindow.webContents;
    if (event.sender !== contents) return false;
    const frame = event.senderFrame;
    if (frame === null || frame.isDestroyed() || frame.detached) return false;
    if (!isSameFrame(frame, contents.mainFrame)) return false;
    return isAppUrl(frame.url);
  } catch {
    // A frame or window torn down mid-message throws on access: that is not a trusted sender.
    return false;
  }
}

/**
 * Electron documents that two `WebFrameMain` objects may stand for the same frame, so identity is
 * checked by what identifies the frame, not only by object equality.
 */
function isSameFrame(a: WebFrameMain, b: WebFrameMain): boolean {
  if (a === b) return true;
  return (
    a.frameTreeNodeId === b.frameTreeNodeId && a.processId === b.processId && a.routingId === b.routingId
  );
}

/** The one way to register an IPC handler: every channel gets sender validation, none can forget it. */
export function createIpcRegistrar(kioskWindow: KioskWindowProvider) {
  const firstTime = createOnceFilter();
  return {
    handle<C extends InvokeChannel>(channel: C, handler: InvokeHandler<C>): void {
      ipcMain.handle(channel, async (event: IpcMainInvokeEvent) => {
        if (!isTrustedSender(event, kioskWindow())) {
          const url = senderUrl(event);
          if (firstTime(`${channel} ${url}`))
            log.warn('refused an IPC message from an untrusted sender', { channel, url });
          throw new Error('refused');
        }
        try {
          return await handler(event);
        } catch (error) {
          log.error('an IPC handler failed', { channel, error: describeError(error) });
          throw error;
        }
      });
    },
  };
}

function senderUrl(event: IpcMainInvokeEvent): string {
  try {
    return event.senderFrame?.url ?? '(no frame)';
  } catch {
    return '(frame gone)';
  }
}

export function setupIpc(content: ContentService, kioskWindow: KioskWindowProvider): void {
  const ipc = createIpcRegistrar(kioskWindow);
  ipc.handle(IpcChannel.getContent, () => content.getContent());

  content.onChange((state) => {
    const window = kioskWindow();
    if (window === undefined || window.isDestroyed()) return;
    window.webContents.send(IpcChannel.contentChanged, state);
  });
}
