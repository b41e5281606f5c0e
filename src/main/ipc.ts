import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { IpcChannel, type IpcEventContract, type IpcInvokeContract } from '../shared/ipc';
import { isAppUrl } from './app-url';
import type { LiveContent } from './content';
import { createOnceFilter, describeError, log } from './log';

export type KioskWindowProvider = () => BrowserWindow | undefined;

type InvokeChannel = keyof IpcInvokeContract;
type InvokeArgs<C extends InvokeChannel> = IpcInvokeContract[C]['args'];
type InvokeHandler<C extends InvokeChannel> = (
  event: IpcMainInvokeEvent,
  ...args: InvokeArgs<C>
) => IpcInvokeContract[C]['response'] | Promise<IpcInvokeContract[C]['response']>;
/** Checks what the page sent; undefined refuses the message. */
export type ArgsParser<C extends InvokeChannel> = (args: readonly unknown[]) => InvokeArgs<C> | undefined;
/** A channel that carries arguments must say how to check them; one without takes none. */
type ParserFor<C extends InvokeChannel> = InvokeArgs<C> extends [] ? [] : [parse: ArgsParser<C>];

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

/** The parser for a channel that takes one value from a fixed list (a mode, a staff action). */
export function oneOf<const Value extends string>(
  values: readonly Value[],
): (args: readonly unknown[]) => [Value] | undefined {
  return (args) => {
    const [value] = args;
    return args.length === 1 && (values as readonly unknown[]).includes(value) ? [value as Value] : undefined;
  };
}

export interface IpcRegistrar {
  handle<C extends InvokeChannel>(channel: C, handler: InvokeHandler<C>, ...parse: ParserFor<C>): void;
}

/**
 * The one way to register an IPC handler: every channel gets sender validation and payload
 * validation, none can forget them. A refused message is logged by channel only: payloads may
 * hold a PIN, which must never reach the log.
 */
export function createIpcRegistrar(kioskWindow: KioskWindowProvider): IpcRegistrar {
  const firstTime = createOnceFilter();
  return {
    handle<C extends InvokeChannel>(channel: C, handler: InvokeHandler<C>, ...[parse]: ParserFor<C>): void {
      ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...raw: unknown[]) => {
        if (!isTrustedSender(event, kioskWindow())) {
          const url = senderUrl(event);
          if (firstTime(`${channel} ${url}`))
            log.warn('refused an IPC message from an untrusted sender', { channel, url });
          throw new Error('refused');
        }
        const args =
          parse === undefined ? (raw.length === 0 ? ([] as InvokeArgs<C>) : undefined) : parse(raw);
        if (args === undefined) {
          if (firstTime(`malformed ${channel}`))
            log.warn('refused an IPC message whose contents are not what the channel takes', { channel });
          throw new Error('refused');
        }
        try {
          return await handler(event, ...args);
        } catch (error) {
          log.error('an IPC handler failed', { channel, error: describeError(error) });
          throw error;
        }
      });
    },
  };
}

/** Sends an event to the kiosk page, if there is one to hear it. */
export function sendToKiosk<C extends keyof IpcEventContract>(
  kioskWindow: KioskWindowProvider,
  channel: C,
  payload: IpcEventContract[C],
): void {
  const window = kioskWindow();
  if (window === undefined || window.isDestroyed()) return;
  window.webContents.send(channel, payload);
}

function senderUrl(event: IpcMainInvokeEvent): string {
  try {
    return event.senderFrame?.url ?? '(no frame)';
  } catch {
    return '(frame gone)';
  }
}

/** Registers the content channels; returns the registrar, through which every other channel is added. */
export function setupIpc(content: LiveContent, kioskWindow: KioskWindowProvider): IpcRegistrar {
  const ipc = createIpcRegistrar(kioskWindow);
  ipc.handle(IpcChannel.getContent, () => content.getContent());
  content.onChange((state) => sendToKiosk(kioskWindow, IpcChannel.contentChanged, state));
  return ipc;
}
