import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editableCopyOf } from './support/content-copy';
import { ANY_SCREEN, expect, slideHeading, tapScreen, test } from './support/preview';

test.describe('the clinic’s own words', () => {
  test.use({ content: 'ui-words' });

  test('replace the built-in words they give, and leave the others', async ({ kiosk }) => {
    await expect(kiosk.getByText('Tippen Sie hier, wir erklären es Ihnen')).toBeVisible();
    await tapScreen(kiosk);
    const bar = kiosk.getByRole('navigation');
    await expect(bar.getByRole('button')).toHaveText([
      'Zurück',
      'Alle Themen',
      'Weiterlesen',
      'Zum Anfang',
      'Weiter',
    ]);
  });

  test('give a language with no built-in words its own, right to left for Hebrew', async ({ kiosk }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'עברית' }).click();
    await expect(slideHeading(kiosk, 'השקופית הראשונה')).toBeVisible();
    await expect(kiosk.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(kiosk.locator('html')).toHaveAttribute('lang', 'he');
    const bar = kiosk.getByRole('navigation');
    await expect(bar).toHaveAttribute('lang', 'he');
    await expect(bar.getByRole('button')).toHaveText(['הקודם', 'כל הנושאים', 'מידע נוסף', 'להתחלה', 'הבא']);
    await expect(kiosk.getByText('1 מתוך 2', { exact: true })).toBeVisible();
    // Right to left, the next slide is on the left: so is the button that brings it.
    const next = (await bar.getByRole('button', { name: 'הבא' }).boundingBox())!;
    const previous = (await bar.getByRole('button', { name: 'הקודם' }).boundingBox())!;
    expect(next.x).toBeLessThan(previous.x);
    await bar.getByRole('button', { name: 'הבא' }).click();
    // Not translated: German, with Hebrew buttons around it.
    await expect(slideHeading(kiosk, 'Zweite Folie')).toBeVisible();
    await expect(kiosk.getByRole('article', { name: 'Zweite Folie' })).toHaveAttribute('lang', 'de');
  });
});

test.describe('the clinic’s own words, changed while the kiosk runs', () => {
  test.use({ content: editableCopyOf('ui-words') });

  test('show on screen as soon as the file is saved', ANY_SCREEN, async ({ kiosk, content }) => {
    await expect(kiosk.getByText('Tippen Sie hier, wir erklären es Ihnen')).toBeVisible();
    writeFileSync(join(content, 'ui', 'de.yaml'), 'touch_to_learn_more: Bitte berühren Sie den Bildschirm\n');
    await expect(kiosk.getByText('Bitte berühren Sie den Bildschirm')).toBeVisible({ timeout: 10_000 });
    await tapScreen(kiosk);
    await expect(kiosk.getByRole('navigation').getByRole('button', { name: 'Mehr lesen' })).toBeVisible();
  });
});
