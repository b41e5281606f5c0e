import { isAbsolute } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, Menu } from '../electron-mock';
import { silenceLog } from './log-support';
import { createKioskWindow, SHOW_ANYWAY_DELAY_MS } from '../../../src/main/window';

const INDEX = 'app://kiosk/index.html';

function createWindow(): BrowserWindow {
  createKioskWindow();
  const window = BrowserWindow.instances.at(-1);
  if (window === undefined) throw new Error('createKioskWindow created no BrowserWindow');
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
  // Electron's security checklist, item by item: each is what stands between a content file and
  // the computer, so each is checked on its own.
  it('gives the page no Node.js, in the page or in its workers', () => {
    const { webPreferences } = createWindow().options;
    expect(webPreferences?.nodeIntegration).toBe(false);
    expect(webPreferences?.nodeIntegrationInWorker).toBe(false);
  });

  it('keeps the preload in its own world and the page in a sandbox', () => {
    const { webPreferences } = createWindow().options;
    expect(webPreferences?.contextIsolation).toBe(true);
    expect(webPreferences?.sandbox).toBe(true);
  });

  it('keeps the same-origin policy and refuses insecure content and experimental features', () => {
    const { webPreferences } = createWindow().options;
    expect(webPreferences?.webSecurity).toBe(true);
    expect(webPreferences?.allowRunningInsecureContent).toBe(false);
    expect(webPreferences?.experimentalFeatures).toBe(false);
  });

  it('turns off the middle click that would open a link in a new window', () => {
    expect(createWindow().options.webPreferences?.disableBlinkFeatures).toContain('Auxclick');
  });

  it('uses the built preload script', () => {
    const preload = createWindow().options.webPreferences?.preload;
    expect(typeof preload).toBe('string');
    expect(isAbsolute(String(preload))).toBe(true);
    expect(String(preload).replace(/\\/g, '/')).toMatch(/\/preload\/index\.js$/);
  });

  it('fills the screen as a frameless kiosk, black until the page paints', () => {
    const { options } = createWindow();
    expect(options.kiosk && options.fullscreen).toBe(true);
    expect(options.frame).toBe(false);
    expect(options.backgroundColor).toBe('#000000');
  });

  it('allows developer tools only in development', () => {
    app.isPackaged = false;
    expect(createWindow().options.webPreferences?.devTools).toBe(true);
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

describe('zoom', () => {
  it('keeps pinch zoom off after every load of the page', () => {
    const { webContents } = createWindow();
    expect(webContents.setVisualZoomLevelLimits).not.toHaveBeenCalled();
    webContents.emit('did-finish-load');
    expect(webContents.setVisualZoomLevelLimits).toHaveBeenLastCalledWith(1, 1);
    webContents.emit('did-finish-load');
    expect(webContents.setVisualZoomLevelLimits).toHaveBeenCalledTimes(2);
  });
});
