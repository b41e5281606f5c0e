import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcChannel } from '../../../src/shared/ipc';
import type { ContentState } from '../../../src/shared/content/types';
import type { ContentListener, ContentService } from '../../../src/main/content';
import { setupIpc } from '../../../src/main/ipc';
import { log } from '../../../src/main/log';
import {
  BrowserWindow as FakeBrowserWindow,
  FakeWebFrame,
  ipcMain,
  type FakeWebContents,
} from '../electron-mock';

const state: ContentState = { deck: null, standbyTitle: 'Welcome', problems: [] };

function fakeContent(): ContentService & { change(next: ContentState): void } {
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
  vi.spyOn(log, 'warn').mockImplementation(() => undefined);
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
    const next: ContentState = { deck: null, standbyTitle: 'Changed', problems: [] };
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
