// @ts-check
/// <reference lib="dom" />
/* global window -- used in functions that run in the page */
import { launchBrowser, openPage } from '../lib/browser.mjs';
import { sleep } from '../lib/stats.mjs';

/** @import { Page } from '@playwright/test' */
/** @import { BenchWindow } from '../lib/browser.mjs' */
/** @import { BenchEnv } from '../run.mjs' */

/**
 * 1. First slide on screen: navigation start to the first slide's heading painted, from the
 * Element Timing API (`elementtiming="slide-title"` on the heading, in the kiosk and the baseline).
 * Each load is a new browser context (cold HTTP cache), kiosk and baseline taken in turns.
 * @param {BenchEnv} env
 */
export async function measureFirstSlide(env) {
  const browser = await launchBrowser(env);
  /** @type {{ kiosk: number[]; baseline: number[]; fontBytes: number | undefined }} */
  const result = { kiosk: [], baseline: [], fontBytes: undefined };
  try {
    // One load of each first, not counted: the browser's own start-up is no part of either page.
    for (let rep = -1; rep < env.reps.firstSlide; rep += 1) {
      for (const target of /** @type {const} */ (['kiosk', 'baseline'])) {
        const { context, page } = await openPage(browser);
        await page.goto(env.urls[target]);
        const paint = await headingPaint(page);
        if (rep >= 0) result[target].push(paint);
        if (target === 'kiosk' && result.fontBytes === undefined && rep >= 0) {
          await sleep(500);
          result.fontBytes = await page.evaluate(() =>
            /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'))
              .filter((entry) => /\.woff2?$/.test(new URL(entry.name).pathname))
              .reduce((sum, entry) => sum + entry.encodedBodySize, 0),
          );
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return result;
}

/** @param {Page} page */
async function headingPaint(page) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const time = await page.evaluate(() => {
      const entry = /** @type {BenchWindow} */ (window).__bench.element.find(
        (candidate) => candidate.identifier === 'slide-title',
      );
      if (entry === undefined) return undefined;
      // renderTime is 0 where the page may not know when it was painted (a cross-origin image).
      return entry.renderTime !== undefined && entry.renderTime > 0 ? entry.renderTime : entry.loadTime;
    });
    if (time !== undefined) return time;
    if (Date.now() > deadline) throw new Error('The first slide was never painted');
    await sleep(50);
  }
}
