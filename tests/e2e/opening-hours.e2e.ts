import type { Page } from '@playwright/test';
import { CLOSED, emitSchedule, fakeCalls, installFakeKiosk, OPEN, SAMPLE_STATUS } from './support/fake-kiosk';
import { expect, slideHeading, tapScreen, test, ANY_SCREEN } from './support/preview';

async function openKiosk(page: Page, kioskUrl: string, schedule = CLOSED) {
  await installFakeKiosk(page, { pin: '2468', schedule, status: SAMPLE_STATUS });
  await page.clock.install({ time: Date.parse('2026-03-02T20:00:00Z') });
  await page.clock.pauseAt(Date.parse('2026-03-02T20:00:01Z'));
  await page.goto(kioskUrl);
}

test.describe('opening hours', ANY_SCREEN, () => {
  test('shows a black screen outside opening hours', async ({ page, kioskUrl }) => {
    await openKiosk(page, kioskUrl);
    const closed = page.getByTestId('closed-screen');
    await expect(closed).toBeVisible();
    await expect(closed).toHaveCSS('background-color', 'rgb(0, 0, 0)');
    await expect.poll(() => fakeCalls(page)).toContain('mode:closed');
  });

  test('wakes for a while on a touch, then goes dark again', async ({ page, kioskUrl }) => {
    await openKiosk(page, kioskUrl);
    await tapScreen(page);
    await expect(page.getByTestId('closed-screen')).toBeHidden();
    await expect(slideHeading(page, 'First slide')).toBeVisible();
    await expect(page.getByText('Touch to learn more')).toBeVisible();
    await page.clock.runFor(119_000);
    await expect(page.getByTestId('closed-screen')).toBeHidden();
    await page.clock.runFor(1_000);
    await expect(page.getByTestId('closed-screen')).toBeVisible();
  });

  test('resumes the loop from the first slide at opening time', async ({ page, kioskUrl }) => {
    await openKiosk(page, kioskUrl);
    await emitSchedule(page, OPEN);
    await expect(page.getByTestId('closed-screen')).toBeHidden();
    await expect(slideHeading(page, 'First slide')).toBeVisible();
    await page.clock.runFor(2000);
    await expect(slideHeading(page, 'Second slide')).toBeVisible();
  });

  test('lets a patient finish when the clinic closes while they read', async ({ page, kioskUrl }) => {
    await openKiosk(page, kioskUrl, OPEN);
    await expect(slideHeading(page, 'First slide')).toBeVisible();
    await tapScreen(page);
    await page.getByRole('button', { name: 'Next' }).click();
    await emitSchedule(page, CLOSED);
    await expect(slideHeading(page, 'Second slide')).toBeVisible();
    await expect(page.getByTestId('closed-screen')).toBeHidden();
    await page.clock.runFor(120_000);
    await expect(page.getByTestId('closed-screen')).toBeVisible();
  });
});
