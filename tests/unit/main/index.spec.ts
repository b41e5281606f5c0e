import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { IpcChannel } from '../../../src/shared/ipc';
import type { ContentState } from '../../../src/shared/content';

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
let userData: string;

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'kiosk-index-'));
  vi.stubEnv('KIOSK_USER_DATA_DIR', userData);
  // The entry point installs process-wide handlers; keep them off the test runner's process.
  processOn = vi.spyOn(process, 'on').mockImplementation(() => process);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.stubEnv('KIOSK_CONTENT_DIR', resolve('tests/fixtures/three-slides'));
  const argv = process.argv;
  return async () => {
    process.argv = argv;
    processOn.mockRestore();
    vi.unstubAllEnvs();
    const { stopLogFile } = await import('../../../src/main/log');
    stopLogFile();
    rmSync(userData, { recursive: true, force: true });
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
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
    expect(powerSaveBlocker.started.size).toBe(1);
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(protocol.handlers.has('app')).toBe(true);
    expect(ipcMain.handlers.has(IpcChannel.getContent)).toBe(true);
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(BrowserWindow.instances[0]?.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
  });

  it('hardens the kiosk window itself: no new windows, no navigation away', async () => {
    const { BrowserWindow, fakeEvent } = await launch();
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
    const contents = BrowserWindow.instances[0]!.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({
      action: 'deny',
    });
    const navigation = fakeEvent({ url: 'https://example.org/' });
    contents.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
  });

  it('gives the kiosk page the content folder it was started with', async () => {
    const { BrowserWindow, ipcMain } = await launch();
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
    const contents = BrowserWindow.instances[0]?.webContents;
    const shown = async () =>
      (await ipcMain.invoke(IpcChannel.getContent, {
        sender: contents,
        senderFrame: contents?.mainFrame,
      })) as ContentState;
    // The window opens before the folder is read (the kiosk never waits for it); then it shows it.
    await vi.waitFor(async () =>
      expect((await shown()).deck?.slides.map((slide) => slide.title)).toEqual([
        'First slide',
        'Second slide',
        'Third slide',
      ]),
    );
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

  it('keeps its data, and its log, in the user-data folder it was given, before taking the single-instance lock', async () => {
    const { app } = await launch(({ app }) => {
      app.requestSingleInstanceLock.mockImplementation(() => {
        expect(app.setPath).toHaveBeenCalledWith('userData', userData);
        return true;
      });
    });
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(readFileSync(join(userData, 'logs', 'kiosk.log'), 'utf8')).toContain('the kiosk is starting');
  });

  it('answers every channel of the contract before the window opens', async () => {
    let registeredFirst: string[] = [];
    const { BrowserWindow } = await launch(({ ipcMain, BrowserWindow: Window }) => {
      ipcMain.handle.mockImplementation((channel: string, listener) => {
        if (Window.instances.length === 0) registeredFirst = [...registeredFirst, channel];
        ipcMain.handlers.set(channel, listener);
      });
    });
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
    const invokeChannels = Object.values(IpcChannel).filter((channel) => !channel.endsWith('-changed'));
    expect([...registeredFirst].sort()).toEqual([...invokeChannels].sort());
  });

  it('swallows blocked shortcuts in the kiosk window', async () => {
    const { BrowserWindow, fakeEvent } = await launch();
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
    const event = fakeEvent();
    BrowserWindow.instances[0]?.webContents.emit('before-input-event', event, {
      type: 'keyDown',
      key: 'F5',
      code: 'F5',
      control: false,
      meta: false,
      alt: false,
      shift: false,
    });
    expect(event.defaultPrevented).toBe(true);
  });

  it('watches for GPU crashes from the start', async () => {
    const { app } = await launch(({ app }) =>
      app.whenReady.mockReturnValue(new Promise<void>(() => undefined)),
    );
    expect(app.listenerCount('child-process-gone')).toBe(1);
  });

  it('with a content repository in its settings, opens its window without waiting for the repository, and reports its health', async () => {
    const prom = join(userData, 'clinic_kiosk.prom');
    writeFileSync(
      join(userData, 'kiosk-settings.yaml'),
      `name: North\ncontent:\n  source: https://127.0.0.1:9/nowhere.git\nhealth:\n  prometheus_file: ${prom}\n`,
    );
    const { BrowserWindow, ipcMain } = await launch();
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
    expect(ipcMain.handlers.has(IpcChannel.getContent)).toBe(true);
    await vi.waitFor(() =>
      expect(readFileSync(prom, 'utf8')).toContain('clinic_kiosk_standby{kiosk="North"} 1'),
    );
  });

  it('with --set-pin, sets the PIN in its user-data folder and exits, starting no kiosk', async () => {
    process.argv = ['electron', '.', '--set-pin', '--remove'];
    const { app, BrowserWindow } = await launch();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(existsSync(join(userData, 'staff-pin.json'))).toBe(false);
  });

  it('with --report, writes the record of use as CSV and exits, starting no kiosk', async () => {
    const out = join(userData, 'report.csv');
    process.argv = ['electron', '.', '--report', '--from', '2026-12-01', '--to', '2026-12-31', '--out', out];
    mkdirSync(join(userData, 'usage'));
    const { app, BrowserWindow } = await launch();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(readFileSync(out, 'utf8')).toBe('date,time,record,what,name,language,seconds,ended,session\r\n');
  });

  it('with --preview, opens the preview window for staff with data of its own, and nothing of the kiosk', async () => {
    process.argv = ['electron', '.', '--preview'];
    const appData = join(userData, 'app-data');
    const electron = await launch(({ app }) => app.paths.set('appData', appData));
    const { app, BrowserWindow, protocol, ipcMain } = electron;
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1), { timeout: 10_000 });
    expect(BrowserWindow.instances[0]?.options).toMatchObject({ title: 'Clinic Kiosk Preview' });
    expect(BrowserWindow.instances[0]?.options.kiosk).toBeUndefined();
    expect(app.setPath).toHaveBeenCalledWith('userData', join(appData, 'clinic-kiosk-preview'));
    expect(app.setPath).not.toHaveBeenCalledWith('userData', userData);
    // The kiosk's folder (KIOSK_USER_DATA_DIR here) gets no log, and the kiosk's protocol and IPC are not set up.
    expect(existsSync(join(userData, 'logs'))).toBe(false);
    expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(ipcMain.handlers.size).toBe(0);
    const quitting = electron.fakeEvent();
    app.emit('will-quit', quitting);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
  });
});
