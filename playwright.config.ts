import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

/**
 * The renderer is tested in a real Chromium: the one named by KIOSK_CHROMIUM, otherwise Debian's
 * where it is installed (CI), otherwise Playwright's own. The Electron tests need no browser.
 */
const executablePath = chromiumPath();

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  reporter: [['list']],
  use: {
    launchOptions: {
      ...(executablePath === undefined ? {} : { executablePath }),
      args: ['--disable-gpu', ...CHROMIUM_ARGS],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'landscape',
      testIgnore: 'electron/**',
      use: { viewport: { width: 1920, height: 1080 }, hasTouch: true },
    },
    {
      name: 'portrait',
      testIgnore: 'electron/**',
      // Tests that do not depend on the screen's shape run once, in landscape.
      grepInvert: /@any-screen/,
      use: { viewport: { width: 1080, height: 1920 }, hasTouch: true },
    },
    {
      name: 'electron',
      testMatch: 'electron/**/*.e2e.ts',
    },
  ],
});
