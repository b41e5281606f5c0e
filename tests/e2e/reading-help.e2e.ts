/// <reference lib="dom" />
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { wavSeconds } from '../../src/node/speech/service';
import { editableCopyOf } from './support/content-copy';
import { lowContrastTexts } from './support/contrast';
import { cutOffTexts, fontSizes, overlappingControls } from './support/layout';
import { ANY_SCREEN, expect, slideHeading, tapCentre, tapScreen, test } from './support/preview';
import { settled } from './support/settled';

const audio = (page: Page) => page.locator('audio[data-speech]');

/** How long the file the page is playing lasts, measured from the file the kiosk served. */
async function secondsOfPlaying(page: Page, kioskUrl: string): Promise<{ url: string; seconds: number }> {
  const src = await audio(page).getAttribute('src');
  if (src === null) throw new Error('nothing is playing');
  const url = new URL(src, kioskUrl).href;
  const response = await page.request.get(url);
  expect(response.headers()['content-type']).toBe('audio/wav');
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-speech-'));
  try {
    writeFileSync(join(dir, 'speech.wav'), await response.body());
    return { url, seconds: (await wavSeconds(join(dir, 'speech.wav'))) ?? 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Words read at a pace a listener can follow: between one and four words a second, pauses included. */
function expectPlausible(seconds: number, text: string) {
  const words = text.split(/\s+/).length;
  expect(seconds).toBeGreaterThan(words / 4);
  expect(seconds).toBeLessThan(words / 1);
}

test.describe('Listen', () => {
  test.use({ content: 'accessibility' });

  test(
    'reads the slide aloud in English and in Spanish, and stops',
    ANY_SCREEN,
    async ({ kiosk, kioskUrl }) => {
      await tapScreen(kiosk);
      const listen = kiosk.getByRole('button', { name: 'Listen' });
      await expect(listen).toHaveAttribute('aria-pressed', 'false');
      await listen.click();
      await expect(listen).toHaveAttribute('aria-pressed', 'true');
      await expect(audio(kiosk)).toHaveAttribute('src', /^speech\/[0-9a-f]+\.wav$/);
      await expect
        .poll(() => audio(kiosk).evaluate((element: HTMLAudioElement) => !element.paused))
        .toBe(true);
      const english = await secondsOfPlaying(kiosk, kioskUrl);
      expectPlausible(
        english.seconds,
        'Welcome to the clinic. Please take a seat. A nurse will call your name when it is your turn.',
      );

      // Another language stops the reading; Listen in it reads it in that language.
      await kiosk.getByRole('button', { name: 'Español' }).click();
      await expect(kiosk.getByRole('button', { name: 'Escuchar' })).toHaveAttribute('aria-pressed', 'false');
      await expect(audio(kiosk)).not.toHaveAttribute('src', /./);
      await kiosk.getByRole('button', { name: 'Escuchar' }).click();
      await expect(audio(kiosk)).toHaveAttribute('src', /^speech\/[0-9a-f]+\.wav$/);
      const spanish = await secondsOfPlaying(kiosk, kioskUrl);
      expect(spanish.url).not.toBe(english.url);
      expectPlausible(
        spanish.seconds,
        'Bienvenido a la clínica. Tome asiento, por favor. Una enfermera dirá su nombre cuando sea su turno.',
      );

      // Stop: nothing more is heard.
      await kiosk.getByRole('button', { name: 'Escuchar' }).click();
      await expect(kiosk.getByRole('button', { name: 'Escuchar' })).toHaveAttribute('aria-pressed', 'false');
      await expect(audio(kiosk)).not.toHaveAttribute('src', /./);
      expect(await audio(kiosk).evaluate((element: HTMLAudioElement) => element.paused)).toBe(true);
    },
  );

  test(
    'reads the next slide, the longer text, and plays the staff’s recording where there is one',
    ANY_SCREEN,
    async ({ kiosk }) => {
      await tapScreen(kiosk);
      await kiosk.getByRole('button', { name: 'Listen' }).click();
      await expect(audio(kiosk)).toHaveAttribute('src', /^speech\//);
      const first = await audio(kiosk).getAttribute('src');
      await kiosk.getByRole('button', { name: 'Learn more' }).click();
      await expect(audio(kiosk)).not.toHaveAttribute('src', first ?? '');
      await expect(audio(kiosk)).toHaveAttribute('src', /^speech\//);
      // The panel offers the same help in the same place, and shows Listen is on.
      await expect(kiosk.getByRole('dialog').getByRole('button', { name: 'Listen' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await kiosk.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
      await kiosk.getByRole('button', { name: 'Previous' }).click();
      await expect(slideHeading(kiosk, 'Opening hours')).toBeVisible();
      await expect(audio(kiosk)).toHaveAttribute('src', /audio\/opening-hours\.wav/);
      // Repeat reads it again from its start.
      await kiosk.getByRole('button', { name: 'Repeat' }).click();
      await expect(audio(kiosk)).toHaveAttribute('src', /audio\/opening-hours\.wav/);
    },
  );

  test('keeps the volume between the quietest and loudest staff allow', ANY_SCREEN, async ({ kiosk }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Listen' }).click();
    const louder = kiosk.getByRole('button', { name: 'Louder' });
    const volume = () => audio(kiosk).evaluate((element: HTMLAudioElement) => element.volume);
    await expect.poll(volume).toBeCloseTo(0.8);
    await louder.click();
    await louder.click();
    await expect(louder).toBeDisabled();
    expect(await volume()).toBeCloseTo(1);
    const quieter = kiosk.getByRole('button', { name: 'Quieter' });
    for (let press = 0; press < 6; press += 1) if (await quieter.isEnabled()) await quieter.click();
    await expect(quieter).toBeDisabled();
    expect(await volume()).toBeCloseTo(0.4);
  });

  test(
    'does not time out while it reads, and stops when the patient has gone',
    ANY_SCREEN,
    async ({ kiosk }) => {
      await tapScreen(kiosk);
      await kiosk.getByRole('button', { name: 'Learn more' }).click();
      await kiosk.getByRole('dialog').getByRole('button', { name: 'Listen' }).click();
      await expect
        .poll(() => audio(kiosk).evaluate((element: HTMLAudioElement) => !element.paused))
        .toBe(true);
      // Far past the idle time (30 s) on the page's clock, while the reading plays.
      await kiosk.clock.runFor(60_000);
      await expect(kiosk.getByRole('alertdialog')).toBeHidden();
      // The reading ends (the page is told as the file ends): the full idle time, then "Still there?".
      await audio(kiosk).evaluate((element: HTMLAudioElement) => element.dispatchEvent(new Event('ended')));
      await kiosk.clock.runFor(29_000);
      await expect(kiosk.getByRole('alertdialog')).toBeHidden();
      await kiosk.clock.runFor(1_000);
      await expect(kiosk.getByRole('alertdialog')).toBeVisible();
      // Listening, the patient hears the prompt itself read aloud.
      await expect(audio(kiosk)).toHaveAttribute('src', /^speech\//);
      await kiosk.clock.runFor(10_000);
      await expect(kiosk.getByText('Touch to learn more')).toBeVisible();
      await expect(audio(kiosk)).not.toHaveAttribute('src', /./);
    },
  );
});

test.describe('the loop’s invitation to listen', () => {
  test.use({ content: editableCopyOf('accessibility') });

  test(
    'invites patients to hear the screen, and the touch that answers starts Listen',
    ANY_SCREEN,
    async ({ page, content, kioskUrl }) => {
      writeFileSync(
        join(content, 'kiosk.yaml'),
        `title: Riverside Clinic\naccessibility:\n  invite_to_listen: yes\n`,
      );
      await page.clock.install({ time: Date.parse('2026-03-02T09:00:00Z') });
      await page.goto(kioskUrl);
      await expect(page.getByText('Touch the screen to hear this read aloud')).toBeVisible();
      await tapScreen(page);
      await expect(page.getByRole('button', { name: 'Listen' })).toHaveAttribute('aria-pressed', 'true');
      await expect(audio(page)).toHaveAttribute('src', /^speech\//);
    },
  );
});

test.describe('"Still there?"', () => {
  test.use({ content: 'accessibility' });

  test(
    'sounds a soft tone, and "I’m still here" gives the full time again',
    ANY_SCREEN,
    async ({ page, kioskUrl }) => {
      // Counts the notes the page plays through Web Audio.
      await page.addInitScript(() => {
        const notes = { count: 0 };
        Object.defineProperty(window, '__notes', { value: notes });
        const prototype = BaseAudioContext.prototype;
        const create = Object.getOwnPropertyDescriptor(prototype, 'createOscillator');
        Object.defineProperty(prototype, 'createOscillator', {
          value(this: BaseAudioContext): OscillatorNode {
            notes.count += 1;
            return (create?.value as (this: BaseAudioContext) => OscillatorNode).call(this);
          },
        });
      });
      await page.clock.install({ time: Date.parse('2026-03-02T09:00:00Z') });
      await page.clock.pauseAt(Date.parse('2026-03-02T09:00:01Z'));
      await page.goto(kioskUrl);
      await tapScreen(page);
      const notes = () =>
        page.evaluate(() => (window as unknown as { __notes: { count: number } }).__notes.count);
      await page.clock.runFor(30_000);
      const prompt = page.getByRole('alertdialog', { name: 'Still there?' });
      await expect(prompt).toBeVisible();
      expect(await notes()).toBe(2);
      await page.clock.runFor(8_000);
      await tapCentre(page, prompt.getByRole('button', { name: 'I’m still here' }));
      await expect(prompt).toBeHidden();
      await page.clock.runFor(29_000);
      await expect(prompt).toBeHidden();
      await page.clock.runFor(1_000);
      await expect(prompt).toBeVisible();
    },
  );

  test('does not run out while the longer text is being scrolled', ANY_SCREEN, async ({ kiosk }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Larger text' }).click();
    await kiosk.getByRole('button', { name: 'Learn more' }).click();
    const body = kiosk.getByRole('dialog').locator('[data-scrollable]');
    for (let step = 1; step <= 3; step += 1) {
      await kiosk.clock.runFor(20_000);
      // The browser sends a scroll event in its next frame, which the test's clock does not hold:
      // the clock moves on only once the page has heard it, as it would with a finger.
      await body.evaluate(
        (element, top) =>
          new Promise<void>((resolve) => {
            element.addEventListener('scroll', () => resolve(), { once: true });
            element.scrollTo({ top });
          }),
        step * 40,
      );
    }
    await expect(kiosk.getByRole('alertdialog')).toBeHidden();
  });
});

/** Text of every kind on a touch screen: the clinic's name, the slide, its QR caption, the buttons, the disclaimer. */
const TEXTS = [
  'header h1',
  '.slide h2',
  '.slide .summary',
  '.take-home .scan',
  '.touch-bar .button span',
  '.reading-help .button span',
  'footer p',
];

test.describe('Larger text', () => {
  test.use({ content: 'accessibility' });

  test(
    'makes every text at least half as big again, with nothing cut off or overlapping, on three screens',
    ANY_SCREEN,
    async ({ kiosk }) => {
      for (const size of [
        { width: 1920, height: 1080 },
        { width: 1080, height: 1920 },
        { width: 1280, height: 800 },
      ]) {
        await kiosk.setViewportSize(size);
        await tapScreen(kiosk);
        // The slide with a QR code: the most text of any.
        await kiosk.getByRole('button', { name: 'Next' }).click();
        await expect(slideHeading(kiosk, 'Flu vaccine')).toBeVisible();
        await settled(kiosk);
        await expect(kiosk.locator('.slide')).toHaveCount(1);
        const before = await fontSizes(kiosk, TEXTS);
        const toggle = kiosk.getByRole('button', { name: 'Larger text' });
        await toggle.click();
        await expect(toggle).toHaveAttribute('aria-pressed', 'true');
        await settled(kiosk);
        const after = await fontSizes(kiosk, TEXTS);
        TEXTS.forEach((selector, index) =>
          expect(
            after[index]! / before[index]!,
            `${selector} at ${size.width}x${size.height}`,
          ).toBeGreaterThanOrEqual(1.5),
        );
        expect(await cutOffTexts(kiosk), `${size.width}x${size.height}`).toEqual([]);
        expect(await overlappingControls(kiosk), `${size.width}x${size.height}`).toEqual([]);

        // Learn more: larger too, and its text scrolls where it is longer than the panel.
        await kiosk.getByRole('button', { name: 'Previous' }).click();
        await kiosk.getByRole('button', { name: 'Learn more' }).click();
        const panel = kiosk.getByRole('dialog');
        await expect(panel).toBeVisible();
        await settled(kiosk);
        expect(await cutOffTexts(kiosk), `Learn more at ${size.width}x${size.height}`).toEqual([]);
        expect(await overlappingControls(kiosk), `Learn more at ${size.width}x${size.height}`).toEqual([]);
        const body = panel.locator('[data-scrollable]');
        const last = panel.getByText('In an emergency, call 999.');
        if (await body.evaluate((element) => element.scrollHeight > element.clientHeight)) {
          await body.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
        }
        await expect(last).toBeInViewport();
        await panel.getByRole('button', { name: 'Close' }).click();

        // The patient leaves: the next one finds the text as staff set it.
        await kiosk.clock.runFor(45_000);
        await expect(kiosk.getByText('Touch to learn more')).toBeVisible();
        await expect(kiosk.locator('body')).not.toHaveClass(/larger-text/);
      }
    },
  );
});

test.describe('High contrast', () => {
  test.use({ content: 'accessibility' });

  test('keeps every text at 7:1 or more against what is behind it, and ends when the patient leaves', async ({
    kiosk,
  }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Next' }).click();
    const toggle = kiosk.getByRole('button', { name: 'High contrast' });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await kiosk.getByRole('button', { name: 'Listen' }).click();
    await kiosk.clock.runFor(1000);
    expect(await lowContrastTexts(kiosk, 7)).toEqual([]);
    await kiosk.getByRole('button', { name: 'Learn more' }).click();
    await kiosk.clock.runFor(1000);
    expect(await lowContrastTexts(kiosk, 7)).toEqual([]);
    await kiosk.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await kiosk.getByRole('button', { name: 'All topics' }).click();
    await kiosk.clock.runFor(1000);
    expect(await lowContrastTexts(kiosk, 7)).toEqual([]);
    await kiosk.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await kiosk.getByRole('button', { name: 'Listen' }).click();
    await kiosk.clock.runFor(30_000);
    await expect(kiosk.getByRole('alertdialog')).toBeVisible();
    expect(await lowContrastTexts(kiosk, 7)).toEqual([]);
    await kiosk.clock.runFor(10_000);
    await expect(kiosk.getByText('Touch to learn more')).toBeVisible();
    await expect(kiosk.locator('body')).not.toHaveClass(/high-contrast/);
  });
});

test.describe('motion', () => {
  test.use({ content: editableCopyOf('accessibility') });

  /** Whether the next slide fades in over the last one (both on screen at once) or comes with a cut. */
  async function fadesToNextSlide(page: Page): Promise<boolean> {
    await page.evaluate(() => {
      const seen = { most: 0 };
      Object.defineProperty(window, '__slots', { value: seen, configurable: true });
      new MutationObserver(() => {
        seen.most = Math.max(seen.most, document.querySelectorAll('.slot').length);
      }).observe(document.body, { childList: true, subtree: true });
    });
    const before = await page.locator('.slide h2').textContent();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.locator('.slide h2').last()).not.toHaveText(before ?? '');
    await settled(page);
    return page.evaluate(() => (window as unknown as { __slots: { most: number } }).__slots.most > 1);
  }

  test(
    'changes slides with a cut when the computer or staff ask for less motion, as soon as they ask',
    ANY_SCREEN,
    async ({ kiosk, content }) => {
      await tapScreen(kiosk);
      await settled(kiosk);
      const motion = kiosk.locator('.kiosk');
      await expect(motion).toHaveAttribute('data-motion', 'full');
      expect(await fadesToNextSlide(kiosk)).toBe(true);

      await kiosk.emulateMedia({ reducedMotion: 'reduce' });
      await expect(motion).toHaveAttribute('data-motion', 'reduced');
      await settled(kiosk);
      expect(await fadesToNextSlide(kiosk)).toBe(false);

      await kiosk.emulateMedia({ reducedMotion: 'no-preference' });
      await expect(motion).toHaveAttribute('data-motion', 'full');
      const settings = readFileSync(join(content, 'kiosk.yaml'), 'utf8');
      writeFileSync(join(content, 'kiosk.yaml'), `${settings}accessibility:\n  motion: reduced\n`);
      await expect(motion).toHaveAttribute('data-motion', 'reduced', { timeout: 10_000 });
      await settled(kiosk);
      expect(await fadesToNextSlide(kiosk)).toBe(false);
    },
  );
});
