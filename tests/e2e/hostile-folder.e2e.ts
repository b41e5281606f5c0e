/// <reference lib="dom" />
// These tests run code inside the page as well as in Node.
import { hostileFolder } from './support/content-copy';
import { ANY_SCREEN, expect, slideHeading, tapScreen, test } from './support/preview';

interface EventEntry {
  readonly name: string;
  readonly duration: number;
}

test.describe('a content folder full of hostile files', ANY_SCREEN, () => {
  test.use({ content: hostileFolder() });

  test('shows the good slides within ten seconds and answers a touch within 100 ms', async ({
    page,
    kioskUrl,
  }) => {
    const started = Date.now();
    await page.goto(kioskUrl);
    await expect(slideHeading(page, 'First slide')).toBeVisible({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);

    // The browser's own record of how long each part of the touch took to answer (Event Timing).
    await page.evaluate(() => {
      const seen: EventEntry[] = [];
      (window as unknown as { __events: EventEntry[] }).__events = seen;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) seen.push({ name: entry.name, duration: entry.duration });
      }).observe({ type: 'event', buffered: false, durationThreshold: 16 } as PerformanceObserverInit);
    });
    await tapScreen(page);
    await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();
    const slowest = await page.evaluate(() =>
      Math.max(
        0,
        ...(window as unknown as { __events: EventEntry[] }).__events.map((entry) => entry.duration),
      ),
    );
    expect(slowest).toBeLessThan(100);
  });

  test('lists every refused file for staff, each where it is', async ({ page, kioskUrl }) => {
    await page.goto(kioskUrl);
    await page.getByRole('button', { name: 'Content problems' }).click();
    const problems = page.getByRole('region', { name: 'Content problems' });
    for (const file of [
      'slides/04-pipe.md',
      'slides/05-endless.md',
      'slides/10-alias-bomb.md',
      'slides/13-picture-bomb.md',
    ])
      await expect(problems.getByText(file, { exact: false }).first()).toBeVisible();
    await expect(problems.getByText(/more than the 20 the kiosk can show/)).toBeVisible();
  });
});
