import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcChannel } from '../../../src/shared/ipc';
import type { ContentState } from '../../../src/shared/content';
import type { ContentListener, LiveContent } from '../../../src/main/content';
import { createIpcRegistrar, sendToKiosk, setupIpc } from '../../../src/main/ipc';
import { log } from '../../../src/main/log';
import { silenceLog } from './log-support';
import {
  BrowserWindow as FakeBrowserWindow,
  FakeWebFrame,
  ipcMain,
  type FakeWebContents,
} from '../electron-mock';

const state: ContentState = { deck: null, deckRevision: null, standbyTitle: 'Welcome', problems: [] };

function fakeContent(): LiveContent & { change(next: ContentState): void } {
  const listeners = new Set<ContentListener>();
  return {
    dir: '/content',
    getContent: () => state,
    reload: () => Promise.resolve(state),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change(next) {
      for (const listener of listeners) listener(next);
    },
  };
}

function kioskWindowShowing(url: string): FakeBrowserWindow {
  const window = new FakeBrowserWindow({ show: false });
  window.webContents.mainFrame.url = url;
  return window;
}

/** The fake stands in for the real class at the one boundary where types meet. */
function asWindow(window: FakeBrowserWindow | undefined): BrowserWindow | undefined {
  return window as unknown as BrowserWindow | undefined;
}

function invoke(sender: FakeWebContents, senderFrame: unknown): Promise<unknown> {
  return ipcMain.invoke(IpcChannel.getContent, {
    sender,
    senderFrame,
    frameId: 1,
    processId: 1,
    type: 'frame',
  });
}

let kiosk: FakeBrowserWindow;
/** What the app currently knows as its kiosk window; undefined before it is created. */
let current: FakeBrowserWindow | undefined;

beforeEach(() => {
  silenceLog();
  kiosk = kioskWindowShowing('app://kiosk/index.html');
  current = kiosk;
  setupIpc(fakeContent(), () => asWindow(current));
});

describe('ipc sender validation', () => {
  it('accepts a message from the main frame of the kiosk window showing the app', async () => {
    const contents = kiosk.webContents;
    await expect(invoke(contents, contents.mainFrame)).resolves.toBe(state);
  });

  it('accepts the main frame when Electron hands over another object for it', async () => {
    const main = kiosk.webContents.mainFrame;
    const sameFrame = {
      frameTreeNodeId: main.frameTreeNodeId,
      processId: main.processId,
      routingId: main.routingId,
      url: main.url,
      detached: false,
      isDestroyed: () => false,
    };
    await expect(invoke(kiosk.webContents, sameFrame)).resolves.toBe(state);
  });

  it('refuses a message from a subframe', async () => {
    const contents = kiosk.webContents;
    const subframe = new FakeWebFrame('app://kiosk/index.html', contents.mainFrame);
    await expect(invoke(contents, subframe)).rejects.toThrow('refused');
  });

  it('refuses a message without a sender frame', async () => {
    await expect(invoke(kiosk.webContents, null)).rejects.toThrow('refused');
  });

  it('refuses a message from a page that is not the app', async () => {
    kiosk.webContents.mainFrame.url = 'https://example.com/';
    const contents = kiosk.webContents;
    await expect(invoke(contents, contents.mainFrame)).rejects.toThrow('refused');
  });

  it('refuses a message from another window', async () => {
    const other = kioskWindowShowing('app://kiosk/index.html');
    await expect(invoke(other.webContents, other.webContents.mainFrame)).rejects.toThrow('refused');
  });

  it('refuses a frame from another window claiming to come from the kiosk window', async () => {
    const other = kioskWindowShowing('app://kiosk/index.html');
    await expect(invoke(kiosk.webContents, other.webContents.mainFrame)).rejects.toThrow('refused');
  });

  it('refuses a frame that is being torn down', async () => {
    const contents = kiosk.webContents;
    contents.mainFrame.detached = true;
    await expect(invoke(contents, contents.mainFrame)).rejects.toThrow('refused');
  });

  it('refuses everything once the kiosk window is closed', async () => {
    const contents = kiosk.webContents;
    kiosk.close();
    await expect(invoke(contents, contents.mainFrame)).rejects.toThrow('refused');
  });

  it('refuses everything before the kiosk window exists', async () => {
    const contents = kiosk.webContents;
    current = undefined;
    await expect(invoke(contents, contents.mainFrame)).rejects.toThrow('refused');
  });

  it('logs a refusal, naming the channel and the sender page', async () => {
    kiosk.webContents.mainFrame.url = 'https://example.com/';
    await invoke(kiosk.webContents, kiosk.webContents.mainFrame).catch(() => undefined);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('refused'), {
      channel: IpcChannel.getContent,
      url: 'https://example.com/',
    });
  });
});

describe('content change forwarding', () => {
  it('sends new content to the kiosk window', () => {
    const content = fakeContent();
    ipcMain.handlers.clear();
    setupIpc(content, () => asWindow(current));
    const next: ContentState = { deck: null, deckRevision: null, standbyTitle: 'Changed', problems: [] };
    content.change(next);
    expect(kiosk.webContents.send).toHaveBeenCalledWith(IpcChannel.contentChanged, next);
  });

  it('does nothing when the kiosk window is gone', () => {
    const content = fakeContent();
    ipcMain.handlers.clear();
    setupIpc(content, () => asWindow(current));
    kiosk.close();
    expect(() => content.change(state)).not.toThrow();
    expect(kiosk.webContents.send).not.toHaveBeenCalled();
  });
});

describe('ipc payload validation', () => {
  it('refuses arguments on a channel that takes none', async () => {
    const contents = kiosk.webContents;
    await expect(
      ipcMain.invoke(IpcChannel.getContent, { sender: contents, senderFrame: contents.mainFrame }, 'extra'),
    ).rejects.toThrow('refused');
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('contents'), {
      channel: IpcChannel.getContent,
    });
  });

  it('hands the checked arguments to the handler, and refuses what the check refuses without logging it', async () => {
    ipcMain.handlers.clear();
    const ipc = createIpcRegistrar(() => asWindow(current));
    const handler = vi.fn(() => ({ result: 'not-set' as const }));
    ipc.handle(IpcChannel.verifyPin, handler, (args) => (args[0] === '4829' ? ['4829'] : undefined));
    const contents = kiosk.webContents;
    const event = { sender: contents, senderFrame: contents.mainFrame };
    await expect(ipcMain.invoke(IpcChannel.verifyPin, event, '4829')).resolves.toEqual({ result: 'not-set' });
    expect(handler).toHaveBeenCalledWith(event, '4829');
    await expect(ipcMain.invoke(IpcChannel.verifyPin, event, '0000')).rejects.toThrow('refused');
    expect(handler).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(vi.mocked(log.warn).mock.calls)).not.toContain('0000');
  });

  it('checks the sender before the contents', async () => {
    ipcMain.handlers.clear();
    const ipc = createIpcRegistrar(() => asWindow(current));
    const parse = vi.fn(() => ['4829'] as [string]);
    ipc.handle(IpcChannel.verifyPin, () => ({ result: 'not-set' as const }), parse);
    const other = kioskWindowShowing('app://kiosk/index.html');
    const event = { sender: other.webContents, senderFrame: other.webContents.mainFrame };
    await expect(ipcMain.invoke(IpcChannel.verifyPin, event, '4829')).rejects.toThrow('refused');
    expect(parse).not.toHaveBeenCalled();
  });
});

describe('sending to the kiosk page', () => {
  it('sends when the window is there, and quietly does nothing when it is not', () => {
    sendToKiosk(() => asWindow(current), IpcChannel.scheduleChanged, {
      open: false,
      nextChangeAt: null,
      timeZone: 'UTC',
      wakeSeconds: 60,
    });
    expect(kiosk.webContents.send).toHaveBeenCalledWith(
      IpcChannel.scheduleChanged,
      expect.objectContaining({ open: false }),
    );
    expect(() => sendToKiosk(() => undefined, IpcChannel.contentChanged, state)).not.toThrow();
  });
});
