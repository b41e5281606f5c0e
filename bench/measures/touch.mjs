// @ts-check
import { VIEWPORT, launchBrowser, openPage, swipe, waitForStill } from '../lib/browser.mjs';
import { percentile, sleep } from '../lib/stats.mjs';
import { interactions, parseTrace, rendererOf } from '../lib/trace.mjs';

/** @import { CDPSession, Locator, Page } from '@playwright/test' */
/** @import { BenchEnv } from '../run.mjs' */

/** @typedef {(typeof CYCLE)[number]} Action */

/** One cycle of what a patient does; repeated until there are `count` interactions. */
const CYCLE = /** @type {const} */ ([
  'enter touch mode',
  'Next',
  'Next',
  'Previous',
  'swipe to next',
  'swipe to previous',
  'All topics',
  'choose a topic',
  'Learn more',
  'Close',
  'Back to start',
]);

const SWIPE_Y = VIEWPORT.height / 2;

/**
 * Where to touch for `kind`: found before the touch (Playwright's own waiting, which runs script and
 * animation frames in the page, is over by then), so that the page is idle when the finger lands.
 * @param {Page} page
 * @param {Action} kind
 * @param {number} cycle
 */
async function target(page, kind, cycle) {
  if (kind === 'enter touch mode') return { x: VIEWPORT.width / 2, y: VIEWPORT.height / 2 };
  /** @type {Locator} */
  let locator;
  if (kind === 'choose a topic') {
    const topics = page.getByRole('dialog').getByRole('listitem');
    await topics.first().waitFor();
    locator = topics.nth((cycle * 2 + 2) % (await topics.count())).getByRole('button');
  } else {
    locator = page.getByRole('button', { name: kind, exact: true });
  }
  await locator.waitFor();
  const box = await locator.boundingBox();
  if (box === null) throw new Error(`Nothing to touch for "${kind}": it is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * @param {Page} page
 * @param {CDPSession} cdp
 * @param {Action} kind
 * @param {number} cycle
 */
async function act(page, cdp, kind, cycle) {
  if (kind === 'swipe to next') {
    return swipe(cdp, { x: VIEWPORT.width * 0.75, y: SWIPE_Y }, { x: VIEWPORT.width * 0.25, y: SWIPE_Y });
  }
  if (kind === 'swipe to previous') {
    return swipe(cdp, { x: VIEWPORT.width * 0.25, y: SWIPE_Y }, { x: VIEWPORT.width * 0.75, y: SWIPE_Y });
  }
  const point = await target(page, kind, cycle);
  await sleep(100);
  return page.touchscreen.tap(point.x, point.y);
}

/**
 * 2. Touch response: `count` varied interactions on the kiosk (bundled content), at a patient's pace
 * (each once the screen is still again). Durations come from Event Timing as recorded in a Chromium
 * trace, which has every event's duration, not only those over the API's 16 ms reporting threshold.
 * @param {BenchEnv} env
 */
export async function measureTouch(env) {
  const runs = [];
  for (let run = 0; run < env.reps.touchRuns; run += 1) {
    const browser = await launchBrowser(env);
    try {
      const { page, cdp } = await openPage(browser);
      await page.goto(env.urls.kiosk);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await sleep(env.settleMs);
      await waitForStill(page);

      await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
      /** @type {{ kind: Action; at: number }[]} */
      const actions = [];
      for (let index = 0; index < env.touchInteractions; index += 1) {
        const kind = CYCLE[index % CYCLE.length] ?? CYCLE[0];
        actions.push({ kind, at: await page.evaluate(() => performance.now()) });
        await act(page, cdp, kind, Math.floor(index / CYCLE.length));
        await sleep(50);
        await waitForStill(page);
        await sleep(150);
      }
      const events = parseTrace(await browser.stopTracing());
      const found = interactions(events, rendererOf(events).pid);
      // Each interaction belongs to the last action started before it.
      const measured = found.map((interaction) => {
        const action = actions.findLast((candidate) => candidate.at <= interaction.start + 1) ?? actions[0];
        if (action === undefined) throw new Error('An interaction was recorded before any action');
        return { kind: action.kind, duration: interaction.duration, types: interaction.types };
      });
      const durations = measured.map((entry) => entry.duration);
      const worst = measured.reduce(
        (max, entry) => (entry.duration > (max?.duration ?? -1) ? entry : max),
        /** @type {(typeof measured)[number] | undefined} */ (undefined),
      );
      runs.push({
        actions: actions.length,
        interactions: measured.length,
        ...spread(durations),
        slowest: worst,
        byKind: byKind(measured),
      });
    } finally {
      await browser.close();
    }
  }
  return runs;
}

/**
 * The same number of taps on the baseline page, which answers none of them: Event Timing's figure
 * for a touch that changes nothing, the floor of what this machine can show for any interaction.
 * @param {BenchEnv} env
 */
export async function measureTouchBaseline(env) {
  const runs = [];
  for (let run = 0; run < env.reps.touchRuns; run += 1) {
    const browser = await launchBrowser(env);
    try {
      const { page } = await openPage(browser);
      await page.goto(env.urls.baseline);
      await sleep(env.settleMs);
      await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
      for (let index = 0; index < env.touchInteractions; index += 1) {
        const x = VIEWPORT.width * (0.1 + (0.8 * ((index * 7) % 11)) / 10);
        const y = VIEWPORT.height * (0.2 + (0.7 * ((index * 3) % 5)) / 4);
        await page.touchscreen.tap(x, y);
        await sleep(400);
      }
      const events = parseTrace(await browser.stopTracing());
      const durations = interactions(events, rendererOf(events).pid).map((entry) => entry.duration);
      runs.push({ interactions: durations.length, ...spread(durations) });
    } finally {
      await browser.close();
    }
  }
  return runs;
}

/**
 * What the table reports of one run's interaction durations, with the durations themselves.
 * @param {number[]} durations
 */
function spread(durations) {
  return {
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    max: Math.max(...durations),
    durations,
  };
}

/**
 * The count and the longest duration of each kind of action.
 * @param {readonly { kind: Action; duration: number }[]} measured
 */
function byKind(measured) {
  /** @type {Partial<Record<Action, number[]>>} */
  const groups = {};
  for (const { kind, duration } of measured) (groups[kind] ??= []).push(duration);
  return Object.fromEntries(
    Object.entries(groups).map(([kind, values]) => [
      kind,
      { count: values.length, max: Math.max(...values) },
    ]),
  );
}
