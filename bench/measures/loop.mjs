/* global window -- used in functions that run in the page */
import { launchBrowser, openPage } from '../lib/browser.mjs';
import { browserCpuSeconds } from '../lib/processes.mjs';
import { sleep } from '../lib/stats.mjs';
import { TRACE_CATEGORIES, frameStats, longTasks, parseTrace, rendererOf, wakeUps } from '../lib/trace.mjs';

/**
 * 3 and 4. The attract loop left alone for `loopSeconds` of real time, real animations, in a browser
 * of its own (so that every process it counts belongs to this page):
 * - the CPU pass reads main-thread busy time (Performance.getMetrics TaskDuration), the CPU seconds
 *   of all the browser's processes, and the Long Tasks / Long Animation Frames APIs;
 * - the trace pass records a Chromium trace for frames, long tasks and wake-ups (tracing costs CPU
 *   itself, so it is never on during the CPU pass).
 */
export async function measureLoop(env, target, { trace }) {
  const browser = await launchBrowser(env);
  try {
    const { page, cdp } = await openPage(browser);
    const browserSession = await browser.newBrowserCDPSession();
    await cdp.send('Performance.enable');
    await page.goto(env.urls[target]);
    await page.waitForFunction(() =>
      window.__bench.element.some((entry) => entry.identifier === 'slide-title'),
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
        const longTasks = window.__bench.longtask.filter((entry) => entry.start >= start);
        const frames = window.__bench['long-animation-frame'].filter((entry) => entry.start >= start);
        return {
          longTasks: longTasks.length,
          longAnimationFrames: frames.length,
          longestTaskMs: Math.max(0, ...longTasks.map((entry) => entry.duration)),
          longestAnimationFrameMs: Math.max(0, ...frames.map((entry) => entry.duration)),
        };
      }, since)),
    };
    if (!trace) {
      run.mainThreadBusyShare = (after.taskDuration - before.taskDuration) / wall;
      run.browserCpuSeconds = after.cpu - before.cpu;
      run.browserCpuPerMinute = ((after.cpu - before.cpu) / wall) * 60;
    } else {
      const events = parseTrace(await browser.stopTracing());
      const renderer = rendererOf(events);
      const frames = frameStats(events, renderer.pid);
      run.frames = frames;
      run.slowFrameShare = frames.slowShare;
      run.traceLongTasks = longTasks(events, renderer);
      run.wakeUps = wakeUps(events, renderer.pid);
    }
    return run;
  } finally {
    await browser.close();
  }
}

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
