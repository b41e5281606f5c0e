import type { Page } from '@playwright/test';
import type { StaffStatus } from '../../src/shared/ipc';
import { fakeCalls, installFakeKiosk, OPEN, SAMPLE_STATUS } from './support/fake-kiosk';
import { expect, test } from './support/preview';

const PIN = '2468';
const at = (time: string) => Date.parse(`2026-03-02T${time}:00Z`);

/** A kiosk whose content comes from a repository, whose newest revision has errors. */
const REPOSITORY_STATUS: StaffStatus = {
  ...SAMPLE_STATUS,
  content: {
    slides: 6,
    problems: [
      {
        severity: 'error',
        file: '.',
        message:
          'revision 5e6f7a8 "Add the flu slide" (Jane Doe, 2026-03-02 08:40 UTC) is not shown: it has errors; the kiosk keeps showing revision 1a2b3c4; fix it in the repository with a new commit, or revert it',
      },
      {
        severity: 'error',
        file: 'slides/07-flu.md',
        line: 2,
        column: 1,
        message: 'title is missing: every slide needs a title',
      },
    ],
  },
  source: {
    repository: 'https://git.clinic.example/kiosks/content.git',
    branch: 'main',
    path: 'sites/north',
    signedOnly: true,
    shown: {
      sha: '1a2b3c4'.padEnd(40, '0'),
      subject: 'Spring opening hours',
      author: 'Sam Lee',
      committedAt: at('07:55'),
      shownAt: at('08:01'),
      shownBy: 'update',
    },
    newest: {
      sha: '5e6f7a8'.padEnd(40, '0'),
      subject: 'Add the flu slide',
      author: 'Jane Doe',
      committedAt: at('08:40'),
    },
    lastCheckAt: at('08:45'),
    lastSuccessAt: at('08:45'),
    currentAt: at('08:30'),
    failing: null,
    refused: {
      revision: {
        sha: '5e6f7a8'.padEnd(40, '0'),
        subject: 'Add the flu slide',
        author: 'Jane Doe',
        committedAt: at('08:40'),
      },
      reason: 'has errors',
      withdrawn: false,
    },
    updating: false,
  },
};

async function openPanel(page: Page, kioskUrl: string) {
  await installFakeKiosk(page, { pin: PIN, schedule: OPEN, status: REPOSITORY_STATUS });
  await page.clock.install({ time: at('09:00') });
  await page.clock.pauseAt(at('09:00') + 1000);
  await page.goto(kioskUrl);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  for (let tap = 0; tap < 5; tap += 1) await page.touchscreen.tap(30, 30);
  const pad = page.getByRole('dialog', { name: 'Staff access' });
  for (const digit of PIN) await pad.getByRole('button', { name: `Digit ${digit}` }).click();
  await pad.getByRole('button', { name: 'Unlock' }).click();
  const panel = page.getByRole('dialog', { name: 'Staff panel' });
  await expect(panel).toBeVisible();
  return panel;
}

test.describe('the staff panel of a kiosk fed by a repository', () => {
  test('says which repository, which revision is shown, when it last updated, and which revision failed and why', async ({
    page,
    kioskUrl,
  }, testInfo) => {
    const panel = await openPanel(page, kioskUrl);
    await expect(
      panel.getByRole('definition').filter({ hasText: 'https://git.clinic.example/kiosks/content.git' }),
    ).toHaveText(
      'https://git.clinic.example/kiosks/content.git, branch main, folder sites/north (signed revisions only)',
    );
    await expect(
      panel.getByText(/^1a2b3c4 “Spring opening hours” by Sam Lee, .*; on screen since /),
    ).toBeVisible();
    await expect(
      panel.getByText(/^\d+ Mar, \d\d:\d\d: the newest revision is not shown \(see below\)\.$/),
    ).toBeVisible();
    await expect(
      panel.getByText(
        /^5e6f7a8 “Add the flu slide” by Jane Doe, .* is not shown: it has errors\. Fix it in the repository/,
      ),
    ).toBeVisible();
    await expect(
      panel.getByText('slides/07-flu.md:2:1 title is missing: every slide needs a title'),
    ).toBeVisible();
    await expect(panel.getByText('/srv/kiosk/content')).toBeHidden();
    await page.screenshot({ path: testInfo.outputPath('staff-panel-repository.png') });
  });

  test('fetches the repository at once with "Update now"', async ({ page, kioskUrl }) => {
    const panel = await openPanel(page, kioskUrl);
    await panel.getByRole('button', { name: 'Update now' }).click();
    await expect(panel.getByText('Done.')).toBeVisible();
    expect(await fakeCalls(page)).toContain('updateContent');
  });
});
