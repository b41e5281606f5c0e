import { join } from 'node:path';
import { app, BrowserWindow, Menu } from 'electron';
import { APP_INDEX_URL } from './app-url';
import { log } from './log';

/** If the page never paints, show the window anyway rather than leave the desktop exposed. */
export const SHOW_ANYWAY_DELAY_MS = 10_000;

/**
 * Makes a kiosk window and starts loading the page: called for the first window and again each
 * time recovery replaces it. What happens when the page fails is recovery.ts's business; this
 * file only knows how a kiosk window is made.
 *
 * `new BrowserWindow(` stays literal here so that electronegativity can check its options.
 */
export function createKioskWindow(): BrowserWindow {
  // No menu: no keyboard shortcut can reach reload, devtools or quit through it.
  Menu.setApplicationMenu(null);

  const window = new BrowserWindow({
    show: false,
    fullscreen: true,
    kiosk: true,
    frame: false,
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    webPreferences: {
      // Reviewed: the preload gives the page named methods through contextBridge, never ipcRenderer.
      preload: join(__dirname, '../preload/index.js'), // eng-disable PRELOAD_JS_CHECK: named methods only
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A middle click must not open a link in a new window (new windows are refused anyway).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });

  const showAnyway = setTimeout(() => {
    if (!window.isDestroyed() && !window.isVisible()) {
      log.warn('the page did not paint in time: showing the window anyway');
      window.show();
    }
  }, SHOW_ANYWAY_DELAY_MS);
  window.once('ready-to-show', () => {
    clearTimeout(showAnyway);
    window.show();
  });
  window.on('closed', () => clearTimeout(showAnyway));

  // No pinch zoom: a patient's two fingers must not leave the screen enlarged and cut off for the
  // next. The page's viewport tag no longer forbids zoom (WCAG 1.4.4 counts that against a page);
  // the window does, after each load, as a load resets it. Larger text is the patient's zoom.
  window.webContents.on('did-finish-load', () => {
    window.webContents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  });

  // Failures are reported (and retried) through 'did-fail-load'; the promise would only repeat them.
  window.loadURL(APP_INDEX_URL).catch(() => undefined);
  return window;
}
