import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { IpcChannel } from '../../../src/shared/ipc';
import type { ContentState } from '../../../src/shared/content/types';

type Electron = typeof import('../electron-mock');

/**
 * Loads the entry point afresh, as launching the app does. Resetting modules also gives a fresh
 * fake Electron, so `prepare` adjusts the very instance the entry point will see.
 */
async function launch(prepare: (electron: Electron) => void = () => undefined): Promise<Electron> {
  vi.resetModules();
  const electron = await import('../electron-mock');
  // The setup file's mock factory is cached after its first use: point `electron` at this instance.
  vi.doMock('electron', () => electron);
  prepare(electron);
  await import('../../../src/main/index');
  return electron;
}

let processOn: MockInstance<typeof process.on>;

beforeEach(() => {
  // The entry point installs process-wide handlers; keep them off the test runner's process.
  processOn = vi.spyOn(process, 'on').mockImplementation(() => process);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.stubEnv('KIOSK_CONTENT_DIR', resolve('tests/fixtures/three-slides'));
  return () => {
    processOn.mockRestore();
    vi.unstubAllEnvs();
  };
});

describe('app startup', () => {
  it('registers the app scheme before the app is ready, and opens nothing until then', async () => {
    const neverReady = new Promise<void>(() => undefined);
    const { app, BrowserWindow, protocol } = await launch(({ app }) =>
      app.whenReady.mockReturnValue(neverReady),
    );
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(protocol.handlers.size).toBe(0);
  });

  it('once ready, locks down, serves the app, answers IPC, opens the window and keeps the screen on', async () => {
    const { BrowserWindow, ipcMain, powerSaveBlocker, protocol, session } = await launch();
    await vi.waitFor(() => expect(powerSaveBlocker.started.size).toBe(1));
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(protocol.handlers.has('app')).toBe(true);
    expect(ipcMain.handlers.has(IpcChannel.getContent)).toBe(true);
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(BrowserWindow.instances[0]?.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
  });

  it('hardens the kiosk window itself', async () => {
    const { BrowserWindow } = await launch();
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
    expect(BrowserWindow.instances[0]?.webContents.windowOpenHandler).toBeDefined();
  });

  it('gives the kiosk page the content folder it was started with', async () => {
    const { BrowserWindow, ipcMain } = await launch();
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
    const contents = BrowserWindow.instances[0]?.webContents;
    const state = (await ipcMain.invoke(IpcChannel.getContent, {
      sender: contents,
      senderFrame: contents?.mainFrame,
    })) as ContentState;
    expect(state.deck?.slides.map((slide) => slide.title)).toEqual([
      'First slide',
      'Second slide',
      'Third slide',
    ]);
  });

  it('quits when its window is closed', async () => {
    const { app } = await launch();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });

  it('stops at once, setting nothing up, when another kiosk is already running', async () => {
    const { app, protocol } = await launch(({ app }) => app.requestSingleInstanceLock.mockReturnValue(false));
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
  });

  it('logs rather than crashes on errors nobody caught', async () => {
    await launch();
    const events = processOn.mock.calls.map(([event]) => event);
    expect(events).toEqual(expect.arrayContaining(['uncaughtException', 'unhandledRejection']));
  });
});
