import { isAbsolute, join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { startPreviewServer } from '../../../src/preview/server';
import { parseWallTime } from '../../../src/node/time/wall-time';

const ROOT = join(__dirname, '../../..');
const START_TIME = Date.parse('2026-03-02T09:00:00Z');

export interface PreviewFixtures {
  /**
   * The content folder the kiosk shows: a name under tests/fixtures/, ./path from the repository
   * root, or an absolute path (a copy in a temporary folder that a test edits).
   */
  content: string;
  /** `--at`: the moment the preview shows, as staff type it ("2026-12-07 19:30"); empty: the present. */
  at: string;
  kioskUrl: string;
  /** The kiosk open in the page, with the page's clock under the test's control. */
  kiosk: Page;
}

export const test = base.extend<PreviewFixtures>({
  content: ['three-slides', { option: true }],
  at: ['', { option: true }],
  kioskUrl: async ({ content, at }, use) => {
    const contentDir = isAbsolute(content)
      ? content
      : content.startsWith('./')
        ? join(ROOT, content)
        : join(ROOT, 'tests/fixtures', content);
    const moment = at === '' ? undefined : parseWallTime(at, 'start');
    if (typeof moment === 'string') throw new Error(`at ${moment}`);
    const server = await startPreviewServer({
      contentDir,
      rendererDir: join(ROOT, 'out/renderer'),
      port: 0,
      ...(moment === undefined ? {} : { at: moment }),
    });
    await use(server.url);
    await server.close();
  },
  kiosk: async ({ page, kioskUrl }, use) => {
    await openWithPausedClock(page, kioskUrl);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await use(page);
  },
});

/**
 * Opens the kiosk with the page's clock paused: its timers move only when a test runs the clock,
 * however slow the machine. For screens that show no slide at first (an urgent notice, the closed
 * screen); the `kiosk` fixture waits for the first slide.
 */
export async function openWithPausedClock(page: Page, url: string): Promise<void> {
  await page.clock.install({ time: START_TIME });
  await page.clock.pauseAt(START_TIME + 1000);
  await page.goto(url);
}

export { expect };

/**
 * For tests whose outcome does not depend on the screen's size or shape (timing, content,
 * security): they run in the landscape project only, not once per screen.
 */
export const ANY_SCREEN = { tag: '@any-screen' };

/** A finger dragged across the screen, as Chromium receives it from a touchscreen. */
export async function swipe(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let step = 1; step <= 5; step += 1) {
    const point = { x: from.x + ((to.x - from.x) * step) / 5, y: from.y + ((to.y - from.y) * step) / 5 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

export function slideHeading(page: Page, title: string) {
  return page.getByRole('heading', { level: 2, name: title, exact: true });
}

/** Taps the middle of the screen: the patient's first touch on the attract loop. */
export async function tapScreen(page: Page) {
  const size = page.viewportSize() ?? { width: 1920, height: 1080 };
  await page.touchscreen.tap(size.width / 2, size.height / 3);
}

/**
 * A finger on the middle of `target`. For "I'm still here": the touch itself answers the prompt,
 * which is gone before a mouse click's checks are over.
 */
export async function tapCentre(page: Page, target: Locator) {
  const box = await target.boundingBox();
  if (box === null) throw new Error('nothing to tap: the element is not on screen');
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}
