import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * The renderer is tested in a real Chromium: Debian's, where it is installed (CI), otherwise the
 * one named by KIOSK_CHROMIUM, otherwise Playwright's own. The Electron tests need no browser.
 */
const chromiumPath =
  process.env.KIOSK_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  reporter: [['list']],
  use: {
    launchOptions: {
      ...(chromiumPath === undefined ? {} : { executablePath: chromiumPath }),
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
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
      use: { viewport: { width: 1080, height: 1920 }, hasTouch: true },
    },
    {
      name: 'electron',
      testMatch: 'electron/**/*.e2e.ts',
    },
  ],
});
