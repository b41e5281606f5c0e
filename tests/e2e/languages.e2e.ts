import { expect, slideHeading, swipe, tapScreen, test } from './support/preview';

test.describe('several languages', () => {
  test.use({ content: 'content/languages' });

  test('offers each language by its own name, in touch mode only', async ({ kiosk }) => {
    await expect(kiosk.getByRole('button', { name: 'Español' })).toBeHidden();
    await tapScreen(kiosk);
    const languages = kiosk.getByRole('group', { name: 'Language' }).getByRole('button');
    await expect(languages).toHaveText(['English', 'Español']);
    await expect(languages.first()).toHaveAttribute('aria-pressed', 'true');
    await expect(languages.last()).toHaveAttribute('lang', 'es');
    for (const button of await languages.all()) {
      const box = (await button.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(64);
      expect(box.height).toBeGreaterThanOrEqual(64);
    }
  });

  test('switches the slides, the titles and every button to the chosen language', async ({ kiosk }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Español' }).click();
    await expect(slideHeading(kiosk, 'Primera diapositiva')).toBeVisible();
    await expect(kiosk.getByRole('heading', { level: 1, name: 'Clínica de prueba' })).toBeVisible();
    await expect(kiosk.getByText('Aviso de prueba en todas las pantallas.')).toBeVisible();
    await expect(kiosk.locator('html')).toHaveAttribute('lang', 'es');
    await expect(kiosk.getByText('1 de 3', { exact: true })).toBeVisible();

    await kiosk.getByRole('button', { name: 'Siguiente' }).click();
    // Not translated: shown in English, and marked as English for screen readers.
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();
    await expect(kiosk.getByRole('article', { name: 'Second slide' })).toHaveAttribute('lang', 'en');
    await kiosk.getByRole('button', { name: 'Siguiente' }).click();
    await expect(slideHeading(kiosk, 'Tercera diapositiva')).toBeVisible();
    await kiosk.getByRole('button', { name: 'Saber más' }).click();
    await expect(kiosk.getByRole('dialog', { name: 'Tercera diapositiva' })).toContainText(
      'El texto largo de la tercera diapositiva.',
    );
    await kiosk.getByRole('button', { name: 'Cerrar' }).click();
    await kiosk.getByRole('button', { name: 'Temas' }).click();
    await expect(kiosk.getByRole('dialog', { name: 'Elija un tema' })).toBeVisible();
  });

  test('speaks Spanish in the idle prompt, then returns to the loop in the default language', async ({
    kiosk,
  }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Español' }).click();
    await kiosk.clock.runFor(6000);
    const prompt = kiosk.getByRole('alertdialog', { name: '¿Sigue ahí?' });
    await expect(prompt).toBeVisible();
    await expect(prompt.getByText('La pantalla volverá al inicio en 3 segundos.')).toBeVisible();
    await kiosk.clock.runFor(3000);
    await expect(prompt).toBeHidden();
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await expect(kiosk.getByText('Touch to learn more')).toBeVisible();
    await expect(kiosk.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test.describe('the bundled content', () => {
  test.use({ content: './content' });

  test('rotates the loop through each slide in English, then in Spanish', async ({ kiosk }) => {
    await expect(slideHeading(kiosk, 'Natural pain relief')).toBeVisible();
    await expect(kiosk.getByText('Touch to learn more')).toBeVisible();
    await kiosk.clock.runFor(10_000);
    await expect(slideHeading(kiosk, 'Alivio natural del dolor')).toBeVisible();
    await expect(kiosk.getByText('Toque la pantalla para saber más')).toBeVisible();
    await kiosk.clock.runFor(10_000);
    await expect(slideHeading(kiosk, 'Better blood flow')).toBeVisible();
  });

  test('stays in the language that was showing when the patient touched', async ({ kiosk }) => {
    await kiosk.clock.runFor(10_000);
    await expect(slideHeading(kiosk, 'Alivio natural del dolor')).toBeVisible();
    await tapScreen(kiosk);
    await expect(kiosk.getByRole('button', { name: 'Siguiente' })).toBeVisible();
    await expect(kiosk.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');
  });
});

test.describe('a right-to-left language', () => {
  test.use({ content: 'content/right-to-left' });

  test('is laid out from right to left, and a swipe towards the right brings the next slide', async ({
    kiosk,
  }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'العربية' }).click();
    await expect(slideHeading(kiosk, 'تخفيف طبيعي للألم')).toBeVisible();
    await expect(kiosk.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(kiosk.locator('html')).toHaveAttribute('lang', 'ar');

    const size = kiosk.viewportSize()!;
    const middle = size.height / 3;
    await swipe(kiosk, { x: size.width * 0.3, y: middle }, { x: size.width * 0.7, y: middle });
    await expect(slideHeading(kiosk, 'دورة دموية أفضل')).toBeVisible();
    await swipe(kiosk, { x: size.width * 0.7, y: middle }, { x: size.width * 0.3, y: middle });
    await expect(slideHeading(kiosk, 'تخفيف طبيعي للألم')).toBeVisible();

    await kiosk.getByRole('button', { name: 'English' }).click();
    await expect(kiosk.locator('html')).toHaveAttribute('dir', 'ltr');
  });
});
