import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editableCopyOf } from './support/content-copy';
import { expect, slideHeading, tapScreen, test, ANY_SCREEN } from './support/preview';

const ATKINSON_BOLD = join(
  __dirname,
  '../../node_modules/@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin-700-normal.woff2',
);

test.describe('the clinic’s own look', () => {
  test.use({ content: 'brand' });

  test('colours every screen with the clinic’s palette under the page’s CSP, with its logo in the header', async ({
    kiosk,
  }, testInfo) => {
    const violations: string[] = [];
    kiosk.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    await expect(kiosk.getByRole('heading', { level: 1 })).toHaveCSS('color', 'rgb(122, 46, 142)');
    await expect(kiosk.locator('html')).toHaveCSS('background-color', 'rgb(251, 248, 243)');
    await expect(slideHeading(kiosk, 'Welcome to Riverside')).toHaveCSS('color', 'rgb(42, 34, 51)');
    const logo = kiosk.locator('header img.logo');
    await expect(logo).toHaveAttribute('src', /^content\/images\/logo\.svg\?v=/);
    await expect(logo).toHaveJSProperty('naturalWidth', 240);
    await kiosk.screenshot({ path: testInfo.outputPath('brand-loop.png') });
    await tapScreen(kiosk);
    await expect(kiosk.getByRole('button', { name: 'Learn more' })).toHaveCSS(
      'background-color',
      'rgb(122, 46, 142)',
    );
    await expect.poll(() => kiosk.evaluate(() => document.getAnimations().length)).toBe(0);
    await kiosk.screenshot({ path: testInfo.outputPath('brand-touch.png') });
    await kiosk.getByRole('button', { name: 'All topics' }).click();
    await expect.poll(() => kiosk.evaluate(() => document.getAnimations().length)).toBe(0);
    await kiosk.screenshot({ path: testInfo.outputPath('brand-topics.png') });
    expect(violations).toEqual([]);
  });
});

test.describe('the clinic’s look, changed while the kiosk runs', ANY_SCREEN, () => {
  test.use({ content: editableCopyOf('brand') });

  test('refuses colours that would make text hard to read, and keeps the last good ones', async ({
    kiosk,
    content,
  }) => {
    const file = join(content, 'kiosk.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"#7a2e8e"', '"#d9b8e0"'));
    const marker = kiosk.getByRole('button', { name: 'Content problems' });
    await expect(marker).toBeVisible({ timeout: 2000 });
    await expect(marker).toHaveAttribute('title', /brand\.accent "#d9b8e0" is 1\.\d:1 on the background/);
    await expect(kiosk.getByRole('heading', { level: 1 })).toHaveCSS('color', 'rgb(122, 46, 142)');
  });

  test('sets Latin text in the clinic’s font', async ({ kiosk, content }) => {
    mkdirSync(join(content, 'fonts'));
    copyFileSync(ATKINSON_BOLD, join(content, 'fonts', 'clinic.woff2'));
    appendFileSync(join(content, 'kiosk.yaml'), '  font: fonts/clinic.woff2\n');
    const heading = slideHeading(kiosk, 'Welcome to Riverside');
    await expect(heading).toHaveCSS('font-family', /^"Clinic Brand"/, { timeout: 2000 });
    await expect
      .poll(() =>
        kiosk.evaluate(
          // Chromium gives a family with a space in it back in quotes.
          () =>
            [...document.fonts].find((face) => face.family.replaceAll('"', '') === 'Clinic Brand')?.status,
        ),
      )
      .toBe('loaded');
  });
});
