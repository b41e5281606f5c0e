import { isAbsolute } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, Menu } from '../electron-mock';
import { silenceLog } from './log-support';
import { SHOW_ANYWAY_DELAY_MS, setupWindow } from '../../../src/main/window';

const INDEX = 'app://kiosk/index.html';

function createWindow(): BrowserWindow {
  setupWindow();
  const window = BrowserWindow.instances[0];
  if (window === undefined) throw new Error('setupWindow created no BrowserWindow');
  return window;
}

beforeEach(() => {
  vi.useFakeTimers();
  silenceLog();
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
      disableBlinkFeatures: 'Auxclick',
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

  it('does not show a window that was closed while waiting for it to paint', () => {
    const window = createWindow();
    window.close();
    vi.advanceTimersByTime(SHOW_ANYWAY_DELAY_MS);
    expect(window.show).not.toHaveBeenCalled();
  });
});
