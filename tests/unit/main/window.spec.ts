import { isAbsolute } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, fakeEvent, Menu } from '../electron-mock';
import { log } from '../../../src/main/log';
import { RETRY_DELAY_MS, SHOW_ANYWAY_DELAY_MS, setupWindow } from '../../../src/main/window';

const INDEX = 'app://kiosk/index.html';
const ERR_CONNECTION_REFUSED = -102;
const ERR_ABORTED = -3;

function createWindow(): BrowserWindow {
  setupWindow();
  const window = BrowserWindow.instances[0];
  if (window === undefined) throw new Error('setupWindow created no BrowserWindow');
  return window;
}

function failLoad(window: BrowserWindow, errorCode = ERR_CONNECTION_REFUSED, isMainFrame = true): void {
  window.webContents.emit('did-fail-load', fakeEvent(), errorCode, 'failed', INDEX, isMainFrame, 1, 1);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(log, 'info').mockImplementation(() => undefined);
  vi.spyOn(log, 'warn').mockImplementation(() => undefined);
  vi.spyOn(log, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('kiosk window options', () => {
  it('isolates the page from Node and Electron', () => {
    const { webPreferences } = createWindow().options;
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
  });

  it('uses the built preload script', () => {
    const preload = createWindow().options.webPreferences?.preload;
    expect(typeof preload).toBe('string');
    expect(isAbsolute(String(preload))).toBe(true);
    expect(String(preload).replace(/\\/g, '/')).toMatch(/\/preload\/index\.js$/);
  });

  it('fills the screen as a frameless kiosk on black', () => {
    expect(createWindow().options).toMatchObject({
      fullscreen: true,
      kiosk: true,
      frame: false,
      backgroundColor: '#000000',
      autoHideMenuBar: true,
    });
  });

  it('allows developer tools only in development', () => {
    app.isPackaged = false;
    expect(createWindow().options.webPreferences?.devTools).toBe(true);
    BrowserWindow.instances = [];
    app.isPackaged = true;
    expect(createWindow().options.webPreferences?.devTools).toBe(false);
  });

  it('removes the application menu', () => {
    createWindow();
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });
});

describe('kiosk window lifecycle', () => {
  it('stays hidden until the page is ready, then shows', () => {
    const window = createWindow();
    expect(window.options.show).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('loads the app page', () => {
    expect(createWindow().loadURL).toHaveBeenCalledWith(INDEX);
  });

  it('shows the window anyway if the page never paints', () => {
    const window = createWindow();
    vi.advanceTimersByTime(SHOW_ANYWAY_DELAY_MS);
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('retries a failed load after a few seconds', () => {
    const window = createWindow();
    failLoad(window);
    vi.advanceTimersByTime(RETRY_DELAY_MS - 1);
    expect(window.loadURL).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(window.loadURL).toHaveBeenCalledTimes(2);
    expect(window.loadURL).toHaveBeenLastCalledWith(INDEX);
    expect(log.error).toHaveBeenCalled();
  });

  it('keeps retrying for as long as loading fails', () => {
    const window = createWindow();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      failLoad(window);
      vi.advanceTimersByTime(RETRY_DELAY_MS);
    }
    expect(window.loadURL).toHaveBeenCalledTimes(4);
  });

  it('schedules one retry for a burst of failures', () => {
    const window = createWindow();
    failLoad(window);
    failLoad(window);
    vi.advanceTimersByTime(RETRY_DELAY_MS);
    expect(window.loadURL).toHaveBeenCalledTimes(2);
  });

  it('does not retry an aborted load or a failed subframe', () => {
    const window = createWindow();
    failLoad(window, ERR_ABORTED);
    failLoad(window, ERR_CONNECTION_REFUSED, false);
    vi.advanceTimersByTime(RETRY_DELAY_MS * 2);
    expect(window.loadURL).toHaveBeenCalledTimes(1);
  });

  it('reloads the page after its renderer dies', () => {
    const window = createWindow();
    window.webContents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 1 });
    vi.advanceTimersByTime(RETRY_DELAY_MS);
    expect(window.loadURL).toHaveBeenCalledTimes(2);
  });

  it('stops retrying once the window is closed', () => {
    const window = createWindow();
    failLoad(window);
    window.close();
    vi.advanceTimersByTime(RETRY_DELAY_MS * 2);
    expect(window.loadURL).toHaveBeenCalledTimes(1);
  });
});
