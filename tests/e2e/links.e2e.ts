import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editableCopyOf } from './support/content-copy';
import { ANY_SCREEN, expect, slideHeading, tapScreen, test } from './support/preview';
import { readQrCode } from './support/qr';

const BACK_PAIN = 'https://example.org/health/back-pain-exercises?lang=en';

test.describe('a slide’s link', () => {
  test.use({ content: 'links' });

  test('shows as a QR code, a quarter of the screen and more, in the Learn more panel, that reads as the link itself', async ({
    kiosk,
  }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Learn more' }).click();
    const panel = kiosk.getByRole('dialog', { name: 'Back pain at home' });
    const code = panel.getByRole('img', { name: 'QR code: example.org/health/back-pain-exercises' });
    await expect(code).toBeVisible();
    const box = (await code.boundingBox())!;
    const screen = kiosk.viewportSize()!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(
      0.25 * Math.min(screen.width, screen.height),
    );
    await expect.poll(() => readQrCode(code)).toBe(BACK_PAIN);
    await expect(panel.getByText('Scan with your phone camera to read this at home')).toBeVisible();
    await expect(panel.getByText('Exercises on our website')).toBeVisible();
    await expect(panel.getByText('example.org/health/back-pain-exercises', { exact: true })).toBeVisible();
  });

  test('shows as a QR code on the slide once a patient touches, not in the loop', async ({ kiosk }) => {
    await expect(slideHeading(kiosk, 'Back pain at home')).toBeVisible();
    await expect(kiosk.getByRole('img', { name: /^QR code/ })).toHaveCount(0);
    await tapScreen(kiosk);
    const code = kiosk.getByRole('img', { name: 'QR code: example.org/health/back-pain-exercises' });
    await expect(code).toBeVisible();
    await expect.poll(() => readQrCode(code)).toBe(BACK_PAIN);

    await kiosk.getByRole('button', { name: 'Next' }).click();
    const sleep = kiosk.getByRole('img', { name: 'QR code: example.org/sleep' });
    await expect(sleep).toBeVisible();
    await expect.poll(() => readQrCode(sleep)).toBe('https://www.example.org/sleep');
    await kiosk.getByRole('button', { name: 'Next' }).click();
    await expect(slideHeading(kiosk, 'Our opening hours')).toBeVisible();
    await expect(kiosk.getByRole('img', { name: /^QR code/ })).toHaveCount(0);
  });

  test(
    'keeps the slide’s link in a translation, with the translation’s words',
    ANY_SCREEN,
    async ({ kiosk }) => {
      await tapScreen(kiosk);
      await kiosk.getByRole('button', { name: 'Español' }).click();
      await kiosk.getByRole('button', { name: 'Saber más' }).click();
      const panel = kiosk.getByRole('dialog', { name: 'El dolor de espalda en casa' });
      const code = panel.getByRole('img', { name: 'Código QR: example.org/health/back-pain-exercises' });
      await expect.poll(() => readQrCode(code)).toBe(BACK_PAIN);
      await expect(panel.getByText('Escanee con la cámara de su teléfono para leerlo en casa')).toBeVisible();
      await expect(panel.getByText('Ejercicios en nuestra web')).toBeVisible();
    },
  );

  test(
    'is never opened by the screen: nothing on it links anywhere, and a tap on the code goes nowhere',
    ANY_SCREEN,
    async ({ kiosk, context }) => {
      const start = kiosk.url();
      const requests: string[] = [];
      kiosk.on('request', (request) => requests.push(request.url()));
      await tapScreen(kiosk);
      await kiosk.getByRole('button', { name: 'Learn more' }).click();
      await expect(kiosk.locator('a[href], [href]:not(link)')).toHaveCount(0);
      await kiosk
        .getByRole('dialog')
        .getByRole('img', { name: /^QR code/ })
        .tap();
      await kiosk
        .getByRole('dialog')
        .getByText('example.org/health/back-pain-exercises', { exact: true })
        .tap();
      expect(kiosk.url()).toBe(start);
      expect(context.pages()).toHaveLength(1);
      expect(requests.filter((url) => url.includes('example.org'))).toEqual([]);
    },
  );
});

test.describe('a slide’s link in the loop', () => {
  test.use({ content: editableCopyOf('links') });

  test(
    'shows as a QR code in the loop too when kiosk.yaml says qr_code: show',
    ANY_SCREEN,
    async ({ kiosk, content }) => {
      await expect(kiosk.getByRole('img', { name: /^QR code/ })).toHaveCount(0);
      const settings = join(content, 'kiosk.yaml');
      writeFileSync(
        settings,
        readFileSync(settings, 'utf8').replace(
          '  languages: default',
          '  languages: default\n  qr_code: show',
        ),
      );
      const code = kiosk.getByRole('img', { name: 'QR code: example.org/health/back-pain-exercises' });
      await expect(code).toBeVisible({ timeout: 10_000 });
      await expect(kiosk.getByText('Touch to learn more')).toBeVisible();
      await expect.poll(() => readQrCode(code)).toBe(BACK_PAIN);
    },
  );
});
