import type { Page } from '@playwright/test';
import type { UsageSummary } from '../../src/shared/usage';
import { fakeCalls, installFakeKiosk, OPEN, SAMPLE_STATUS } from './support/fake-kiosk';
import { expect, tapScreen, test, ANY_SCREEN } from './support/preview';

const PIN = '2468';

const USAGE: UsageSummary = {
  days: Array.from({ length: 30 }, (_, index) => ({
    date: new Date(Date.UTC(2026, 1, 1 + index)).toISOString().slice(0, 10),
    sessions: [0, 3, 5, 2, 8, 0, 1][index % 7] ?? 0,
  })),
  topics: [
    { id: '01-first', title: 'First slide', count: 41 },
    { id: '03-third', title: 'Third slide', count: 17 },
    { id: '02-second', title: 'Second slide', count: 1 },
  ],
  languages: [
    { language: 'en', sessions: 60 },
    { language: 'es', sessions: 20 },
  ],
  recording: true,
};

async function openKiosk(page: Page, kioskUrl: string) {
  await installFakeKiosk(page, { pin: PIN, schedule: OPEN, status: SAMPLE_STATUS, usage: USAGE });
  await page.clock.install({ time: Date.parse('2026-03-02T09:00:00Z') });
  await page.clock.pauseAt(Date.parse('2026-03-02T09:00:01Z'));
  await page.goto(kioskUrl);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
}

test.describe('what was shown and how it was used', () => {
  test('is noted in the page and sent to the kiosk in batches', ANY_SCREEN, async ({ page, kioskUrl }) => {
    await openKiosk(page, kioskUrl);
    await page.clock.runFor(2_000);
    await tapScreen(page);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Learn more' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'All topics' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'First slide' }).click();
    await page.getByRole('button', { name: 'Back to start' }).click();
    await expect(page.getByText('Touch to learn more')).toBeVisible();
    // Nothing is sent while the patient uses the screen: it goes in one batch, two seconds later.
    expect((await fakeCalls(page)).filter((call) => call.startsWith('usage:'))).toEqual([]);
    await page.clock.runFor(2_000);
    expect((await fakeCalls(page)).filter((call) => call.startsWith('usage:'))).toEqual([
      // The loop's first slide for its two seconds, then the second until the touch.
      'usage:shown:01-first',
      'usage:shown:02-second',
      'usage:viewed:02-second',
      'usage:viewed:03-third',
      'usage:details:03-third',
      'usage:topics',
      'usage:viewed:01-first',
      'usage:session',
    ]);
  });

  test('shows staff the last 30 days at a glance', async ({ page, kioskUrl }, testInfo) => {
    await openKiosk(page, kioskUrl);
    for (let tap = 0; tap < 5; tap += 1) await page.touchscreen.tap(30, 30);
    const pad = page.getByRole('dialog', { name: 'Staff access' });
    for (const digit of PIN) await pad.getByRole('button', { name: `Digit ${digit}` }).click();
    await pad.getByRole('button', { name: 'Unlock' }).click();
    const panel = page.getByRole('dialog', { name: 'Staff panel' });
    await expect(panel.getByText('79 touch sessions in the last 30 days')).toBeVisible();
    await expect(panel.getByRole('img', { name: /2026-02-05: 8 sessions/ })).toBeVisible();
    await expect(panel.getByRole('listitem').filter({ hasText: 'First slide' })).toContainText('41 times');
    await expect(panel.getByRole('listitem').filter({ hasText: 'Spanish' })).toContainText('25%');
    await panel.getByText('Last 30 days', { exact: true }).scrollIntoViewIfNeeded();
    await expect.poll(() => page.evaluate(() => document.getAnimations().length)).toBe(0);
    await page.screenshot({ path: testInfo.outputPath('staff-usage.png') });
  });
});
