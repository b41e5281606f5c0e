import { expect, slideHeading, tapScreen, test, ANY_SCREEN } from './support/preview';

test.describe('attract loop', ANY_SCREEN, () => {
  test('shows the first slide with its title, summary, picture, progress, prompt and disclaimer', async ({
    kiosk,
  }) => {
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await expect(kiosk.getByText('The first summary.')).toBeVisible();
    await expect(kiosk.locator('article img')).toHaveAttribute('src', /^content\/images\/square\.svg\?v=/);
    await expect(kiosk.locator('article img')).toHaveJSProperty('complete', true);
    await expect(kiosk.getByText('1 of 3', { exact: true })).toBeVisible();
    await expect(kiosk.getByText('Touch to learn more')).toBeVisible();
    await expect(kiosk.getByText('Test disclaimer shown on every screen.')).toBeVisible();
    await expect(kiosk.getByRole('heading', { level: 1, name: 'Test clinic' })).toBeVisible();
  });

  test('advances in file-name order, honouring each slide’s own time, and wraps around', async ({
    kiosk,
  }) => {
    await kiosk.clock.runFor(2000);
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();
    await expect(slideHeading(kiosk, 'First slide')).toBeHidden();
    await expect(kiosk.getByText('2 of 3', { exact: true })).toBeVisible();
    await kiosk.clock.runFor(2000);
    await expect(slideHeading(kiosk, 'Third slide')).toBeVisible();
    // The third slide sets `seconds: 4`.
    await kiosk.clock.runFor(2500);
    await expect(slideHeading(kiosk, 'Third slide')).toBeVisible();
    await kiosk.clock.runFor(1500);
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
  });

  test('returns to the first slide of the loop after the idle warning ends', async ({ kiosk }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Next' }).click();
    await kiosk.getByRole('button', { name: 'Next' }).click();
    await expect(slideHeading(kiosk, 'Third slide')).toBeVisible();

    await kiosk.clock.runFor(6000);
    const prompt = kiosk.getByRole('alertdialog', { name: 'Still there?' });
    await expect(prompt).toBeVisible();
    await expect(prompt.getByText('Going back to the start in 3 seconds.')).toBeVisible();
    await kiosk.clock.runFor(1000);
    await expect(prompt.getByText('Going back to the start in 2 seconds.')).toBeVisible();

    await kiosk.clock.runFor(2000);
    await expect(prompt).toBeHidden();
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await expect(kiosk.getByText('Touch to learn more')).toBeVisible();
    await kiosk.clock.runFor(2000);
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();
  });

  test('keeps the patient where they were when they touch during the countdown', async ({ kiosk }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Next' }).click();
    await kiosk.clock.runFor(7000);
    const prompt = kiosk.getByRole('alertdialog', { name: 'Still there?' });
    await expect(prompt).toBeVisible();

    await tapScreen(kiosk);
    await expect(prompt).toBeHidden();
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();
    await expect(kiosk.getByRole('button', { name: 'Next' })).toBeVisible();
    await kiosk.clock.runFor(5000);
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();
    await expect(prompt).toBeHidden();
  });
});
