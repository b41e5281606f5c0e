// @ts-check
// The Chromium the end-to-end tests and the benchmark drive, and how they start it.
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** KIOSK_CHROMIUM if set, else Debian's Chromium where installed (CI), else Playwright's own (undefined). */
export function chromiumPath() {
  return process.env.KIOSK_CHROMIUM ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
}

/**
 * Quiet runs: nothing fetched or updated in the background while the page is measured or tested.
 * @type {readonly string[]}
 */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
