/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// These tests run code inside the page as well as in Node.
import type { Page } from '@playwright/test';
import { expect, slideHeading, tapScreen, test } from './support/preview';

/** Everything a patient must read lies fully inside the screen, and the page never scrolls. */
async function expectNothingCutOff(page: Page) {
  const report = await page.evaluate(() => {
    const outside = [...document.querySelectorAll<HTMLElement>('h1, h2, p, button, img, footer')]
      .filter((element) => element.getClientRects().length > 0 && !element.closest('[inert]'))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.left < -1 || box.top < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1;
      })
      .map((element) => `${element.tagName} "${element.textContent.trim().slice(0, 40)}"`);
    const root = document.documentElement;
    return { outside, scrolls: root.scrollWidth > innerWidth || root.scrollHeight > innerHeight };
  });
  expect(report.outside).toEqual([]);
  expect(report.scrolls).toBe(false);
}

test.describe('layout with the bundled content', () => {
  test.use({ content: './content' });

  test('fits every slide on screen in the loop and in touch mode', async ({ kiosk }) => {
    const count = Number((await kiosk.getByText(/^1 of \d+$/).innerText()).split(' of ')[1]);
    expect(count).toBeGreaterThanOrEqual(5);
    await tapScreen(kiosk);
    for (let slide = 1; slide <= count; slide += 1) {
      await expect(kiosk.getByText(`${slide} of ${count}`, { exact: true })).toBeVisible();
      await kiosk.waitForTimeout(0);
      await expectNothingCutOff(kiosk);
      await kiosk.getByRole('button', { name: 'Next' }).click();
    }
    await kiosk.getByRole('button', { name: 'Back to start' }).click();
    await expect(kiosk.getByText('Touch to learn more')).toBeVisible();
    await expectNothingCutOff(kiosk);
  });

  test('shows the five benefits first, in order', async ({ kiosk }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'All topics' }).click();
    const topics = kiosk.getByRole('dialog', { name: 'Choose a topic' }).getByRole('listitem');
    await expect(topics).toHaveCount(6);
    await expect(topics.first()).toHaveText(/Natural pain relief/);
  });
});

test.describe('layout with one slide and no pictures', () => {
  test.use({ content: 'unsafe-markdown' });

  test('still shows progress and the prompt, and never advances', async ({ kiosk }) => {
    await expect(kiosk.getByText('1 of 1', { exact: true })).toBeVisible();
    await kiosk.clock.runFor(120_000);
    await expect(slideHeading(kiosk, 'Script in content')).toBeVisible();
    await expectNothingCutOff(kiosk);
  });
});
