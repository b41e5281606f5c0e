import { join } from 'node:path';
import { app } from 'electron';
import type { ContentSource } from '../node/source/repository-content';
import { PICTURE_CACHE_FOLDER, setupContent, type ContentService } from './content';
import { utilityProcessAgent } from './content-agent';
import { setupRepositoryContent } from './content-source';
import { setupGpu, type GpuStatus } from './gpu';
import { setupHealth } from './health';
import { setupIpc } from './ipc';
import { setupKioskSettings } from './kiosk-settings';
import { setupModeTracking } from './kiosk-mode';
import { setupLockdown } from './lockdown';
import { describeError, log, setupLog } from './log';
import { setupOptions, setupUserData } from './options';
import { LOGS_FOLDER } from '../node/paths';
import { setupPageErrors } from './page-errors';
import { setupPower } from './power';
import { runPreviewMode } from './preview-mode';
import { PREVIEW_FLAG } from './preview-options';
import { setupProcessErrors } from './process-errors';
import { registerAppScheme, setupProtocol } from './protocol';
import { setupRecovery, type KioskWindows } from './recovery';
import { setupRevisionGuard } from './revision-guard';
import { setupSchedule } from './schedule';
import { setupSecurity } from './security';
import { REPORT_FLAG, runReport } from '../cli/report-command';
import { runSetPin, SET_PIN_FLAG } from '../cli/set-pin-command';
import { processTerminal } from '../node/terminal';
import { setupSingleInstance } from './single-instance';
import { setupSpeech } from './speech';
import { setupStaff } from './staff';
import { setupUsage } from './usage';
import { setupWatchdog } from './watchdog';
import { createKioskWindow } from './window';

const startedAt = Date.now();
let windows: KioskWindows | undefined;
const kioskWindow = () => windows?.current();

async function start(userDataDir: string, gpu: GpuStatus): Promise<void> {
  const options = setupOptions();
  setupSecurity();
  setupLockdown();
  // The last good content and its pictures live beside the app's other data, outside the
  // folder staff edit. The kiosk does not wait for the folder: it starts on what it kept.
  const stateDir = app.getPath('userData');
  // kiosk-settings.yaml may take the content from a repository instead (src/node/source).
  const setup = await setupKioskSettings(process.argv.slice(1), userDataDir, options);
  const spawnAgent = utilityProcessAgent(__dirname);
  const content: ContentService & { readonly source?: ContentSource } =
    setup.repository === undefined
      ? await setupContent(options.contentDir, { stateDir, spawnAgent, watch: options.watch })
      : await setupRepositoryContent(setup.repository, { stateDir, spawnAgent });
  const source = content.source;
  app.once('will-quit', () => content.close());
  // Every channel is registered before the window exists, so the page's first calls find them.
  const ipc = setupIpc(content, kioskWindow);
  const power = setupPower();
  const mode = setupModeTracking(ipc);
  const schedule = setupSchedule({ content, power, ipc, kioskWindow, mode });
  const speech = setupSpeech({ ipc, stateDir });
  setupProtocol({
    renderer: join(__dirname, '../renderer'),
    pictures: join(stateDir, PICTURE_CACHE_FOLDER),
    speech: speech.cacheDir,
    firstContent: () => content.getContent(),
    firstSchedule: () => schedule.current(),
  });
  setupPageErrors(ipc);
  const usage = setupUsage({ ipc, userDataDir, content });
  windows = setupRecovery({ createWindow: createKioskWindow });
  setupStaff({
    ipc,
    userDataDir,
    content,
    windows,
    gpu,
    schedule,
    startedAt,
    usage,
    ...(source ? { source } : {}),
  });
  setupWatchdog({ windows, mode });
  if (source !== undefined) setupRevisionGuard({ source, windows });
  setupHealth({
    settings: setup.settings,
    content,
    mode,
    windows,
    gpu,
    startedAt,
    ...(source ? { source } : {}),
  });
  windows.open();
}

/**
 * The kiosk, or one of the installed app's other modes (`--set-pin`, `--report`), each of which
 * opens no kiosk window and leaves a running kiosk alone.
 */
function launchKiosk(): void {
  // Before anything else reads it (the single-instance lock does): where this kiosk keeps its data.
  const userData = setupUserData();
  const logFile = setupLog(join(userData.dir, LOGS_FOLDER));
  for (const warning of userData.warnings) log.warn(warning);

  if (process.argv.includes(SET_PIN_FLAG)) {
    // `clinic-kiosk --set-pin`: the installed kiosk's way to set the PIN; no window, no second kiosk.
    void runSetPin(process.argv.slice(1), processTerminal(), { userDataDir: userData.dir }).then((code) =>
      app.exit(code),
    );
  } else if (process.argv.includes(REPORT_FLAG)) {
    // `clinic-kiosk --report --from DATE --to DATE`: the installed kiosk's record as CSV; no window.
    void runReport(process.argv.slice(1), processTerminal(), { userDataDir: userData.dir }).then((code) =>
      app.exit(code),
    );
  } else if (setupSingleInstance(kioskWindow)) {
    setupProcessErrors();
    // Every renderer sandboxed, whatever a future window's options say.
    app.enableSandbox();
    registerAppScheme();
    const gpu = setupGpu(userData.dir);
    app.on('window-all-closed', () => app.quit());
    log.info('the kiosk is starting', { version: app.getVersion(), userData: userData.dir, logFile });
    app
      .whenReady()
      .then(() => start(userData.dir, gpu))
      .catch((error: unknown) => {
        // Without a window there is nothing to show: exit with a failure so a supervisor can restart us.
        log.error('the kiosk could not start', { error: describeError(error) });
        app.exit(1);
      });
  }
}

if (process.argv.includes(PREVIEW_FLAG)) {
  // `clinic-kiosk --preview`: the preview for staff, in an ordinary window, with data of its own
  // (src/main/preview-mode.ts), so that it never touches a kiosk running on the same computer.
  runPreviewMode();
} else {
  launchKiosk();
}
