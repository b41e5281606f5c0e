import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editableCopyOf } from './support/content-copy';
import { expect, openWithPausedClock, slideHeading, tapScreen, test, ANY_SCREEN } from './support/preview';

const SHOWN_WITHIN = { timeout: 2000 };

test.describe('an urgent notice', () => {
  test.use({ content: 'notices', at: '2026-12-07 09:00' });

  test('replaces the slides, large and in high contrast', async ({ page: kiosk, kioskUrl }, testInfo) => {
    await openWithPausedClock(kiosk, kioskUrl);
    const notice = kiosk.getByTestId('urgent-notice');
    await expect(notice.getByRole('heading', { name: 'Closed this morning because of snow' })).toBeVisible();
    await expect(notice).toContainText('We will phone you with a new time.');
    await expect(kiosk.getByText('Touch to learn more')).toBeHidden();
    await expect(notice).toHaveCSS('background-color', 'rgb(255, 255, 255)');
    await expect(notice).toHaveCSS('color', 'rgb(17, 17, 17)');
    const size = Number.parseFloat(
      await notice.getByRole('heading').evaluate((heading) => getComputedStyle(heading).fontSize),
    );
    expect(size).toBeGreaterThanOrEqual(80);
    await kiosk.screenshot({ path: testInfo.outputPath('urgent-notice.png') });
  });

  test(
    'is not dismissed by a touch, and shows each language in turn',
    ANY_SCREEN,
    async ({ page: kiosk, kioskUrl }) => {
      await openWithPausedClock(kiosk, kioskUrl);
      const notice = kiosk.getByTestId('urgent-notice');
      await tapScreen(kiosk);
      await expect(
        notice.getByRole('heading', { name: 'Closed this morning because of snow' }),
      ).toBeVisible();
      await expect(kiosk.getByRole('button', { name: 'Next' })).toBeHidden();
      await kiosk.clock.runFor(30_000);
      await expect(notice.getByRole('heading', { name: 'Cerrado esta mañana por la nieve' })).toBeVisible();
      await expect(notice.locator('article')).toHaveAttribute('lang', 'es');
    },
  );

  test.describe('after its end', () => {
    test.use({ at: '2026-12-07 11:59' });

    test('gives the screen back to the slides at its time', ANY_SCREEN, async ({ page, kioskUrl }) => {
      await openWithPausedClock(page, kioskUrl);
      await expect(page.getByTestId('urgent-notice')).toBeVisible();
      await page.clock.runFor(61_000);
      await expect(page.getByTestId('urgent-notice')).toBeHidden();
      await expect(slideHeading(page, 'Welcome')).toBeVisible();
    });
  });

  test.describe('outside opening hours with when_closed: show', () => {
    test.use({ at: '2026-12-07 07:30' });

    test('shows instead of the closed screen', ANY_SCREEN, async ({ page: kiosk, kioskUrl }) => {
      await openWithPausedClock(kiosk, kioskUrl);
      await expect(kiosk.getByTestId('urgent-notice')).toBeVisible();
      await expect(kiosk.getByTestId('closed-screen')).toBeHidden();
    });
  });
});

test.describe('an information notice', () => {
  test.use({ content: 'notices', at: '2026-12-08 10:00' });

  test('shows as a band over the slides in the loop and in touch mode, never over the touch bar', async ({
    kiosk,
  }, testInfo) => {
    const band = kiosk.getByRole('complementary', { name: 'Notice' });
    await expect(band).toContainText('The lift is out of order.');
    await expect(slideHeading(kiosk, 'Welcome')).toBeVisible();
    await kiosk.screenshot({ path: testInfo.outputPath('info-band-loop.png') });
    await tapScreen(kiosk);
    await expect(band).toBeVisible();
    const bar = kiosk.getByRole('navigation');
    await expect(bar).toBeVisible();
    const [bandBox, barBox, slideBox] = await Promise.all([
      band.boundingBox(),
      bar.boundingBox(),
      kiosk.getByRole('heading', { level: 1 }).boundingBox(),
    ]);
    expect(bandBox && barBox && bandBox.y + bandBox.height <= barBox.y).toBe(true);
    expect(bandBox && slideBox && bandBox.y + bandBox.height <= slideBox.y).toBe(true);
    const viewport = kiosk.viewportSize();
    expect(barBox && viewport && barBox.y + barBox.height <= viewport.height).toBe(true);
    await kiosk.screenshot({ path: testInfo.outputPath('info-band-touch.png') });
  });

  test('speaks the language on screen', ANY_SCREEN, async ({ kiosk }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Español' }).click();
    await expect(kiosk.getByRole('complementary', { name: 'Aviso' })).toContainText(
      'El ascensor no funciona.',
    );
  });
});

test.describe('notices saved while the kiosk runs', ANY_SCREEN, () => {
  test.use({ content: editableCopyOf('three-slides') });

  const urgent = '---\ntitle: Fire drill at 11:00\nlevel: urgent\n---\nPlease follow the staff outside.\n';

  test('shows a saved notice within two seconds, and takes it down when it is deleted', async ({
    kiosk,
    content,
  }) => {
    const file = join(content, 'notices', 'drill.md');
    await import('node:fs').then(({ mkdirSync }) => mkdirSync(join(content, 'notices')));
    writeFileSync(file, urgent);
    await expect(kiosk.getByRole('heading', { name: 'Fire drill at 11:00' })).toBeVisible(SHOWN_WITHIN);
    rmSync(file);
    await expect(kiosk.getByRole('heading', { name: 'Fire drill at 11:00' })).toBeHidden(SHOWN_WITHIN);
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
  });

  test('keeps showing the slides when a notice file is broken, and says what is wrong', async ({
    kiosk,
    content,
  }) => {
    await import('node:fs').then(({ mkdirSync }) => mkdirSync(join(content, 'notices')));
    writeFileSync(join(content, 'notices', 'drill.md'), '---\ntitle: Fire drill\nlevel: red\n---\n');
    const marker = kiosk.getByRole('button', { name: 'Content problems' });
    await expect(marker).toBeVisible(SHOWN_WITHIN);
    await expect(marker).toHaveAttribute('title', /notices\/drill\.md:3:8 level must be urgent/);
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await expect(kiosk.getByTestId('urgent-notice')).toBeHidden();
  });
});
