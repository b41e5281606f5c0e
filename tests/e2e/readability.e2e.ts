import { lowContrastTexts } from './support/contrast';
import { expect, tapScreen, test } from './support/preview';

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
