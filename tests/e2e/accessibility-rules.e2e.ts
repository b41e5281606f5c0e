import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { uiText } from '../../src/renderer/src/i18n';
import { CLOSED, emitSchedule, installFakeKiosk, OPEN, SAMPLE_STATUS } from './support/fake-kiosk';
import { expect, tapCentre, tapScreen, test } from './support/preview';
import { settled } from './support/settled';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules axe-core has for each. */
const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The rules broken on the page as it is now, each with the elements that break it. */
async function violations(page: Page): Promise<string[]> {
  await settled(page);
  // axe waits on the page's timers, which the test's clock holds: the clock is moved on in small
  // steps until it is done (some tens of milliseconds), so the kiosk's own timers barely move.
  const state = { done: false };
  const analysis = new AxeBuilder({ page })
    .withTags(WCAG_A_AA)
    .analyze()
    .finally(() => {
      state.done = true;
    });
  // The clock is the browser context's: it also runs in the blank page axe opens to sum up, and
  // a step that meets that page closing is simply the next step's to take.
  while (!state.done) await page.clock.runFor(1).catch(() => undefined);
  const { violations } = await analysis;
  return violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
  );
}

/** The loop shows each slide in English, Spanish, then Arabic (the fixture rotates languages). */
const LANGUAGES = [
  { code: 'en', loopStep: 0 },
  { code: 'es', loopStep: 1 },
  { code: 'ar', loopStep: 2 },
] as const;

test.describe('WCAG 2.2 A and AA, by axe-core', () => {
  test.use({ content: 'accessibility' });

  for (const { code, loopStep } of LANGUAGES) {
    for (const help of [false, true]) {
      const title = `finds nothing wrong in ${code}${help ? ' with larger text and high contrast' : ''}: loop, touch, Learn more, topics, "Still there?", staff PIN pad${help ? '' : ', closed screen'}`;
      test(title, async ({ page, kioskUrl }) => {
        const text = uiText(code);
        await installFakeKiosk(page, { pin: '2468', schedule: OPEN, status: SAMPLE_STATUS });
        await page.clock.install({ time: Date.parse('2026-03-02T09:00:00Z') });
        await page.clock.pauseAt(Date.parse('2026-03-02T09:00:01Z'));
        await page.goto(kioskUrl);
        await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
        await page.clock.runFor(8000 * loopStep);
        await expect(page.locator('html')).toHaveAttribute('lang', code);
        const found: Record<string, string[]> = {};
        // Larger text and high contrast are a patient's, from touch mode on: the loop never has them.
        if (!help) found.loop = await violations(page);

        await tapScreen(page);
        await expect(page.getByRole('button', { name: text.learnMore })).toBeVisible();
        if (help) {
          await page.getByRole('button', { name: text.largerText }).click();
          await page.getByRole('button', { name: text.highContrast }).click();
          await expect(page.locator('body')).toHaveClass(/larger-text/);
        }
        found.touch = await violations(page);

        await page.getByRole('button', { name: text.learnMore }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        found.learnMore = await violations(page);
        await page.getByRole('dialog').getByRole('button', { name: text.close }).click();

        await page.getByRole('button', { name: text.allTopics }).click();
        await expect(page.getByRole('dialog', { name: text.chooseTopic })).toBeVisible();
        found.topics = await violations(page);
        await page.getByRole('dialog').getByRole('button', { name: text.close }).click();

        await page.clock.runFor(30_000);
        await expect(page.getByRole('alertdialog')).toBeVisible();
        found.stillThere = await violations(page);
        await tapCentre(page, page.getByRole('button', { name: text.stayHere }));
        await expect(page.getByRole('alertdialog')).toBeHidden();

        for (let tap = 0; tap < 5; tap += 1) await page.touchscreen.tap(30, 30);
        await expect(page.getByRole('dialog', { name: 'Staff access' })).toBeVisible();
        found.pinPad = await violations(page);
        await page.getByRole('button', { name: 'Cancel' }).click();

        if (!help) {
          await emitSchedule(page, CLOSED);
          // The screen stays awake a while for whoever is using it, then closes.
          await page.clock.runFor(OPEN.wakeSeconds * 1000 + 1000);
          await expect(page.getByTestId('closed-screen')).toBeVisible();
          found.closed = await violations(page);
        }
        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((screen) => [screen, []])));
      });
    }
  }
});
