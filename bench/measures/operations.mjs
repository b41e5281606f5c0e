// @ts-check
/// <reference lib="dom" />
/* global window -- used in functions that run in the page */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleModule } from '../lib/bundle.mjs';
import { launchBrowser } from '../lib/browser.mjs';
import { startPreview } from '../lib/servers.mjs';
import { median, round, summarize } from '../lib/stats.mjs';
import { measureLoop } from './loop.mjs';

/** @import { BenchEnv } from '../run.mjs' */
/** @import { CpuLoopRun } from './loop.mjs' */
/** @import { Row } from '../report.mjs' */

/**
 * What running a clinic's screen costs (issue 13): recording what was shown and how it was used,
 * on the page's thread and in the main process, and the attract loop with an information notice's
 * band on screen. Kept apart from the other measures, with their own rows.
 *
 * @typedef {{
 *   usage?: { readonly pageMicros: readonly number[]; readonly writeMicros: readonly number[]; readonly events: number };
 *   noticeLoop?: { readonly seconds: number; readonly plain: readonly CpuLoopRun[]; readonly band: readonly CpuLoopRun[] };
 * }} OperationsResults
 */

/** Events per run: a busy day's worth of touches and slides, many times over. */
const EVENTS = 20_000;

const ORIGIN = 'http://usage-bench.invalid';

/**
 * What the page does for the record, `count` times over: the tracker looks at the screen as it
 * changes (the loop's slides, touch sessions with their slides and panels) and the recorder notes
 * each event it makes, sending them in batches to a main process that answers at once. Returns
 * microseconds per event, on the page's thread.
 */
const PAGE = `<!doctype html><title>usage</title><script type="module">
import { UsageTracker } from './tracker.mjs';
import { UsageRecorder } from './recorder.mjs';
window.usageBench = (count) => {
  let now = Date.now();
  const clock = { now: () => now, setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (id) => clearTimeout(id) };
  let events = 0;
  const recorder = new UsageRecorder({ recordUsage: () => Promise.resolve(undefined) }, clock);
  const tracker = new UsageTracker((event) => { events += 1; recorder.record(event); });
  const base = { panel: 'none', hidden: false, closed: false, urgent: undefined, info: [{ id: 'parking', language: 'en' }] };
  const started = performance.now();
  for (let step = 0; events < count; step += 1) {
    now += 1000;
    const slide = { id: 'slide-' + (step % 20), language: step % 2 === 0 ? 'en' : 'es' };
    const phase = step % 12;
    tracker.observe({ ...base, kiosk: phase < 6 ? 'attract' : 'touch', slide, panel: phase === 8 ? 'details' : phase === 10 ? 'topics' : 'none', info: phase % 3 === 0 ? [] : base.info }, now);
    if (step % 50 === 0) recorder.send();
  }
  const micros = ((performance.now() - started) * 1000) / events;
  recorder.stop();
  return micros;
};
</script>`;

/**
 * The record of use, per event:
 * - on the page's thread, in Chromium: the page's own recorder and tracker (src/renderer/src/lib/,
 *   bundled by Vite), fed a loop and touch sessions, their events sent in batches to a stand-in for
 *   the main process that answers at once. This is what a touch pays.
 * - in the main process, in Node: the store (src/node/usage/store.ts) appending those events in the
 *   page's batches to a real file, flushed as the kiosk flushes it.
 * @param {BenchEnv} env
 */
export async function measureUsageCost(env) {
  const work = join(env.workDir, 'usage');
  const modules = {
    '/tracker.mjs': await bundleModule(
      env.root,
      'src/renderer/src/lib/usage-tracker.ts',
      join(work, 'tracker'),
    ),
    '/recorder.mjs': await bundleModule(
      env.root,
      'src/renderer/src/lib/usage-recorder.ts',
      join(work, 'recorder'),
    ),
  };
  const store = await bundleModule(env.root, 'src/node/usage/store.ts', join(work, 'store'));
  const browser = await launchBrowser(env);
  /** @type {number[]} */
  const pageMicros = [];
  /** @type {number[]} */
  const writeMicros = [];
  try {
    const tab = await browser.newPage();
    // A page of its own, on an origin of its own, that loads the kiosk's two modules.
    await tab.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = path === '/' ? undefined : modules[/** @type {keyof typeof modules} */ (path)];
      await route.fulfill(
        file === undefined
          ? { contentType: 'text/html', body: PAGE }
          : { contentType: 'text/javascript', body: await readFile(file, 'utf8') },
      );
    });
    await tab.goto(`${ORIGIN}/`);
    await tab.waitForFunction(() => 'usageBench' in window);
    for (let run = 0; run < env.reps.content; run += 1) {
      pageMicros.push(
        await tab.evaluate(
          (count) =>
            /** @type {{ usageBench: (count: number) => number }} */ (
              /** @type {unknown} */ (window)
            ).usageBench(count),
          EVENTS,
        ),
      );
    }
    // Declared unknown first: the no-unsafe-* rules do not see a JSDoc cast of an `any` value.
    /** @type {unknown} */
    const imported = await import(pathToFileURL(store).href);
    const module =
      /** @type {{ UsageStore: new (options: object) => { append(records: object[]): Promise<void>; close(): Promise<void> } }} */ (
        imported
      );
    for (let run = 0; run < env.reps.content; run += 1) {
      const dir = join(work, `record-${run}`);
      await rm(dir, { recursive: true, force: true });
      const writer = new module.UsageStore({
        dir,
        clock: { now: () => Date.now(), setTimeout, clearTimeout },
        keepDays: () => 90,
        timeZone: () => 'Europe/London',
        log: { warn: () => undefined, error: (/** @type {string} */ message) => console.error(message) },
      });
      const batch = Array.from({ length: 10 }, (_, index) => ({
        type: 'shown',
        what: 'slide',
        id: `0${index}-slide`,
        language: 'en',
        start: Date.now(),
        seconds: 10,
      }));
      const started = performance.now();
      for (let written = 0; written < EVENTS; written += batch.length) await writer.append(batch);
      await writer.close();
      writeMicros.push(((performance.now() - started) * 1000) / EVENTS);
    }
  } finally {
    await browser.close();
  }
  return { pageMicros, writeMicros, events: EVENTS };
}

/**
 * The attract loop's CPU with an information notice's band on every screen, beside the same loop
 * without it: the bundled content, copied, with one notice added. CPU passes only, taking turns.
 * @param {BenchEnv} env
 */
export async function measureNoticeLoop(env) {
  const contentDir = join(env.workDir, 'content-with-notice');
  await rm(contentDir, { recursive: true, force: true });
  await cp(join(env.root, 'content'), contentDir, { recursive: true });
  await mkdir(join(contentDir, 'notices'), { recursive: true });
  await writeFile(
    join(contentDir, 'notices', 'parking.md'),
    '---\ntitle: The car park is closed today.\nlevel: info\n---\nPlease park in the street behind the clinic.\n',
  );
  const withBand = await startPreview(env.buildDir, contentDir);
  /** @type {CpuLoopRun[]} */
  const plain = [];
  /** @type {CpuLoopRun[]} */
  const band = [];
  try {
    const bandEnv = { ...env, urls: { ...env.urls, kiosk: withBand.url } };
    for (let run = 0; run < env.reps.loopRuns; run += 1) {
      plain.push(await measureLoop(env, 'kiosk', { trace: false }));
      band.push(await measureLoop(bandEnv, 'kiosk', { trace: false }));
    }
  } finally {
    await withBand.close();
  }
  return { seconds: env.loopSeconds, plain, band };
}

/**
 * The table's rows for these measures.
 * @param {OperationsResults} results
 * @returns {Row[]}
 */
export function operationsRows(results) {
  /** @type {Row[]} */
  const rows = [];
  const { usage, noticeLoop } = results;
  if (usage) {
    const page = median(usage.pageMicros);
    rows.push(
      {
        id: 'usage-page',
        figure: 'Record of use: page thread, per event',
        unit: 'µs',
        summary: summarize(usage.pageMicros),
        budget: '≤ 1 ms',
        met: page !== undefined && page <= 1000,
        note: `${usage.events} events per run, in the page's batches`,
      },
      {
        id: 'usage-write',
        figure: 'Record of use: written to disk (main), per event',
        unit: 'µs',
        summary: summarize(usage.writeMicros),
      },
    );
  }
  if (noticeLoop) {
    const perMinute = (/** @type {readonly CpuLoopRun[]} */ runs) =>
      runs.map((run) => run.browserCpuPerMinute);
    const busy = (/** @type {readonly CpuLoopRun[]} */ runs) =>
      runs.map((run) => run.mainThreadBusyShare * 100);
    const plainCpu = median(perMinute(noticeLoop.plain));
    const bandCpu = median(perMinute(noticeLoop.band));
    const bandBusy = median(busy(noticeLoop.band));
    const long = (/** @type {readonly CpuLoopRun[]} */ runs) =>
      runs.reduce((sum, run) => sum + run.longTasks + run.longAnimationFrames, 0);
    // Judged against the same loop without the band, run in turn with it: on a machine busy with
    // other work both have long frames, and the band must add none.
    const longTasks = long(noticeLoop.band);
    const plainLongTasks = long(noticeLoop.plain);
    rows.push(
      {
        id: 'notice-loop-cpu',
        figure: 'Browser CPU, loop with an info band',
        unit: 'CPU s/min',
        summary: summarize(perMinute(noticeLoop.band)),
        baseline: plainCpu,
        ratio: plainCpu === undefined || bandCpu === undefined ? undefined : round(bandCpu / plainCpu, 2),
        note: 'the baseline column is the same loop without the band',
      },
      {
        id: 'notice-loop-busy',
        figure: 'Main-thread busy, loop with an info band',
        unit: '% of wall',
        summary: summarize(busy(noticeLoop.band)),
        budget: '≤ 2%; long tasks ≤ without the band',
        met: bandBusy !== undefined && bandBusy <= 2 && longTasks <= plainLongTasks,
        note: `long tasks and long animation frames in ${noticeLoop.band.length} × ${noticeLoop.seconds} s: ${longTasks} with the band, ${plainLongTasks} without`,
      },
    );
  }
  return rows;
}
