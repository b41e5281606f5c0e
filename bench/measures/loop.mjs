// @ts-check
/// <reference lib="dom" />
/* global window -- used in functions that run in the page */
import { launchBrowser, openPage } from '../lib/browser.mjs';
import { browserCpuSeconds } from '../lib/processes.mjs';
import { sleep } from '../lib/stats.mjs';
import { TRACE_CATEGORIES, frameStats, longTasks, parseTrace, rendererOf, wakeUps } from '../lib/trace.mjs';

/** @import { CDPSession, Page } from '@playwright/test' */
/** @import { BenchWindow } from '../lib/browser.mjs' */
/** @import { BenchEnv, Target } from '../run.mjs' */

/**
 * One run of the loop, whichever the pass: the Long Tasks and Long Animation Frames APIs' counts.
 * @typedef {{
 *   seconds: number;
 *   longTasks: number;
 *   longAnimationFrames: number;
 *   longestTaskMs: number;
 *   longestAnimationFrameMs: number;
 * }} LoopRun
 */

/**
 * A run of the CPU pass.
 * @typedef {LoopRun & { mainThreadBusyShare: number; browserCpuSeconds: number; browserCpuPerMinute: number }} CpuLoopRun
 */

/**
 * A run of the trace pass.
 * @typedef {LoopRun & {
 *   frames: ReturnType<typeof frameStats>;
 *   slowFrameShare: number;
 *   traceLongTasks: number;
 *   wakeUps: ReturnType<typeof wakeUps>;
 * }} TraceLoopRun
 */

/**
 * 3 and 4. The attract loop left alone for `loopSeconds` of real time, real animations, in a browser
 * of its own (so that every process it counts belongs to this page):
 * - the CPU pass reads main-thread busy time (Performance.getMetrics TaskDuration), the CPU seconds
 *   of all the browser's processes, and the Long Tasks / Long Animation Frames APIs;
 * - the trace pass records a Chromium trace for frames, long tasks and wake-ups (tracing costs CPU
 *   itself, so it is never on during the CPU pass).
 * @overload
 * @param {BenchEnv} env
 * @param {Target} target
 * @param {{ trace: false }} pass
 * @returns {Promise<CpuLoopRun>}
 */
/**
 * @overload
 * @param {BenchEnv} env
 * @param {Target} target
 * @param {{ trace: true }} pass
 * @returns {Promise<TraceLoopRun>}
 */
/**
 * @param {BenchEnv} env
 * @param {Target} target
 * @param {{ trace: boolean }} pass
 * @returns {Promise<CpuLoopRun | TraceLoopRun>}
 */
export async function measureLoop(env, target, { trace }) {
  const browser = await launchBrowser(env);
  try {
    const { page, cdp } = await openPage(browser);
    const browserSession = await browser.newBrowserCDPSession();
    await cdp.send('Performance.enable');
    await page.goto(env.urls[target]);
    await page.waitForFunction(() =>
      /** @type {BenchWindow} */ (window).__bench.element.some((entry) => entry.identifier === 'slide-title'),
    );
    // Start-up (fonts, pictures, the first layout, compilation) is measured in "first slide".
    await sleep(env.settleMs);

    if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const before = await snapshot(page, cdp, browserSession);
    await sleep(env.loopSeconds * 1000);
    const after = await snapshot(page, cdp, browserSession);
    const wall = (after.wall - before.wall) / 1000;

    const since = before.pageNow;
    const run = {
      seconds: wall,
      ...(await page.evaluate((start) => {
        const { __bench } = /** @type {BenchWindow} */ (window);
        const longTasks = __bench.longtask.filter((entry) => entry.start >= start);
        const frames = __bench['long-animation-frame'].filter((entry) => entry.start >= start);
        return {
          longTasks: longTasks.length,
          longAnimationFrames: frames.length,
          longestTaskMs: Math.max(0, ...longTasks.map((entry) => entry.duration)),
          longestAnimationFrameMs: Math.max(0, ...frames.map((entry) => entry.duration)),
        };
      }, since)),
    };
    if (!trace) {
      return {
        ...run,
        mainThreadBusyShare: (after.taskDuration - before.taskDuration) / wall,
        browserCpuSeconds: after.cpu - before.cpu,
        browserCpuPerMinute: ((after.cpu - before.cpu) / wall) * 60,
      };
    }
    const events = parseTrace(await browser.stopTracing());
    const renderer = rendererOf(events);
    const frames = frameStats(events, renderer.pid);
    return {
      ...run,
      frames,
      slowFrameShare: frames.slowShare,
      traceLongTasks: longTasks(events, renderer),
      wakeUps: wakeUps(events, renderer.pid),
    };
  } finally {
    await browser.close();
  }
}

/**
 * @param {Page} page
 * @param {CDPSession} cdp
 * @param {CDPSession} browserSession
 */
async function snapshot(page, cdp, browserSession) {
  const [{ metrics }, cpu, pageNow] = await Promise.all([
    cdp.send('Performance.getMetrics'),
    browserCpuSeconds(browserSession),
    page.evaluate(() => performance.now()),
  ]);
  return {
    wall: performance.now(),
    taskDuration: metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0,
    cpu,
    pageNow,
  };
}
