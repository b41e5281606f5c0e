/// <reference lib="dom" />
// These tests run code inside the page as well as in Node.
import { symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Locator } from '@playwright/test';
import type { ContentState } from '../../src/shared/content';
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

  test('serves the pictures its slides name, and refuses every path that leads elsewhere', async ({
    request,
    kioskUrl,
    content,
  }) => {
    const outside = join(dirname(content), 'outside.svg');
    writeFileSync(outside, '<svg xmlns="http://www.w3.org/2000/svg"><title>SECRET</title></svg>');
    symlinkSync(outside, join(content, 'images', 'shortcut.svg'));

    const state = (await (await request.get(`${kioskUrl}api/content`)).json()) as ContentState;
    const named = state.deck?.slides[0]?.image ?? '';
    expect((await request.get(`${kioskUrl}${named}`)).status()).toBe(200);
    for (const path of [
      'content/images/square.svg',
      'content/../outside.svg',
      'content/%2e%2e/outside.svg?v=1',
      'content/images/..%2f..%2foutside.svg?v=1',
      'content/images/shortcut.svg?v=1',
      'content/kiosk.yaml',
      'content/slides/01-first.md',
    ]) {
      const response = await request.get(`${kioskUrl}${path}`);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).not.toContain('SECRET');
    }
  });

  test('shows a picture whose name has a per cent sign in it, as the kiosk does', async ({
    page,
    kioskUrl,
    content,
  }) => {
    writeFileSync(
      join(content, 'images', '50%off.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="teal"/></svg>',
    );
    writeFileSync(
      join(content, 'slides', '01-first.md'),
      '---\ntitle: First slide\nsummary: Half price.\nimage: images/50%off.svg\n---\n',
    );
    await page.goto(kioskUrl);
    const picture = page.getByRole('article', { name: 'First slide' }).locator('img');
    await expect(picture).toHaveAttribute('src', /^content\/images\/50%25off\.svg\?v=/, { timeout: 10_000 });
    await expectWholePicture(picture);
  });
});
