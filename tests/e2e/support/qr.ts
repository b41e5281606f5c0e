/// <reference lib="dom" />
import jsQR from 'jsqr';
import type { Locator } from '@playwright/test';

/**
 * What a phone would read from the QR code on screen: a screenshot of it (pixels as drawn, not
 * its markup), decoded by jsQR. The page itself turns the PNG into pixels; undefined when no code
 * can be read.
 */
export async function readQrCode(code: Locator): Promise<string | undefined> {
  // A panel flying in or a slide fading in is read once it has arrived, as a phone would.
  await code.evaluate((element) =>
    Promise.all(
      element.ownerDocument.getAnimations().map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const png = await code.screenshot();
  const image = await code.page().evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width: pixels.width, height: pixels.height, data: [...pixels.data] };
  }, png.toString('base64'));
  return jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)?.data;
}
