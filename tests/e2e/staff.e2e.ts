import type { Page } from '@playwright/test';
import { fakeCalls, installFakeKiosk, OPEN, SAMPLE_STATUS } from './support/fake-kiosk';
import { expect, test } from './support/preview';

const PIN = '2468';

async function openKiosk(page: Page, kioskUrl: string) {
  await installFakeKiosk(page, { pin: PIN, schedule: OPEN, status: SAMPLE_STATUS });
  await page.clock.install({ time: Date.parse('2026-03-02T09:00:00Z') });
  await page.clock.pauseAt(Date.parse('2026-03-02T09:00:01Z'));
  await page.goto(kioskUrl);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
}

async function tapCorner(page: Page, times: number) {
  for (let tap = 0; tap < times; tap += 1) await page.touchscreen.tap(30, 30);
}

async function enterPin(page: Page, pin: string) {
  const pad = page.getByRole('dialog', { name: 'Staff access' });
  for (const digit of pin) await pad.getByRole('button', { name: `Digit ${digit}` }).click();
  await pad.getByRole('button', { name: 'Unlock' }).click();
}

test.describe('staff access', () => {
  test('opens the PIN pad after five taps in the top-left corner', async ({ page, kioskUrl }) => {
    await openKiosk(page, kioskUrl);
    await tapCorner(page, 4);
    await expect(page.getByRole('dialog', { name: 'Staff access' })).toBeHidden();
    await tapCorner(page, 1);
    await expect(page.getByRole('dialog', { name: 'Staff access' })).toBeVisible();
    expect(await fakeCalls(page)).toContain('mode:staff');
  });

  test('does not open for taps elsewhere on the screen', async ({ page, kioskUrl }) => {
    await openKiosk(page, kioskUrl);
    const size = page.viewportSize()!;
    for (let tap = 0; tap < 6; tap += 1) await page.touchscreen.tap(size.width / 2, 30);
    await expect(page.getByRole('dialog', { name: 'Staff access' })).toBeHidden();
  });

  test('refuses a wrong PIN and opens the staff panel with the right one', async ({ page, kioskUrl }) => {
    await openKiosk(page, kioskUrl);
    await tapCorner(page, 5);
    await enterPin(page, '1111');
    await expect(page.getByText('That PIN is not right.')).toBeVisible();

    await enterPin(page, PIN);
    const panel = page.getByRole('dialog', { name: 'Staff panel' });
    await expect(panel).toBeVisible();
    await expect(panel.getByText('/srv/kiosk/content')).toBeVisible();
    await expect(
      panel.getByText('slides/04-broken.md:2:1 title is missing: every slide needs a title'),
    ).toBeVisible();
    await expect(panel.getByText('/home/kiosk/.config/clinic-kiosk/logs/main.log')).toBeVisible();
    await expect(panel.getByText('3 h 25 min')).toBeVisible();
  });

  test('runs the staff actions and ends the session when closed', async ({ page, kioskUrl }) => {
    await openKiosk(page, kioskUrl);
    await tapCorner(page, 5);
    await enterPin(page, PIN);
    const panel = page.getByRole('dialog', { name: 'Staff panel' });
    await panel.getByRole('button', { name: 'Reload content' }).click();
    await expect(panel.getByText('Done.')).toBeVisible();
    await panel.getByRole('button', { name: 'Close the kiosk' }).click();
    await panel.getByRole('button', { name: /Close the kiosk\? / }).click();
    await panel.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(panel).toBeHidden();
    expect(await fakeCalls(page)).toEqual(
      expect.arrayContaining(['reloadContent', 'closeKiosk', 'endStaffSession']),
    );
  });

  test('closes by itself after a minute without a touch', async ({ page, kioskUrl }) => {
    await openKiosk(page, kioskUrl);
    await tapCorner(page, 5);
    const pad = page.getByRole('dialog', { name: 'Staff access' });
    await page.clock.runFor(50_000);
    await pad.getByRole('button', { name: 'Digit 1' }).click();
    await page.clock.runFor(50_000);
    await expect(pad).toBeVisible();
    await page.clock.runFor(10_000);
    await expect(pad).toBeHidden();
  });

  test('gives every PIN key at least 64 by 64 pixels', async ({ page, kioskUrl }) => {
    await openKiosk(page, kioskUrl);
    await tapCorner(page, 5);
    const keys = page.getByRole('dialog', { name: 'Staff access' }).getByRole('button');
    await expect(keys).toHaveCount(13);
    for (const key of await keys.all()) {
      const box = (await key.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(64);
      expect(box.height).toBeGreaterThanOrEqual(64);
    }
  });

  test('says in the browser preview that staff access is on the kiosk itself', async ({ kiosk }) => {
    await tapCorner(kiosk, 5);
    await enterPin(kiosk, PIN);
    await expect(
      kiosk.getByText('Staff access works on the kiosk itself, not in the browser preview.'),
    ).toBeVisible();
  });
});
