import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from '../../../scripts/electron-binary.mjs';
import { hashPin, writePin } from '../../../src/node/pin-store';

const root = resolve(__dirname, '../../..');
const fixture = resolve(root, 'tests/fixtures/three-slides');

// Found exactly as `npm start` finds it, and never by loading the electron package (which would
// try to download a binary).
const binary = findElectronBinary({
  env: process.env,
  electronDir: dirname(createRequire(resolve(root, 'package.json')).resolve('electron/package.json')),
  platform: process.platform,
});

const SKIP_REASON = 'Electron end-to-end tests skipped: no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH)';
if (!binary.exists) console.log(SKIP_REASON);

/** Page globals seen from the test's side; the Node tsconfig has no DOM types. */
type PageGlobals = Record<string, unknown> & { open(url: string): unknown };
/** window.kiosk, typed loosely: page.evaluate runs these calls in the page, where only the code is sent. */
interface PageWithKiosk {
  kiosk: Record<string, (...args: unknown[]) => Promise<unknown>>;
}

const STAFF_PIN = '482913';

test.describe('the kiosk app in Electron', () => {
  test.skip(!binary.exists, SKIP_REASON);
  // One app for the whole file: a second copy would meet the single-instance lock and quit.
  test.describe.configure({ mode: 'serial' });

  let launched: ElectronApplication | undefined;
  let page: Page;
  let userData: string;
  const app = (): ElectronApplication => {
    if (launched === undefined) throw new Error('the app did not launch');
    return launched;
  };

  test.beforeAll(async () => {
    // A user-data folder of its own: the test's PIN, log and flags never touch a real kiosk's.
    userData = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
    await writePin(userData, await hashPin(STAFF_PIN));
    launched = await electron.launch({
      executablePath: binary.path,
      args: [root, '--content', fixture, '--user-data', userData],
      cwd: root,
    });
    page = await launched.firstWindow();
  });

  test.afterAll(async () => {
    await launched?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('shows its own page, fullscreen, as a kiosk', async () => {
    expect(page.url()).toBe('app://kiosk/index.html');
    await expect
      .poll(() =>
        app().evaluate(({ BrowserWindow }) => {
          const window = BrowserWindow.getAllWindows()[0];
          return {
            fullScreen: window?.isFullScreen(),
            kiosk: window?.isKiosk(),
            visible: window?.isVisible(),
          };
        }),
      )
      .toEqual({ fullScreen: true, kiosk: true, visible: true });
  });

  test('shows the first slide', async () => {
    await expect(page.getByRole('heading', { name: 'First slide' })).toBeVisible();
  });

  test('moves on to the second slide by itself', async () => {
    // Two seconds per slide; a whole loop (2 + 2 + 4 s) is the longest it can take to come round.
    await expect(page.getByRole('heading', { name: 'Second slide' })).toBeVisible({ timeout: 10_000 });
  });

  test('opens no new window', async () => {
    const opened = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).open('https://example.com/'),
    );
    expect(opened).toBeNull();
    expect(await app().evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('gives the page window.kiosk and nothing of Node', async () => {
    const globals = await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      return { kiosk: typeof page.kiosk, require: typeof page.require, process: typeof page.process };
    });
    expect(globals).toEqual({ kiosk: 'object', require: 'undefined', process: 'undefined' });
  });

  test('swallows reload, zoom and devtools shortcuts before the page sees them', async () => {
    await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals & {
        addEventListener(type: string, listener: (event: { key: string }) => void): void;
      };
      page.keysSeen = [];
      page.addEventListener('keydown', (event) => (page.keysSeen as string[]).push(event.key));
    });
    for (const shortcut of [
      'F5',
      'Control+r',
      'Control+Shift+r',
      'Control+Equal',
      'Control+Minus',
      'F12',
      'Control+Shift+i',
    ])
      await page.keyboard.press(shortcut);
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).keysSeen)).toEqual([
      'ArrowRight',
    ]);
    const state = await app().evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents;
      return { zoom: contents?.getZoomLevel(), devTools: contents?.isDevToolsOpened() };
    });
    expect(state).toEqual({ zoom: 0, devTools: false });
  });

  test('tells the page it is open when there are no opening hours', async () => {
    const schedule = (await page.evaluate(() =>
      (globalThis as unknown as PageWithKiosk).kiosk.getSchedule?.(),
    )) as { open: boolean };
    expect(schedule.open).toBe(true);
  });

  test('accepts the mode the page reports, and refuses a made-up one', async () => {
    await page.evaluate(() => (globalThis as unknown as PageWithKiosk).kiosk.reportMode?.('attract'));
    await expect(
      page.evaluate(() => (globalThis as unknown as PageWithKiosk).kiosk.reportMode?.('dancing')),
    ).rejects.toThrow();
  });

  test('opens a staff session with the PIN set for this kiosk only', async () => {
    expect(
      await page.evaluate(() => (globalThis as unknown as PageWithKiosk).kiosk.getStaffStatus?.()),
    ).toEqual({
      ok: false,
      reason: 'no-session',
    });
    expect(
      await page.evaluate(() => (globalThis as unknown as PageWithKiosk).kiosk.verifyPin?.('000000')),
    ).toMatchObject({
      result: 'wrong',
    });
    expect(
      await page.evaluate(
        (pin) => (globalThis as unknown as PageWithKiosk).kiosk.verifyPin?.(pin),
        STAFF_PIN,
      ),
    ).toMatchObject({
      result: 'ok',
    });
    const reply = (await page.evaluate(() =>
      (globalThis as unknown as PageWithKiosk).kiosk.getStaffStatus?.(),
    )) as {
      ok: boolean;
      status: { contentDir: string; logFile: string; content: { slides: number } };
    };
    expect(reply.ok).toBe(true);
    expect(reply.status.contentDir).toBe(fixture);
    expect(reply.status.content.slides).toBe(3);
    expect(reply.status.logFile).toBe(join(userData, 'logs', 'kiosk.log'));
    await page.evaluate(() => (globalThis as unknown as PageWithKiosk).kiosk.endStaffSession?.());
  });

  test('writes its log in the user-data folder, without the PIN', () => {
    const logFile = join(userData, 'logs', 'kiosk.log');
    expect(existsSync(logFile)).toBe(true);
    const text = readFileSync(logFile, 'utf8');
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO the kiosk is starting/m);
    expect(text).toContain('wrong staff PIN');
    expect(text).not.toContain(STAFF_PIN);
  });

  // Last: the page is replaced by a new one.
  test('reloads the page by itself after its renderer crashes', async () => {
    await app().evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer(),
    );
    await expect
      .poll(
        () =>
          app().evaluate(({ BrowserWindow }) => {
            const contents = BrowserWindow.getAllWindows()[0]?.webContents;
            return (
              contents !== undefined && !contents.isCrashed() && !contents.isLoading() && contents.getURL()
            );
          }),
        { timeout: 20_000 },
      )
      .toBe('app://kiosk/index.html');
    expect(readFileSync(join(userData, 'logs', 'kiosk.log'), 'utf8')).toMatch(
      /the page failed \(killed\); reloading it/,
    );
  });
});
