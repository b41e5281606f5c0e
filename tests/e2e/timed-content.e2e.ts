import type { Page } from '@playwright/test';
import { expect, openWithPausedClock, slideHeading, tapScreen, test, ANY_SCREEN } from './support/preview';

/** The titles in the list of all topics, as a patient sees it (touching the loop first if need be). */
async function topics(page: Page): Promise<string[]> {
  const all = page.getByRole('button', { name: 'All topics' });
  if (!(await all.isVisible())) await tapScreen(page);
  await all.click();
  const list = page.getByRole('dialog', { name: 'Choose a topic' });
  const titles = await list.locator('.label').allTextContents();
  await list.getByRole('button', { name: 'Close' }).click();
  return titles;
}

test.describe('slides by day, time and date', ANY_SCREEN, () => {
  test.use({ content: 'timed-slides' });

  test.describe('on a weekday morning in December', () => {
    test.use({ at: '2026-12-07 10:00' });

    test('shows the weekday morning and the December slides, not the Saturday one', async ({ kiosk }) => {
      expect(await topics(kiosk)).toEqual(['Welcome', 'Morning flu clinic', 'Christmas opening hours']);
    });

    test('names the moment shown in a note for staff', async ({ kiosk }) => {
      await expect(kiosk.getByRole('note')).toHaveText(
        'Preview for staff: the kiosk as at Monday 7 December 2026 at 10:00 (Europe/London); time runs on from there.',
      );
    });
  });

  test.describe('on a Saturday', () => {
    test.use({ at: '2026-12-12 10:00' });

    test('shows the Saturday slide and no weekday one', async ({ kiosk }) => {
      expect(await topics(kiosk)).toEqual(['Welcome', 'Saturday opening', 'Christmas opening hours']);
    });
  });

  test.describe('after the last day of a slide', () => {
    test.use({ at: '2026-12-28 10:00' });

    test('no longer shows it', async ({ kiosk }) => {
      expect(await topics(kiosk)).toEqual(['Welcome', 'Morning flu clinic']);
    });
  });

  test.describe('at the end of a slide’s hours', () => {
    test.use({ at: '2026-12-07 11:59' });

    test('changes the loop at noon, without a reload', async ({ kiosk }) => {
      await expect(kiosk.getByText('1 of 3', { exact: true })).toBeVisible();
      await kiosk.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });
      await kiosk.clock.runFor(61_000);
      await expect(kiosk.getByText(/ of 2$/)).toBeVisible();
      expect(await kiosk.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
        true,
      );
      expect(await topics(kiosk)).toEqual(['Welcome', 'Christmas opening hours']);
    });
  });
});

test.describe('the closed screen at a moment outside opening hours', ANY_SCREEN, () => {
  test.use({ content: 'timed-slides', at: '2026-12-07 19:30' });

  test('is black, says so to staff, and wakes for a touch to that day’s slides', async ({
    page,
    kioskUrl,
  }) => {
    await openWithPausedClock(page, kioskUrl);
    const closed = page.getByTestId('closed-screen');
    await expect(closed).toBeVisible();
    await expect(page.getByRole('note')).toContainText('Monday 7 December 2026 at 19:30 (Europe/London)');
    await tapScreen(page);
    await expect(closed).toBeHidden();
    await expect(slideHeading(page, 'Welcome')).toBeVisible();
    expect(await topics(page)).toEqual(['Welcome', 'Christmas opening hours']);
  });
});

test.describe('the preview of the present, while the kiosk itself is closed', ANY_SCREEN, () => {
  test.use({ content: 'closed-all-week' });

  test('stays open for staff, and says that the kiosk itself is closed now', async ({ kiosk }) => {
    await expect(slideHeading(kiosk, 'Our hours')).toBeVisible();
    await expect(kiosk.getByTestId('closed-screen')).toBeHidden();
    await expect(kiosk.getByRole('note')).toHaveText(
      'Preview for staff: the kiosk itself is closed now; the preview stays open so you can check the content.',
    );
  });
});

test.describe('the preview of the present, while the kiosk itself is open', ANY_SCREEN, () => {
  test('has no note', async ({ kiosk }) => {
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await expect(kiosk.getByRole('note')).toBeHidden();
  });
});
