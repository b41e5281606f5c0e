import { app, type BrowserWindow } from 'electron';
import { log } from './log';

/**
 * One kiosk per machine: a second launch (a double-tap on the icon, an autostart racing a manual
 * start) brings the running kiosk forward instead of stacking a second fullscreen window on it.
 * Returns false when this process is the second one and is quitting: setup must stop there.
 */
export function setupSingleInstance(kioskWindow: () => BrowserWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) {
    log.info('the kiosk is already running: bringing it forward and quitting this copy');
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = kioskWindow();
    if (window === undefined || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
