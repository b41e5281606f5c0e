import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, Menu, shell, type BrowserWindow } from 'electron';
import type { ContentLog } from '../node/content/live';
import { processEnvironment, type Env } from '../node/environment';
import { chooseUserDataDir, LOGS_FOLDER, STAFF_CONTENT_FOLDER } from '../node/paths';
import { startPreviewServer, type PreviewServer } from '../preview/server';
import type { WallTime } from '../shared/content';
import { utilityProcessAgent } from './content-agent';
import { describeError, log, setupLog } from './log';
import { bundledContentDir } from './options';
import { previewMenuTemplate } from './preview-menu';
import { readRememberedFolder, rememberFolder } from './preview-memory';
import { choosePreviewContent, type PreviewChoice, type PreviewSource } from './preview-options';
import { createPreviewWindow, isOnOrigin, PREVIEW_WINDOW_TITLE } from './preview-window';
import { setupProcessErrors } from './process-errors';
import { setupSecurity } from './security';

/** The preview's own data folder, beside the kiosk's under the platform's application data. */
export const PREVIEW_DATA_FOLDER = 'clinic-kiosk-preview';
export const PREVIEW_LOG_FILE = 'preview.log';
/** What every content folder has: a folder without it is not one. */
const SETTINGS_OF_A_FOLDER = 'kiosk.yaml';

/** The content's news (a problem found, a folder reloaded), in the preview's own log. */
const contentLog: ContentLog = {
  info: (message) => log.info(message),
  warn: (message) => log.warn(message),
  error: (message) => log.error(message),
};

interface Shown {
  readonly server: PreviewServer;
  readonly source: PreviewSource;
  /** `http://127.0.0.1:<port>`: the only address the window may show. */
  readonly origin: string;
}

/**
 * `clinic-kiosk --preview [--content DIR | --source URL ...] [--at "YYYY-MM-DD HH:MM"]`: the
 * preview for staff, from the installed app, with no Node.js and no terminal. It runs the
 * preview server (src/preview/server.ts) inside this process, with the content read by a
 * utility process, on 127.0.0.1 and a port of the system's choosing, and shows its workbench in
 * an ordinary window.
 *
 * It stays out of the way of a kiosk running on the same computer: its own data folder (so no
 * single-instance lock, cache or log is shared), its own temporary picture cache, and nothing
 * of the kiosk's written: no record of use, no PIN, no last good content, no log rotation. The
 * kiosk's data folder is only read, for what the kiosk shows: its settings file and its content.
 */
export function runPreviewMode(argv: readonly string[] = process.argv.slice(1)): void {
  const env = processEnvironment();
  const appData = app.getPath('appData');
  const kioskUserDataDir = chooseUserDataDir(argv, env, process.cwd(), appData).dir;
  const ownDataDir = join(appData, PREVIEW_DATA_FOLDER);
  // Before anything reads it: the single-instance lock and Chromium's own files live there.
  app.setPath('userData', ownDataDir);
  const logFile = setupLog(join(ownDataDir, LOGS_FOLDER), { fileName: PREVIEW_LOG_FILE });
  if (!app.requestSingleInstanceLock()) {
    // A second click on the shortcut: the open preview comes forward instead.
    log.info('the preview is already open: bringing it forward and quitting this copy');
    app.quit();
    return;
  }
  setupProcessErrors();
  app.enableSandbox();
  log.info('the preview is starting', { version: app.getVersion(), kioskData: kioskUserDataDir, logFile });

  const preview = createPreview({ argv, env, kioskUserDataDir, ownDataDir });
  app.on('second-instance', () => preview.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    // The server and its temporary folder go first; then the app quits for good.
    if (!preview.isRunning()) return;
    event.preventDefault();
    void preview.stop().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(() => preview.start())
    .catch((error: unknown) => {
      refuse(`The preview could not start: ${describeError(error)}`);
    });
}

interface PreviewContext {
  readonly argv: readonly string[];
  readonly env: Env;
  readonly kioskUserDataDir: string;
  readonly ownDataDir: string;
}

function createPreview(context: PreviewContext) {
  let shown: Shown | undefined;
  let window: BrowserWindow | undefined;
  let stopped = false;
  /** One change of folder at a time: a second click waits for nothing and does nothing. */
  let switching = false;

  const choose = (argv: readonly string[], rememberedFolder: string | undefined) =>
    choosePreviewContent({
      argv,
      env: context.env,
      cwd: process.cwd(),
      kioskUserDataDir: context.kioskUserDataDir,
      bundledContentDir: bundledContentDir(),
      ...(app.isPackaged ? { staffContentDir: join(context.kioskUserDataDir, STAFF_CONTENT_FOLDER) } : {}),
      ...(rememberedFolder === undefined ? {} : { rememberedFolder }),
    });

  async function serve(source: PreviewSource, at?: WallTime): Promise<Shown> {
    const server = await startPreviewServer({
      contentDir: source.kind === 'folder' ? source.dir : bundledContentDir(),
      rendererDir: join(__dirname, '../renderer'),
      spawnAgent: utilityProcessAgent(__dirname),
      port: 0,
      log: contentLog,
      ...(source.kind === 'repository'
        ? { repository: { settings: source.settings, env: context.env } }
        : {}),
      ...(at === undefined ? {} : { at }),
    });
    log.info('the preview shows', {
      content: source.kind === 'folder' ? source.dir : source.settings.address.display,
      why: source.why,
    });
    return { server, source, origin: new URL(server.url).origin };
  }

  function setMenu(): void {
    const template = previewMenuTemplate(
      {
        openFolder: () => void act('opening a content folder', openFolder),
        showKioskContent: () => void act("showing this computer's kiosk content", showKioskContent),
        revealFolder: () => void act('showing the content folder', revealFolder),
      },
      { showingFolder: shown?.source.kind === 'folder', packaged: app.isPackaged },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  /** Shows `source` in the window in place of what it showed; what it showed stays if that fails. */
  async function switchTo(source: PreviewSource): Promise<void> {
    const before = shown;
    const next = await serve(source);
    if (stopped) {
      await next.server.close();
      return;
    }
    shown = next;
    setMenu();
    window?.loadURL(next.server.workbenchUrl).catch(() => undefined);
    await before?.server.close();
  }

  async function openFolder(): Promise<void> {
    if (window === undefined) return;
    const current = shown?.source.kind === 'folder' ? shown.source.dir : undefined;
    const result = await dialog.showOpenDialog(window, {
      title: 'Open a content folder',
      buttonLabel: 'Open',
      properties: ['openDirectory'],
      ...(current === undefined ? {} : { defaultPath: current }),
    });
    const dir = result.filePaths[0];
    if (result.canceled || dir === undefined) return;
    if (!existsSync(join(dir, SETTINGS_OF_A_FOLDER))) {
      await dialog.showMessageBox(window, {
        type: 'warning',
        title: PREVIEW_WINDOW_TITLE,
        message: 'That folder is not a content folder.',
        detail: `There is no ${SETTINGS_OF_A_FOLDER} in ${dir}. Choose the folder that holds ${SETTINGS_OF_A_FOLDER} and the slides folder.`,
      });
      return;
    }
    await switchTo({ kind: 'folder', dir, why: 'remembered' });
    await remember(dir);
  }

  async function showKioskContent(): Promise<void> {
    await remember(undefined);
    const choice = await choose([], undefined);
    if (!choice.ok) throw new Error(choice.message);
    await switchTo(choice.source);
    tell(choice);
  }

  async function revealFolder(): Promise<void> {
    if (shown?.source.kind !== 'folder') return;
    const failure = await shell.openPath(shown.source.dir);
    if (failure !== '') throw new Error(failure);
  }

  async function remember(folder: string | undefined): Promise<void> {
    try {
      await rememberFolder(context.ownDataDir, folder);
    } catch (error) {
      // Only next time's start is affected: it shows the kiosk's content again.
      log.warn('could not remember the content folder for next time', { error: describeError(error) });
    }
  }

  /** Runs a menu action; what goes wrong is told to staff, and the window keeps what it showed. */
  async function act(what: string, action: () => Promise<void>): Promise<void> {
    if (switching || stopped) return;
    switching = true;
    try {
      await action();
    } catch (error) {
      log.error(`the preview failed ${what}`, { error: describeError(error) });
      if (window !== undefined && !window.isDestroyed()) {
        await dialog.showMessageBox(window, {
          type: 'error',
          title: PREVIEW_WINDOW_TITLE,
          message: `Something went wrong ${what}.`,
          detail: describeError(error),
        });
      }
    } finally {
      switching = false;
    }
  }

  /** What staff should know though the preview started: a folder gone, settings with mistakes. */
  function tell(choice: PreviewChoice): void {
    if (!choice.ok || window === undefined) return;
    for (const note of choice.notes) {
      log.warn(note);
      const [message = note, ...detail] = note.split('\n');
      void dialog.showMessageBox(window, {
        type: 'warning',
        title: PREVIEW_WINDOW_TITLE,
        message,
        ...(detail.length === 0 ? {} : { detail: detail.join('\n') }),
      });
    }
  }

  return {
    async start(): Promise<void> {
      // Every page and frame the app makes may show the preview's own pages, and nothing else.
      setupSecurity((url) => shown !== undefined && isOnOrigin(url, shown.origin));
      let remembered: string | undefined;
      try {
        remembered = await readRememberedFolder(context.ownDataDir);
      } catch (error) {
        log.warn('could not read the folder opened last time', { error: describeError(error) });
      }
      const choice = await choose(context.argv, remembered);
      if (!choice.ok) {
        refuse(choice.message);
        return;
      }
      shown = await serve(choice.source, choice.at);
      window = createPreviewWindow(shown.server.workbenchUrl);
      setMenu();
      tell(choice);
    },
    focus(): void {
      if (window === undefined || window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    isRunning: () => shown !== undefined,
    async stop(): Promise<void> {
      stopped = true;
      const last = shown;
      shown = undefined;
      await last?.server.close();
    },
  };
}

/** The preview cannot start as asked: staff have no terminal, so a dialog box says why. */
function refuse(message: string): void {
  log.error('the preview could not start', { reason: message });
  dialog.showErrorBox(`${PREVIEW_WINDOW_TITLE} could not start`, message);
  app.exit(1);
}
