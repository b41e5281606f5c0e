/// <reference lib="dom" />
// These tests run code inside the page as well as in Node.
import { symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Locator } from '@playwright/test';
import { editableCopyOf } from './support/content-copy';
import { expect, tapScreen, test, ANY_SCREEN } from './support/preview';

/** Loaded, and drawn whole inside its box: scaled to fit, never stretched or cropped. */
async function expectWholePicture(picture: Locator) {
  await expect(picture).toHaveJSProperty('complete', true);
  const drawn = await picture.evaluate((image: HTMLImageElement) => ({
    naturalWidth: image.naturalWidth,
    fit: getComputedStyle(image).objectFit,
    width: image.getBoundingClientRect().width,
    height: image.getBoundingClientRect().height,
  }));
  expect(drawn.naturalWidth).toBeGreaterThan(0);
  expect(drawn.fit).toBe('contain');
  expect(drawn.width).toBeGreaterThan(100);
  expect(drawn.height).toBeGreaterThan(100);
}

test.describe('pictures', () => {
  test('shows a slide’s picture in the loop and in touch mode', async ({ kiosk }) => {
    const picture = kiosk.getByRole('article', { name: 'First slide' }).locator('img');
    await expect(picture).toHaveAttribute('src', /^content\/images\/square\.svg\?v=/);
    await expectWholePicture(picture);
    await tapScreen(kiosk);
    await expect(kiosk.getByRole('button', { name: 'Next' })).toBeVisible();
    await expectWholePicture(picture);
  });
});

test.describe('the content folder seen from the browser', ANY_SCREEN, () => {
  test.use({ content: editableCopyOf('three-slides') });

  test('serves its pictures and refuses every path that leads elsewhere', async ({
    request,
    kioskUrl,
    content,
  }) => {
    const outside = join(dirname(content), 'outside.svg');
    writeFileSync(outside, '<svg xmlns="http://www.w3.org/2000/svg"><title>SECRET</title></svg>');
    symlinkSync(outside, join(content, 'images', 'shortcut.svg'));

    expect((await request.get(`${kioskUrl}content/images/square.svg`)).status()).toBe(200);
    for (const path of [
      'content/../outside.svg',
      'content/%2e%2e/outside.svg',
      'content/images/..%2f..%2foutside.svg',
      'content/images/shortcut.svg',
      'content/kiosk.yaml',
      'content/slides/01-first.md',
    ]) {
      const response = await request.get(`${kioskUrl}${path}`);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).not.toContain('SECRET');
    }
  });
});
