import { join } from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { setupContent } from './content';
import { setupIpc } from './ipc';
import { describeError, log } from './log';
import { setupOptions } from './options';
import { setupPower } from './power';
import { setupProcessErrors } from './process-errors';
import { registerAppScheme, setupProtocol } from './protocol';
import { setupSecurity } from './security';
import { setupSingleInstance } from './single-instance';
import { setupWindow } from './window';

let kioskWindow: BrowserWindow | undefined;

async function start(): Promise<void> {
  const options = setupOptions();
  setupSecurity();
  setupProtocol({ renderer: join(__dirname, '../renderer'), content: options.contentDir });
  const content = await setupContent(options.contentDir);
  setupIpc(content, () => kioskWindow);
  kioskWindow = setupWindow();
  kioskWindow.on('closed', () => {
    kioskWindow = undefined;
  });
  setupPower();
}

if (setupSingleInstance(() => kioskWindow)) {
  // Every renderer sandboxed, whatever a future window's options say.
  app.enableSandbox();
  registerAppScheme();
  setupProcessErrors();
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Without a window there is nothing to show: exit with a failure so a supervisor can restart us.
      log.error('the kiosk could not start', { error: describeError(error) });
      app.exit(1);
    });
}
