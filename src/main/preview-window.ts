import { app, BrowserWindow } from 'electron';

export const PREVIEW_WINDOW_TITLE = 'Clinic Kiosk Preview';

/**
 * True only for addresses on `origin` (the preview server's `http://127.0.0.1:<port>`): the
 * preview window shows the preview's own pages and nothing else. Anything unparsable is foreign.
 */
export function isOnOrigin(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.origin === origin && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * The preview's window: an ordinary one staff can move, resize and close, never kiosk or
 * fullscreen, showing the workbench at `url`. The page gets no preload: it talks only to the
 * preview server it came from, over HTTP, exactly as in a browser. Navigation, new windows and
 * permissions are refused app-wide (security.ts).
 *
 * `new BrowserWindow(` stays literal here so that electronegativity can check its options.
 */
export function createPreviewWindow(url: string): BrowserWindow {
  const window = new BrowserWindow({
    title: PREVIEW_WINDOW_TITLE,
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f3f7f5',
    webPreferences: {
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
  // The window keeps its name in the taskbar, whatever the page calls itself.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => {
    window.maximize();
    window.show();
  });
  // Failures show as an empty window with the menu still there; they are logged by the caller.
  window.loadURL(url).catch(() => undefined);
  return window;
}
