// @ts-check
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/* global document -- used in functions that run in the page */
import { VIEWPORT, launchBrowser, memoryReading, openPage, swipe, waitForStill } from '../lib/browser.mjs';
import { sleep } from '../lib/stats.mjs';

/** @import { BenchEnv } from '../run.mjs' */

const START_TIME = Date.parse('2026-03-02T09:00:00Z');
/** Animations play this many times faster (CDP Animation.setPlaybackRate): real animations, less waiting. */
const ANIMATION_RATE = 10;

/**
 * 5. Memory over time, on the bundled content. The page's clock is Playwright's (page.clock): the
 * kiosk's timers (the loop, the idle wait, the countdown) are run forward without waiting for them,
 * while the transitions still run for real, only faster. Readings are taken with garbage collected,
 * always in the same state: the loop on its first step, nothing moving.
 * @param {BenchEnv} env
 */
export async function measureMemory(env) {
  const deck = env.deck;
  const browser = await launchBrowser(env);
  try {
    const { page, cdp } = await openPage(browser, { observers: false });
    await page.clock.install({ time: START_TIME });
    await page.clock.pauseAt(START_TIME + 1000);
    await page.goto(env.urls.kiosk);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await cdp.send('Animation.enable');
    await cdp.send('Animation.setPlaybackRate', { playbackRate: ANIMATION_RATE });
    await waitForStill(page);

    // What is on screen: the headings' text and language (a step of the loop may change either).
    const onScreen = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('article')].map((node) => `${node.lang}:${node.textContent}`).join('|'),
      );
    // The loop's next step, whatever its length: the clock is run a second at a time until it comes.
    const slideChange = async () => {
      const before = await onScreen();
      for (let second = 0; second < 700; second += 1) {
        await page.clock.runFor(1000);
        if ((await onScreen()) !== before) break;
      }
      await waitForStill(page);
    };
    /** @param {string} name */
    const tap = async (name) => {
      await page.getByRole('button', { name, exact: true }).tap();
      await waitForStill(page);
    };
    const enterTouchMode = async () => {
      await page.touchscreen.tap(VIEWPORT.width / 2, VIEWPORT.height / 2);
      await waitForStill(page);
    };
    // Walk away: idle, "Still there?", its countdown, back to the loop's first step.
    const idleReturn = async () => {
      await page.clock.runFor(deck.idleSeconds * 1000);
      await waitForStill(page);
      if (deck.warningSeconds > 0) {
        await page.getByRole('alertdialog').waitFor();
        await page.clock.runFor(deck.warningSeconds * 1000);
      }
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await waitForStill(page);
    };
    // Sessions start from the loop's first step, in the default language (the buttons' names).
    /** @param {number} index */
    const session = async (index) => {
      await enterTouchMode();
      await tap('Next');
      // Navigate a different way each time: Previous, a swipe, or the list of topics.
      if (index % 3 === 0) await tap('Previous');
      else if (index % 3 === 1) {
        await swipe(cdp, { x: VIEWPORT.width * 0.75, y: 540 }, { x: VIEWPORT.width * 0.25, y: 540 });
        await waitForStill(page);
      } else {
        await tap('All topics');
        const topics = page.getByRole('dialog').getByRole('listitem');
        await topics.first().waitFor();
        await topics
          .nth(index % (await topics.count()))
          .getByRole('button')
          .tap();
        await waitForStill(page);
      }
      await tap('Learn more');
      await idleReturn();
    };
    /** @param {string} label */
    const reading = async (label) => ({ label, ...(await memoryReading(cdp)) });

    // Warm-up: the whole loop twice and ten sessions, so that lazily created things exist already.
    const warmUpChanges = 2 * deck.slides.length * (1 + deck.translations.length);
    for (let index = 0; index < warmUpChanges; index += 1) await slideChange();
    await enterTouchMode();
    await idleReturn();
    for (let index = 0; index < 10; index += 1) await session(index);
    await sleep(200);
    const readings = [await reading('after warm-up')];

    const started = Date.now();
    // A reading every quarter shows a trend, if there is one (these are on whichever step the loop
    // is on, so their DOM counts may differ by a slide's few nodes).
    /** @param {number} total */
    const every = (total) => Math.max(1, Math.round(total / 4));
    for (let index = 1; index <= env.slideChanges; index += 1) {
      await slideChange();
      if (index % every(env.slideChanges) === 0 || index === env.slideChanges) {
        readings.push(await reading(`after ${index} slide changes`));
      }
    }
    // Back to the first step (a touch, then idle), then the sessions: the last reading is taken in
    // the same state as the first.
    await enterTouchMode();
    await idleReturn();
    for (let index = 1; index <= env.touchSessions; index += 1) {
      await session(index - 1);
      if (index % every(env.touchSessions) === 0 || index === env.touchSessions) {
        readings.push(await reading(`after ${env.slideChanges} slide changes and ${index} touch sessions`));
      }
    }

    return {
      slideChanges: env.slideChanges,
      touchSessions: env.touchSessions,
      seconds: (Date.now() - started) / 1000,
      readings,
    };
  } finally {
    await browser.close();
  }
}
