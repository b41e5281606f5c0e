// @ts-check
/// <reference lib="dom" />
/* global window, document -- used in functions that run in the page */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { sleep } from './stats.mjs';

/** @import { Browser, CDPSession, Page } from '@playwright/test' */

/**
 * A performance entry as the page records it for the benchmark: each entry type has some of the
 * optional fields.
 * @typedef {{
 *   start: number;
 *   duration: number;
 *   renderTime?: number;
 *   loadTime?: number;
 *   identifier?: string;
 *   blocking?: number;
 * }} BenchEntry
 */

/** @typedef {Record<'longtask' | 'long-animation-frame' | 'element' | 'largest-contentful-paint', BenchEntry[]>} BenchRecord */

/**
 * The page's window, with the entries recorded for the benchmark, by type, in `window.__bench`.
 * @typedef {typeof window & { __bench: BenchRecord }} BenchWindow
 */

/**
 * Fields of Element Timing and Long Animation Frame entries, which lib.dom does not describe.
 * @typedef {{ renderTime: number; loadTime: number; identifier: string; blockingDuration: number }} EntryTimings
 */

/** @typedef {{ x: number; y: number }} Point */

export const VIEWPORT = { width: 1920, height: 1080 };

/**
 * A fresh headless Chromium. `gpu: false` (the default) passes --disable-gpu: on a machine without
 * a GPU Chromium composites in software either way, and saying so makes runs comparable.
 * @param {{ gpu?: boolean }} [options]
 */
export function launchBrowser({ gpu = false } = {}) {
  const executablePath = chromiumPath();
  return chromium.launch({
    ...(executablePath === undefined ? {} : { executablePath }),
    args: [...(gpu ? [] : ['--disable-gpu']), ...CHROMIUM_ARGS],
  });
}

/**
 * What the page records for the benchmark, from before its first script runs: long tasks, long
 * animation frames, Element Timing and LCP. Passive observers only: no timers, no rAF loop.
 */
function installObservers() {
  /** @type {BenchRecord} */
  const record = { longtask: [], 'long-animation-frame': [], element: [], 'largest-contentful-paint': [] };
  Object.defineProperty(window, '__bench', { value: record });
  for (const [type, entries] of Object.entries(record)) {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const timing = /** @type {PerformanceEntry & Partial<EntryTimings>} */ (entry);
          entries.push({
            start: timing.startTime,
            duration: timing.duration,
            renderTime: timing.renderTime,
            loadTime: timing.loadTime,
            identifier: timing.identifier,
            blocking: timing.blockingDuration,
          });
        }
      }).observe({ type, buffered: true });
    } catch {
      // An entry type this browser does not support stays empty.
    }
  }
}

/**
 * A new page at 1920×1080 with touch, in its own context (its own cache and storage).
 * @param {Browser} browser
 * @param {{ observers?: boolean }} [options]
 */
export async function openPage(browser, { observers = true } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, hasTouch: true, deviceScaleFactor: 1 });
  if (observers) await context.addInitScript(installObservers);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp };
}

/**
 * Waits until no animation is running or about to start in the page (polled from Node).
 * @param {Page} page
 * @param {{ timeout?: number; interval?: number }} [options]
 */
export async function waitForStill(page, { timeout = 15_000, interval = 25 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const moving = await page.evaluate(() =>
      document.getAnimations().some((animation) => animation.pending || animation.playState === 'running'),
    );
    if (!moving) return;
    if (Date.now() > deadline) throw new Error('The page kept animating');
    await sleep(interval);
  }
}

/**
 * JS heap, DOM nodes and listeners, with garbage collected first (several passes, as DevTools does).
 * @param {CDPSession} cdp
 */
export async function memoryReading(cdp) {
  for (let pass = 0; pass < 3; pass += 1) {
    await cdp.send('HeapProfiler.collectGarbage');
    await sleep(50);
  }
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  return {
    heapBytes: usedSize,
    documents: counters.documents,
    nodes: counters.nodes,
    listeners: counters.jsEventListeners,
  };
}

/**
 * A finger dragged sideways across the screen, as Chromium receives it from a touchscreen: a move every frame for about 130 ms, then lifted.
 * @param {CDPSession} cdp
 * @param {Point} from
 * @param {Point} to
 */
export async function swipe(cdp, from, to) {
  const steps = 8;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let step = 1; step <= steps; step += 1) {
    await sleep(16);
    const point = {
      x: from.x + ((to.x - from.x) * step) / steps,
      y: from.y + ((to.y - from.y) * step) / steps,
    };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}
