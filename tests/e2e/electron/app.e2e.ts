import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from '../../../scripts/electron-binary.mjs';

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

test.describe('the kiosk app in Electron', () => {
  test.skip(!binary.exists, SKIP_REASON);
  // One app for the whole file: a second copy would meet the single-instance lock and quit.
  test.describe.configure({ mode: 'serial' });

  let launched: ElectronApplication | undefined;
  let page: Page;
  const app = (): ElectronApplication => {
    if (launched === undefined) throw new Error('the app did not launch');
    return launched;
  };

  test.beforeAll(async () => {
    launched = await electron.launch({
      executablePath: binary.path,
      args: [root, '--content', fixture],
      cwd: root,
    });
    page = await launched.firstWindow();
  });

  test.afterAll(async () => {
    await launched?.close();
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
});
