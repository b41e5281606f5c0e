import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editableCopyOf } from './support/content-copy';
import { expect, slideHeading, tapScreen, test, ANY_SCREEN } from './support/preview';

/** The promise to staff: a saved change is on screen within two seconds. */
const SHOWN_WITHIN = { timeout: 2000 };

const slideText = (title: string) => `---\ntitle: ${title}\nsummary: Edited on disk.\n---\nLonger text.\n`;

test.describe('content edited while the kiosk runs', ANY_SCREEN, () => {
  test.use({ content: editableCopyOf('three-slides') });

  test('shows a slide saved on disk within two seconds, without a restart', async ({ kiosk, content }) => {
    writeFileSync(join(content, 'slides', '01-first.md'), slideText('Edited first slide'));
    await expect(slideHeading(kiosk, 'Edited first slide')).toBeVisible(SHOWN_WITHIN);
    await expect(kiosk.getByText('Edited on disk.')).toBeVisible();
  });

  test('shows a slide saved by writing a temporary file and renaming it', async ({ kiosk, content }) => {
    const temporary = join(content, 'slides', '.01-first.md.tmp');
    writeFileSync(temporary, slideText('Renamed into place'));
    renameSync(temporary, join(content, 'slides', '01-first.md'));
    await expect(slideHeading(kiosk, 'Renamed into place')).toBeVisible(SHOWN_WITHIN);
  });

  test('shows a picture replaced on disk under the same name, not the one it showed before', async ({
    kiosk,
    content,
  }) => {
    const picture = kiosk.getByRole('article', { name: 'First slide' }).locator('img');
    await expect(picture).toHaveJSProperty('naturalWidth', 150);
    const before = await picture.getAttribute('src');
    writeFileSync(
      join(content, 'images', 'square.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><rect width="300" height="100" fill="#1F6F6B"/></svg>',
    );
    await expect(picture).not.toHaveAttribute('src', before ?? '', SHOWN_WITHIN);
    await expect(picture).toHaveJSProperty('naturalWidth', 300);
  });

  test('keeps the last good content when an edit breaks a slide, and shows the fix once it is saved', async ({
    kiosk,
    content,
  }) => {
    const file = join(content, 'slides', '01-first.md');
    writeFileSync(file, '---\nsummary: The title line was deleted by mistake.\n---\n');
    const marker = kiosk.getByRole('button', { name: 'Content problems' });
    await expect(marker).toBeVisible(SHOWN_WITHIN);
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await expect(kiosk.getByText('The title line was deleted by mistake.')).toBeHidden();
    await expect(marker).toHaveAttribute('title', /slides\/01-first\.md:2:1 title is missing/);

    await marker.click();
    await expect(kiosk.getByRole('region', { name: 'Content problems' })).toContainText(
      'slides/01-first.md:2:1 title is missing: every slide needs a title',
    );

    writeFileSync(file, slideText('Fixed first slide'));
    await expect(slideHeading(kiosk, 'Fixed first slide')).toBeVisible(SHOWN_WITHIN);
    await expect(marker).toBeHidden();
  });

  test('keeps a patient in touch mode on their slide when the content changes', async ({
    kiosk,
    content,
  }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Next' }).click();
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();

    writeFileSync(join(content, 'slides', '03-third.md'), slideText('Edited third slide'));
    await kiosk.getByRole('button', { name: 'All topics' }).click();
    const topics = kiosk.getByRole('dialog', { name: 'Choose a topic' });
    await expect(topics.getByRole('button', { name: 'Edited third slide' })).toBeVisible(SHOWN_WITHIN);
    await topics.getByRole('button', { name: 'Close' }).click();
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();
    await expect(kiosk.getByRole('button', { name: 'Next' })).toBeVisible();
  });

  test('returns to the loop when the patient’s slide is deleted', async ({ kiosk, content }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Next' }).click();
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();

    rmSync(join(content, 'slides', '02-second.md'));
    await expect(kiosk.getByText('Touch to learn more')).toBeVisible(SHOWN_WITHIN);
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await expect(kiosk.getByText('1 of 2', { exact: true })).toBeVisible();
  });
});

test.describe('a content folder with nothing good in it yet', ANY_SCREEN, () => {
  test.use({ content: editableCopyOf('content-no-slides') });

  test('shows a calm standby screen, then the slides by itself once the folder is fixed', async ({
    page,
    kioskUrl,
    content,
  }) => {
    await page.goto(kioskUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Empty clinic' })).toBeVisible();
    await expect(page.getByText('Information will be back shortly.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Content problems' })).toBeVisible();

    writeFileSync(join(content, 'slides', '01-welcome.md'), slideText('Welcome back'));
    await expect(page.getByRole('heading', { level: 2, name: 'Welcome back' })).toBeVisible(SHOWN_WITHIN);
    await expect(page.getByRole('button', { name: 'Content problems' })).toBeHidden();
  });
});
