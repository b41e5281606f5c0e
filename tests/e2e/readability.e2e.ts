/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// These tests run code inside the page as well as in Node.
import type { Page } from '@playwright/test';
import { expect, tapScreen, test } from './support/preview';

/** Every piece of visible text, with its contrast ratio against the background actually behind it. */
function lowContrastTexts(page: Page) {
  return page.evaluate(() => {
    const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const linear = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const backgroundOf = (element: Element | null): number[] => {
      for (let node = element; node; node = node.parentElement) {
        const [r = 0, g = 0, b = 0, alpha = 1] = channels(getComputedStyle(node).backgroundColor);
        if (alpha >= 0.99) return [r, g, b];
      }
      return channels(getComputedStyle(document.documentElement).backgroundColor);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const failures: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!element || text === '' || !element.checkVisibility({ opacityProperty: true })) continue;
      if (element.closest('[inert], .backdrop') && !element.closest('[role="dialog"], [role="alertdialog"]'))
        continue;
      const foreground = luminance(channels(getComputedStyle(element).color));
      const background = luminance(backgroundOf(element));
      const ratio = (Math.max(foreground, background) + 0.05) / (Math.min(foreground, background) + 0.05);
      if (ratio < 4.5) failures.push(`"${text.slice(0, 30)}" ${ratio.toFixed(2)}:1`);
    }
    return failures;
  });
}

test.describe('readability', () => {
  test.use({ content: './content' });

  test('keeps every text at a contrast of at least 4.5:1, in the loop, in touch mode and in the panels', async ({
    kiosk,
  }) => {
    await kiosk.clock.runFor(0);
    expect(await lowContrastTexts(kiosk)).toEqual([]);
    await tapScreen(kiosk);
    await expect(kiosk.getByRole('button', { name: 'Next' })).toBeVisible();
    expect(await lowContrastTexts(kiosk)).toEqual([]);
    await kiosk.getByRole('button', { name: 'Learn more' }).click();
    await expect(kiosk.getByRole('dialog')).toBeVisible();
    expect(await lowContrastTexts(kiosk)).toEqual([]);
    await kiosk.getByRole('button', { name: 'Close' }).click();
    await kiosk.clock.runFor(60_000);
    await expect(kiosk.getByRole('alertdialog')).toBeVisible();
    expect(await lowContrastTexts(kiosk)).toEqual([]);
  });

  test('loads everything, fonts included, from the kiosk itself and nothing from the network', async ({
    page,
    kioskUrl,
  }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(kioskUrl);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    const fonts = await page.evaluate(() =>
      [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family),
    );
    expect(fonts).toContain('Atkinson Hyperlegible Next');
    expect(requests.filter((url) => !url.startsWith(kioskUrl))).toEqual([]);
  });
});
