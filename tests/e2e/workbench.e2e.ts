import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { formatProblem, type ContentState } from '../../src/shared/content';
import { PreviewRoute } from '../../src/shared/ipc';
import { editableCopyOf } from './support/content-copy';
import { expect, test, ANY_SCREEN } from './support/preview';

/** The workbench, as `npm run preview` names it and the installed app's preview window opens it. */
async function openWorkbench(page: Page, kioskUrl: string) {
  await page.goto(new URL(PreviewRoute.workbench, kioskUrl).href);
  await expect(page.getByRole('heading', { name: 'Clinic Kiosk Preview', level: 1 })).toBeVisible();
}

const kioskFrame = (page: Page) =>
  page.frameLocator('iframe[title="The kiosk screen, as patients will see it"]');
const screenSize = (page: Page) =>
  page
    .frames()
    .find((frame) => frame !== page.mainFrame())!
    .evaluate(() => `${window.innerWidth}x${window.innerHeight}`);
const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });
const moment = (page: Page) => page.getByRole('region', { name: 'Moment shown' });

test.describe('the preview workbench', ANY_SCREEN, () => {
  test('shows the kiosk at the screen shape chosen, shrunk to fit the window', async ({ page, kioskUrl }) => {
    await openWorkbench(page, kioskUrl);
    await expect(kioskFrame(page).getByRole('heading', { name: 'First slide' })).toBeVisible();
    expect(await screenSize(page)).toBe('1920x1080');

    await page.getByRole('radio', { name: /Portrait/ }).check();
    await expect.poll(() => screenSize(page)).toBe('1080x1920');
    const frame = (await page.locator('iframe').boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(frame.height).toBeLessThan(viewport.height);
    expect(frame.width / frame.height).toBeCloseTo(1080 / 1920, 2);
    await expect(page.getByText(/^Shown at \d+% of its real size\.$/)).toBeVisible();
    // The kiosk page is not reloaded for another shape: it lays itself out again.
    await expect(kioskFrame(page).getByRole('heading', { level: 2 }).first()).toBeVisible();

    await page.getByRole('radio', { name: /Small/ }).check();
    await expect.poll(() => screenSize(page)).toBe('1280x800');
    await page.reload();
    await expect(page.getByRole('radio', { name: /Small/ })).toBeChecked();
  });

  test('says so when every file is right', async ({ page, kioskUrl }) => {
    await openWorkbench(page, kioskUrl);
    await expect(problems(page)).toContainText('No problems');
    await expect(problems(page).getByRole('listitem')).toHaveCount(0);
  });

  test.describe('a folder with mistakes', () => {
    test.use({ content: 'content-broken' });

    test('lists each mistake as content:check prints it', async ({ page, kioskUrl, request }) => {
      const state = (await (await request.get(`${kioskUrl}api/content`)).json()) as ContentState;
      await openWorkbench(page, kioskUrl);
      const errors = state.problems.filter((problem) => problem.severity === 'error');
      const warnings = state.problems.filter((problem) => problem.severity !== 'error');
      expect(errors.length).toBeGreaterThan(1);
      await expect(problems(page).getByRole('listitem')).toHaveText([
        ...errors.map((problem) => `Error ${formatProblem(problem)}`),
        ...warnings.map((problem) => `Warning ${formatProblem(problem)}`),
      ]);
      await expect(problems(page)).toContainText(`${errors.length} errors`);
    });
  });

  test.describe('while staff edit', () => {
    test.use({ content: editableCopyOf('three-slides') });

    test('lists a mistake as soon as the file is saved, and clears it once fixed', async ({
      page,
      kioskUrl,
      content,
    }) => {
      await openWorkbench(page, kioskUrl);
      await expect(problems(page)).toContainText('No problems');
      const file = join(content, 'slides', '01-first.md');
      writeFileSync(file, '---\nsummary: The title line was deleted by mistake.\n---\n');
      await expect(problems(page).getByRole('listitem')).toHaveText([
        'Error slides/01-first.md:2:1 title is missing: every slide needs a title',
      ]);
      await expect(problems(page)).toContainText(
        '1 error. Until the errors are fixed, the kiosk keeps showing the last version that had none.',
      );
      await expect(kioskFrame(page).getByRole('heading', { name: 'First slide' })).toBeVisible();

      writeFileSync(file, '---\ntitle: Fixed first slide\nsummary: Saved again.\n---\n');
      await expect(problems(page)).toContainText('No problems');
      await expect(kioskFrame(page).getByRole('heading', { name: 'Fixed first slide' })).toBeVisible();
    });
  });

  test.describe('at any time', () => {
    test.use({ content: 'timed-slides' });

    test('shows the closed screen at a moment outside opening hours, and the slides again back at now', async ({
      page,
      kioskUrl,
    }) => {
      await openWorkbench(page, kioskUrl);
      await expect(moment(page)).toContainText('Now');
      await expect(page.getByRole('button', { name: 'Back to now' })).toBeDisabled();

      await page.getByLabel('Date').fill('2026-12-07');
      await page.getByLabel('Time').fill('19:30');
      await page.getByRole('button', { name: 'Show this moment' }).click();
      await expect(moment(page)).toContainText('Monday 7 December 2026 at 19:30 (Europe/London)');
      await expect(moment(page)).toContainText(
        'Closed The kiosk is closed then, until Tuesday 8 December 2026 at 08:00 (Europe/London)',
      );
      await expect(kioskFrame(page).getByTestId('closed-screen')).toBeVisible();

      await page.getByRole('button', { name: 'Back to now' }).click();
      await expect(moment(page).getByText('Now', { exact: true })).toBeVisible();
      await expect(kioskFrame(page).getByTestId('closed-screen')).toBeHidden();
      await expect(kioskFrame(page).getByRole('heading', { name: 'Welcome' })).toBeVisible();
    });

    test('shows the slides of the moment chosen, as the kiosk would then', async ({ page, kioskUrl }) => {
      await openWorkbench(page, kioskUrl);
      await page.getByLabel('Date').fill('2026-12-12');
      await page.getByLabel('Time').fill('10:00');
      await page.getByRole('button', { name: 'Show this moment' }).click();
      await expect(moment(page)).toContainText('Open The kiosk is open then.');
      await expect(kioskFrame(page).getByText('1 of 3', { exact: true })).toBeVisible();
      await expect(kioskFrame(page).getByRole('heading', { name: 'Welcome' })).toBeVisible();
    });

    test('says in plain words why a moment cannot be shown, and keeps showing the one it showed', async ({
      page,
      kioskUrl,
    }) => {
      await openWorkbench(page, kioskUrl);
      await page.getByLabel('Date').fill('2026-03-29');
      await page.getByLabel('Time').fill('01:30');
      await page.getByRole('button', { name: 'Show this moment' }).click();
      await expect(page.getByRole('alert')).toHaveText(
        '2026-03-29 01:30 never happens in Europe/London: the clocks go forward an hour then. Choose a time outside that hour.',
      );
      await expect(moment(page).getByText('Now', { exact: true })).toBeVisible();

      await page.getByLabel('Date').fill('');
      await page.getByRole('button', { name: 'Show this moment' }).click();
      await expect(page.getByRole('alert')).toHaveText('Choose a date first.');
    });
  });

  test('reaches nothing of the record of use, nor staff access', async ({ page, kioskUrl }) => {
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await openWorkbench(page, kioskUrl);
    const box = (await page.locator('iframe').boundingBox())!;
    // Used as a patient would, then the staff gesture in the screen's top-left corner.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(kioskFrame(page).getByRole('button', { name: 'Next' })).toBeVisible();
    await kioskFrame(page).getByRole('button', { name: 'Next' }).click();
    for (let tap = 0; tap < 5; tap += 1) await page.mouse.click(box.x + 8, box.y + 8);
    const pad = kioskFrame(page).getByRole('dialog', { name: 'Staff access' });
    for (const digit of '2468') await pad.getByRole('button', { name: `Digit ${digit}` }).click();
    await pad.getByRole('button', { name: 'Unlock' }).click();
    await expect(
      kioskFrame(page).getByText('Staff access works on the kiosk itself, not in the browser preview.'),
    ).toBeVisible();

    await expect(page.getByText(/session|record|Last 30 days|Most read/i)).toHaveCount(0);
    const routes = new Set(asked.filter((path) => path.startsWith('/api/')));
    expect([...routes].sort()).toEqual(
      [PreviewRoute.about, PreviewRoute.content, PreviewRoute.events, PreviewRoute.schedule].sort(),
    );
  });
});

/** The workbench of a folder with problems, once they are listed. */
async function openWithProblems(page: Page, kioskUrl: string) {
  await openWorkbench(page, kioskUrl);
  await expect(problems(page).getByRole('listitem').first()).toBeVisible();
}

/** Nothing on the page reaches past the window: no scrolling is needed to see it all. */
function fitsTheWindow(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      document.documentElement.scrollHeight <= window.innerHeight &&
      document.documentElement.scrollWidth <= window.innerWidth,
  );
}

test.describe('the preview workbench on a laptop screen', ANY_SCREEN, () => {
  test.use({ viewport: { width: 1366, height: 768 }, content: 'content-broken' });

  test('fits the window: the screen, its problems and the moment, with nothing cut off', async ({
    page,
    kioskUrl,
  }, testInfo) => {
    await openWithProblems(page, kioskUrl);
    expect(await fitsTheWindow(page)).toBe(true);
    for (const button of ['Show this moment', 'Back to now']) {
      const box = (await page.getByRole('button', { name: button }).boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(768);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    const frame = (await page.locator('iframe').boundingBox())!;
    const aside = (await problems(page).boundingBox())!;
    expect(frame.x + frame.width).toBeLessThan(aside.x);
    await page.screenshot({ path: testInfo.outputPath('workbench-1366x768.png') });
  });
});

test.describe('the preview workbench on a portrait monitor', ANY_SCREEN, () => {
  test.use({ viewport: { width: 1080, height: 1920 }, content: 'content-broken' });

  test('puts the screen on top and its problems and the moment side by side under it', async ({
    page,
    kioskUrl,
  }, testInfo) => {
    await openWithProblems(page, kioskUrl);
    expect(await fitsTheWindow(page)).toBe(true);
    const frame = (await page.locator('iframe').boundingBox())!;
    const list = (await problems(page).boundingBox())!;
    const when = (await moment(page).boundingBox())!;
    expect(frame.width).toBeGreaterThan(900);
    expect(frame.y + frame.height).toBeLessThan(list.y);
    expect(list.x + list.width).toBeLessThan(when.x);
    expect(when.x + when.width).toBeLessThanOrEqual(1080);
    // Each shape's name and size on one line: the choices may wrap, never their words.
    for (const name of [/Landscape/, /Portrait/, /Small/]) {
      const box = (await page.locator('label', { has: page.getByRole('radio', { name }) }).boundingBox())!;
      expect(box.height).toBeLessThan(60);
    }
    await page.screenshot({ path: testInfo.outputPath('workbench-1080x1920.png') });
  });
});
