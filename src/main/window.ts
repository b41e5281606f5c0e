import { join } from 'node:path';
import { app, BrowserWindow, Menu } from 'electron';
import { APP_INDEX_URL } from './app-url';
import { log } from './log';

/** How long to wait before trying the page again after it failed to load or its renderer died. */
export const RETRY_DELAY_MS = 5_000;
/** If the page never paints, show the window anyway rather than leave the desktop exposed. */
export const SHOW_ANYWAY_DELAY_MS = 10_000;
/** Chromium's ERR_ABORTED: a load replaced by another one, not a failure. */
const ERR_ABORTED = -3;

export function setupWindow(): BrowserWindow {
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
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });

  let retryTimer: NodeJS.Timeout | undefined;
  const load = (): void => {
    retryTimer = undefined;
    if (window.isDestroyed()) return;
    // Failures are reported (and retried) through 'did-fail-load'; the promise would only repeat them.
    window.loadURL(APP_INDEX_URL).catch(() => undefined);
  };
  const retrySoon = (): void => {
    if (retryTimer === undefined && !window.isDestroyed()) retryTimer = setTimeout(load, RETRY_DELAY_MS);
  };

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

  // A kiosk must never sit on a blank or error page: every failure of the page is retried.
  window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    log.error('the page failed to load; trying again shortly', {
      errorCode,
      errorDescription,
      url: validatedURL,
    });
    retrySoon();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    log.error('the page stopped unexpectedly; reloading it shortly', {
      reason: details.reason,
      exitCode: details.exitCode,
    });
    retrySoon();
  });
  window.webContents.on('unresponsive', () => log.warn('the page is not responding'));
  window.webContents.on('responsive', () => log.info('the page is responding again'));

  window.on('closed', () => {
    clearTimeout(showAnyway);
    if (retryTimer !== undefined) clearTimeout(retryTimer);
  });

  load();
  return window;
}
