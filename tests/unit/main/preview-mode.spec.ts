import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { PreviewRoute, type PreviewAbout } from '../../../src/shared/ipc';

type Electron = typeof import('../electron-mock');

const THREE_SLIDES = resolve('tests/fixtures/three-slides');
const TIMED_SLIDES = resolve('tests/fixtures/timed-slides');

let appData: string;
let processOn: MockInstance<typeof process.on>;

/**
 * Starts `clinic-kiosk --preview ...` afresh, as a click on the shortcut does, with a fresh fake
 * Electron (adjusted by `prepare` before the app sees it).
 */
async function launch(argv: readonly string[], prepare: (electron: Electron) => void = () => undefined) {
  vi.resetModules();
  const electron = await import('../electron-mock');
  vi.doMock('electron', () => electron);
  electron.app.paths.set('appData', appData);
  prepare(electron);
  const { runPreviewMode } = await import('../../../src/main/preview-mode');
  runPreviewMode(['.', ...argv]);
  return electron;
}

/** Launches and waits for the window to load the workbench; returns the address it loaded. */
async function launchWindow(argv: readonly string[], prepare?: (electron: Electron) => void) {
  const electron = await launch(argv, prepare);
  await vi.waitFor(() => expect(electron.BrowserWindow.instances[0]?.loadURL).toHaveBeenCalled(), {
    timeout: 10_000,
  });
  const window = electron.BrowserWindow.instances[0]!;
  return { electron, window, url: () => window.webContents.getURL() };
}

/** The status and body of a GET of `path` exactly as written (no `..` taken out), from the preview server. */
function getRaw(workbenchUrl: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(workbenchUrl);
  return new Promise((resolveGet, reject) => {
    const asked = request({ hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolveGet({ status: response.statusCode ?? 0, body }));
    });
    asked.on('error', reject);
    asked.end();
  });
}

async function about(workbenchUrl: string): Promise<string> {
  return ((await (await fetch(new URL(PreviewRoute.about, workbenchUrl))).json()) as PreviewAbout).source;
}

/** Closes the window as staff do, and waits until the preview has quit. */
async function closeWindow({ app }: Electron) {
  app.emit('window-all-closed');
  const { fakeEvent } = await import('../electron-mock');
  const event = fakeEvent();
  app.emit('will-quit', event);
  if (event.defaultPrevented) await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(2));
}

/** The menu item with this label, from the menu the preview set last. */
function menuItem({ Menu }: Electron, label: string): MenuItemConstructorOptions {
  const template = Menu.buildFromTemplate.mock.lastCall?.[0] as MenuItemConstructorOptions[];
  const items = template.flatMap((menu) => menu.submenu as MenuItemConstructorOptions[]);
  const item = items.find((candidate) => candidate.label === label);
  if (item === undefined) throw new Error(`no menu item ${label}`);
  return item;
}

function click(item: MenuItemConstructorOptions) {
  (item.click as () => void)();
}

beforeEach(() => {
  appData = mkdtempSync(join(tmpdir(), 'kiosk-preview-mode-'));
  vi.stubEnv('KIOSK_USER_DATA_DIR', '');
  vi.stubEnv('KIOSK_CONTENT_DIR', THREE_SLIDES);
  processOn = vi.spyOn(process, 'on').mockImplementation(() => process);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  return async () => {
    processOn.mockRestore();
    vi.unstubAllEnvs();
    const { stopLogFile } = await import('../../../src/main/log');
    stopLogFile();
    rmSync(appData, { recursive: true, force: true });
  };
});

describe('clinic-kiosk --preview', () => {
  it('opens an ordinary window titled Clinic Kiosk Preview on the workbench, served on 127.0.0.1', async () => {
    const { electron, window, url } = await launchWindow(['--preview', '--content', TIMED_SLIDES]);
    expect(url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/workbench$/);
    expect(window.options).toMatchObject({ title: 'Clinic Kiosk Preview', show: false });
    expect(window.options.kiosk).toBeUndefined();
    expect(window.options.fullscreen).toBeUndefined();
    expect(window.options.frame).toBeUndefined();
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    // No preload: the workbench talks only to the server it came from, as in a browser.
    expect(window.options.webPreferences?.preload).toBeUndefined();
    expect(await about(url())).toBe(TIMED_SLIDES);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    await closeWindow(electron);
  });

  it('keeps out of the way of a kiosk on the same computer', async () => {
    const kioskData = join(appData, 'clinic-kiosk');
    const { electron } = await launchWindow(['--preview'], ({ app }) => {
      app.requestSingleInstanceLock.mockImplementation(() => {
        // Its own data folder, and so its own lock, before the lock is taken.
        expect(app.setPath).toHaveBeenCalledWith('userData', join(appData, 'clinic-kiosk-preview'));
        return true;
      });
    });
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(readFileSync(join(appData, 'clinic-kiosk-preview', 'logs', 'preview.log'), 'utf8')).toContain(
      'the preview is starting',
    );
    // Nothing of the kiosk's: no log, no record of use, no PIN, no IPC, no app scheme.
    expect(existsSync(kioskData)).toBe(false);
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(electron.powerSaveBlocker.started.size).toBe(0);
    // The content is read by a utility process, as in the kiosk.
    expect(electron.utilityProcess.fork).toHaveBeenCalled();
    await closeWindow(electron);
  });

  it("shows what this computer's kiosk would show when given no folder", async () => {
    const { electron, url } = await launchWindow(['--preview']);
    expect(await about(url())).toBe(THREE_SLIDES);
    await closeWindow(electron);
  });

  it('shows the window only its own pages: no other address, no new window, no permission', async () => {
    const { electron, window, url } = await launchWindow(['--preview']);
    const contents = window.webContents;
    const navigate = (event: string, to: string) => {
      const details = electron.fakeEvent({ url: to });
      contents.emit(event, details, to);
      return details.defaultPrevented;
    };
    expect(navigate('will-navigate', 'https://example.org/')).toBe(true);
    expect(navigate('will-frame-navigate', 'http://127.0.0.1:1/')).toBe(true);
    expect(navigate('will-frame-navigate', new URL('/', url()).href)).toBe(false);
    expect(navigate('will-navigate', new URL('/workbench', url()).href)).toBe(false);
    expect(contents.windowOpenHandler?.({ url: new URL('/', url()).href })).toEqual({ action: 'deny' });
    const granted = vi.fn();
    electron.session.defaultSession.permissionRequestHandler?.(contents, 'media', granted, {});
    expect(granted).toHaveBeenCalledWith(false);
    // The kiosk's own keyboard lockdown is not there: staff may reload and zoom.
    const key = electron.fakeEvent();
    contents.emit('before-input-event', key, { type: 'keyDown', key: 'F5', control: false });
    expect(key.defaultPrevented).toBe(false);
    await closeWindow(electron);
  });

  it('never serves the record of use, even of a kiosk on this computer whose content it shows', async () => {
    // The installed kiosk's data folder: its content folder, and beside it its record of use.
    const kioskData = join(appData, 'clinic-kiosk');
    cpSync(THREE_SLIDES, join(kioskData, 'content'), { recursive: true });
    mkdirSync(join(kioskData, 'usage'));
    const record = '{"type":"session-start","at":1764500000000,"session":"patient-session-1"}\n';
    writeFileSync(join(kioskData, 'usage', '2026-11-30.jsonl'), record);
    vi.stubEnv('KIOSK_CONTENT_DIR', join(kioskData, 'content'));
    const { electron, url } = await launchWindow(['--preview']);
    expect(await about(url())).toBe(join(kioskData, 'content'));
    for (const path of [
      '/api/usage',
      '/api/usage-summary',
      '/api/report',
      '/usage/2026-11-30.jsonl',
      '/../usage/2026-11-30.jsonl',
      '/content/../../usage/2026-11-30.jsonl',
      '/content/%2e%2e/%2e%2e/usage/2026-11-30.jsonl',
      '/content/..%2f..%2fusage%2f2026-11-30.jsonl',
    ]) {
      const answer = await getRaw(url(), path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('patient-session-1');
    }
    // No way in from the page either: no IPC at all, so no usage summary for a staff panel.
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(readdirSync(join(kioskData, 'usage'))).toEqual(['2026-11-30.jsonl']);
    expect(readFileSync(join(kioskData, 'usage', '2026-11-30.jsonl'), 'utf8')).toBe(record);
    await closeWindow(electron);
  });

  it('says in a dialog box why it cannot start as asked, and quits', async () => {
    const { app, dialog, BrowserWindow } = await launch(['--preview', '--content', join(appData, 'nowhere')]);
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Clinic Kiosk Preview could not start',
      `There is no content folder at ${join(appData, 'nowhere')}.`,
    );
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('opens a folder staff choose, and shows it again next time', async () => {
    const first = await launchWindow(['--preview'], ({ dialog }) => {
      dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [TIMED_SLIDES] });
    });
    const before = first.url();
    click(menuItem(first.electron, 'Open content folder…'));
    await vi.waitFor(() => expect(first.url()).not.toBe(before));
    expect(first.electron.dialog.showOpenDialog).toHaveBeenCalledWith(
      first.window,
      expect.objectContaining({ properties: ['openDirectory'], defaultPath: THREE_SLIDES }),
    );
    expect(await about(first.url())).toBe(TIMED_SLIDES);
    // The server it showed before is gone, with its temporary pictures.
    await expect(fetch(before)).rejects.toThrow();
    await vi.waitFor(() =>
      expect(readFileSync(join(appData, 'clinic-kiosk-preview', 'preview.json'), 'utf8')).toContain(
        TIMED_SLIDES.replaceAll('\\', '\\\\'),
      ),
    );
    await closeWindow(first.electron);

    const again = await launchWindow(['--preview']);
    expect(await about(again.url())).toBe(TIMED_SLIDES);
    click(menuItem(again.electron, "Show this computer's kiosk content"));
    await vi.waitFor(async () => expect(await about(again.url())).toBe(THREE_SLIDES));
    expect(JSON.parse(readFileSync(join(appData, 'clinic-kiosk-preview', 'preview.json'), 'utf8'))).toEqual(
      {},
    );
    await closeWindow(again.electron);
  });

  it('refuses a folder that is not a content folder, saying which folder to choose', async () => {
    const empty = join(appData, 'photos');
    mkdirSync(empty);
    const { electron, url } = await launchWindow(['--preview'], ({ dialog }) => {
      dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [empty] });
    });
    const before = url();
    click(menuItem(electron, 'Open content folder…'));
    await vi.waitFor(() =>
      expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
        expect.anything(),
        expect.objectContaining({
          message: 'That folder is not a content folder.',
          detail: `There is no kiosk.yaml in ${empty}. Choose the folder that holds kiosk.yaml and the slides folder.`,
        }),
      ),
    );
    expect(url()).toBe(before);
    expect(existsSync(join(appData, 'clinic-kiosk-preview', 'preview.json'))).toBe(false);
    await closeWindow(electron);
  });

  it("tells staff when the folder opened last time is gone, and shows the kiosk's content", async () => {
    const gone = join(appData, 'usb-stick', 'content');
    mkdirSync(join(appData, 'clinic-kiosk-preview'), { recursive: true });
    writeFileSync(
      join(appData, 'clinic-kiosk-preview', 'preview.json'),
      JSON.stringify({ contentFolder: gone }),
    );
    const { electron, url } = await launchWindow(['--preview']);
    expect(await about(url())).toBe(THREE_SLIDES);
    const warnings = electron.dialog.showMessageBox.mock.calls.map(([, options]) => options);
    expect(warnings).toContainEqual({
      type: 'warning',
      title: 'Clinic Kiosk Preview',
      message: `The content folder you opened last time is not there any more: ${gone}. The preview shows this computer's kiosk content instead. Open another with File, Open content folder.`,
    });
    await closeWindow(electron);
  });

  it('opens the folder shown in the file manager, for staff to edit', async () => {
    const { electron } = await launchWindow(['--preview', '--content', TIMED_SLIDES]);
    click(menuItem(electron, 'Show the content folder'));
    await vi.waitFor(() => expect(electron.shell.openPath).toHaveBeenCalledWith(TIMED_SLIDES));
    await closeWindow(electron);
  });

  it('brings the open preview forward when the shortcut is clicked again', async () => {
    const { electron, window } = await launchWindow(['--preview']);
    window.minimized = true;
    electron.app.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    await closeWindow(electron);

    const second = await launch(['--preview'], ({ app }) =>
      app.requestSingleInstanceLock.mockReturnValue(false),
    );
    expect(second.app.quit).toHaveBeenCalledTimes(1);
    expect(second.app.whenReady).not.toHaveBeenCalled();
  });

  it('stops its server before it quits', async () => {
    const { electron, url } = await launchWindow(['--preview']);
    const workbench = url();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    const quitting = electron.fakeEvent();
    electron.app.emit('will-quit', quitting);
    expect(quitting.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(2));
    await expect(fetch(workbench)).rejects.toThrow();
    const last = electron.fakeEvent();
    electron.app.emit('will-quit', last);
    expect(last.defaultPrevented).toBe(false);
  });
});
