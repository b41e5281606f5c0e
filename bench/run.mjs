#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: builds the app, serves the renderer with the browser preview, drives Debian's
 * Chromium through Playwright at 1920×1080 with touch, and prints one table, also written to
 * bench/results.json. See BENCHMARKS.md for what each figure means.
 *
 *   node bench/run.mjs [--quick] [--no-build] [--gpu] [--only first,touch,loop,loop2,memory,size,content,save,usage,notice,repository,hostile] [--strict]
 *
 * --quick   CI's short run: fewer repetitions, 10 s loops, 100 slide changes, 20 touch sessions.
 *           Exits 1 only if a count-based budget (memory, listeners, DOM nodes, long tasks) is
 *           broken by a wide margin; timings never fail it.
 * --strict  exit 1 if any budget is not met.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { measureContentFolder } from './measures/content-folder.mjs';
import { measureFirstSlide } from './measures/first-slide.mjs';
import { measureLoop } from './measures/loop.mjs';
import { measureMemory } from './measures/memory.mjs';
import { hostileFolderRows, measureHostileFolder } from './measures/hostile-folder.mjs';
import { measureRepository } from './measures/repository.mjs';
import { measureNoticeLoop, measureUsageCost, operationsRows } from './measures/operations.mjs';
import { measureSize } from './measures/size.mjs';
import { measureTouch, measureTouchBaseline } from './measures/touch.mjs';
import { writeBaseline } from './lib/baseline.mjs';
import { bundleModule } from './lib/bundle.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { writePacedContent } from './lib/paced-content.mjs';
import { startPreview, startStaticServer } from './lib/servers.mjs';
import { buildRows, formatTable, wideMarginFailures } from './report.mjs';

/** @import { TimingModule } from './lib/baseline.mjs' */
/** @import { CpuLoopRun, TraceLoopRun } from './measures/loop.mjs' */
/** @import { LoopResults, Results } from './report.mjs' */

/**
 * A slide as the preview serves it (GET /api/content): the parts the benchmark reads.
 * @typedef {{
 *   readonly language: string;
 *   readonly title: string;
 *   readonly summary: string;
 *   readonly image?: string;
 *   readonly seconds: number;
 * }} Slide
 */

/**
 * The deck in one language.
 * @typedef {{
 *   readonly language: string;
 *   readonly title: string;
 *   readonly subtitle?: string;
 *   readonly disclaimer?: string;
 *   readonly slides: readonly Slide[];
 * }} LocalizedDeck
 */

/**
 * The deck of the bundled content, in its default language, with its translations.
 * @typedef {LocalizedDeck & {
 *   readonly idleSeconds: number;
 *   readonly warningSeconds: number;
 *   readonly translations: readonly LocalizedDeck[];
 * }} Deck
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = join(ROOT, 'bench/results');
const SECTIONS = [
  'size',
  'content',
  'first',
  'touch',
  'loop',
  'loop2',
  'memory',
  'save',
  'usage',
  'notice',
  'repository',
  'hostile',
];

/**
 * The pace of the second loop (`loop2`): every slide 2 s on screen, the shortest kiosk.yaml allows,
 * so that slide changes, not the still slides between them, make most of its cost.
 */
const PACED_SECONDS_PER_SLIDE = 2;

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    gpu: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
  strict: true,
});
const sections = new Set(options.only ? options.only.split(',') : SECTIONS);
const quick = options.quick;

const settings = {
  root: ROOT,
  quick,
  gpu: options.gpu,
  buildDir: join(RESULTS_DIR, 'build'),
  workDir: join(RESULTS_DIR, 'work'),
  settleMs: 3000,
  loopSeconds: quick ? 10 : 60,
  touchInteractions: 50,
  slideChanges: quick ? 100 : 1000,
  touchSessions: quick ? 20 : 200,
  reps: {
    firstSlide: quick ? 3 : 9,
    touchRuns: quick ? 1 : 3,
    loopRuns: quick ? 1 : 3,
    content: quick ? 3 : 9,
    save: quick ? 3 : 7,
    hostile: quick ? 1 : 3,
  },
};

/** @typedef {'kiosk' | 'baseline'} Target The pages measured side by side. */

/**
 * What every measurement is given: the run's settings, the bundled deck, and the addresses of the
 * kiosk (the browser preview of the build) and of the baseline page.
 * @typedef {typeof settings & { deck: Deck; urls: Record<Target, string> }} BenchEnv
 */

/** @type {number[]} */
const loads = [];
/**
 * Progress, with the machine's load average: other work on a shared machine shows in timings.
 * @param {string} message
 */
const log = (message) => {
  const [load = 0] = os.loadavg();
  loads.push(load);
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message} (load ${load.toFixed(1)})`);
};

async function main() {
  const started = Date.now();
  await rm(settings.workDir, { recursive: true, force: true });
  await mkdir(settings.workDir, { recursive: true });

  if (!options['no-build']) {
    log('building (electron-vite build)');
    const built = spawnSync(join(ROOT, 'node_modules/.bin/electron-vite'), ['build', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (built.status !== 0) throw new Error('The build failed');
  }
  // A copy of the build: another build in this folder while the benchmark runs cannot change it.
  await rm(settings.buildDir, { recursive: true, force: true });
  await cp(join(ROOT, 'out'), settings.buildDir, { recursive: true });

  const contentDir = join(ROOT, 'content');
  const timingBundle = await bundleModule(
    ROOT,
    'src/renderer/src/lib/timing.ts',
    join(settings.workDir, 'timing'),
  );
  /** @type {unknown} */
  const timingModule = await import(pathToFileURL(timingBundle).href);
  const timing = /** @type {TimingModule} */ (timingModule);
  const site = await serve(contentDir, join(RESULTS_DIR, 'baseline'), timing);
  /** @type {Site | undefined} */
  let paced;
  /** @type {Results} */
  const results = {};
  /** @type {import('./measures/operations.mjs').OperationsResults} */
  const operations = {};
  /** @type {Awaited<ReturnType<typeof measureHostileFolder>> | undefined} */
  let hostile;
  try {
    if (sections.has('loop2')) {
      // A copy of the bundled content at 2 s per slide, with its own preview and baseline page.
      const pacedDir = await writePacedContent(
        join(settings.workDir, `content-${PACED_SECONDS_PER_SLIDE}s`),
        contentDir,
        PACED_SECONDS_PER_SLIDE,
      );
      paced = await serve(pacedDir, join(RESULTS_DIR, `baseline-${PACED_SECONDS_PER_SLIDE}s`), timing);
      const off = slidesOffPace(paced.deck, PACED_SECONDS_PER_SLIDE);
      if (off.length > 0) {
        throw new Error(
          `The ${PACED_SECONDS_PER_SLIDE} s copy of the content shows some slides longer: ${off.join(', ')}`,
        );
      }
    }
  } catch (error) {
    await site.close();
    await paced?.close();
    throw error;
  }
  /** @type {BenchEnv} */
  const env = { ...settings, deck: site.deck, urls: site.urls };

  const machineInfo = await machine();
  try {
    if (sections.has('size')) {
      log('size');
      results.size = await measureSize(join(env.buildDir, 'renderer'), contentDir);
    }
    if (sections.has('content') || sections.has('save')) {
      log('content folder: load time, saved file → screen');
      results.content = await measureContentFolder(env, contentDir, {
        load: sections.has('content'),
        save: sections.has('save'),
      });
    }
    if (sections.has('first')) {
      log(`first slide on screen (${env.reps.firstSlide} loads each)`);
      results.firstSlide = await measureFirstSlide(env);
    }
    if (sections.has('touch')) {
      log(`touch response (${env.reps.touchRuns} × ${env.touchInteractions} interactions)`);
      results.touch = await measureTouch(env);
      results.touchBaseline = await measureTouchBaseline(env);
    }
    if (sections.has('loop')) {
      results.loop = await measureLoops(env, 'loop');
    }
    if (paced) {
      const loops = await measureLoops(
        { ...env, deck: paced.deck, urls: paced.urls },
        `loop at ${PACED_SECONDS_PER_SLIDE} s per slide`,
      );
      results.loop2 = { ...loops, secondsPerSlide: PACED_SECONDS_PER_SLIDE };
    }
    if (sections.has('repository')) {
      log('content repository: the cost of an update, and CPU while idle between updates');
      results.repository = await measureRepository(env, contentDir);
    }
    if (sections.has('hostile')) {
      log(`hostile folder: the kiosk's answers and memory while it reads (${env.reps.hostile} × 2 readings)`);
      hostile = await measureHostileFolder(env);
    }
    if (sections.has('memory')) {
      log(`memory (${env.slideChanges} slide changes, ${env.touchSessions} touch sessions)`);
      results.memory = await measureMemory(env);
    }
    if (sections.has('usage')) {
      log('record of use: cost per event, on the page and on disk');
      operations.usage = await measureUsageCost(env);
    }
    if (sections.has('notice')) {
      log(`loop with an information band (${env.reps.loopRuns} × 2 CPU passes of ${env.loopSeconds} s)`);
      operations.noticeLoop = await measureNoticeLoop(env);
    }
  } finally {
    await site.close();
    await paced?.close();
  }

  const rows = [...buildRows(results), ...operationsRows(operations), ...hostileFolderRows(hostile)];
  const failures = quick ? wideMarginFailures(results) : [];
  const report = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    durationSeconds: Math.round((Date.now() - started) / 1000),
    settings,
    rows,
    wideMarginFailures: failures,
    results: {
      machine: { ...machineInfo, loadAverages: loads.map((load) => Math.round(load * 100) / 100) },
      ...results,
      operations,
    },
  };
  // A partial run (--only) never replaces the last whole run's results.
  const written = options.only
    ? join('bench/results', `only-${[...sections].join('-')}.json`)
    : 'bench/results.json';
  await writeFile(join(ROOT, written), `${JSON.stringify(report, null, 2)}\n`);

  const m = machineInfo;
  console.log(
    `\nClinic Kiosk benchmark (${report.mode}, ${report.durationSeconds} s) on ${m.cpus} × ${m.cpuModel}, ` +
      `${m.memoryGB} GB, ${m.os}, Chromium ${m.chromium} (${m.gpuFlag}, ${m.compositing}), Node ${m.node}, ` +
      `1-min load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during the run\n`,
  );
  console.log(formatTable(rows));
  console.log(`\nWritten to ${written}`);

  if (failures.length > 0) {
    console.error(`\nCount-based budgets broken by a wide margin:\n- ${failures.join('\n- ')}`);
    process.exitCode = 1;
  } else if (options.strict && rows.some((entry) => entry.met === false)) {
    console.error('\nSome budgets are not met (--strict).');
    process.exitCode = 1;
  }
}

/**
 * A content folder served side by side: the kiosk's browser preview of the build on it, and the
 * baseline page written from the deck the preview loaded.
 * @typedef {{ deck: Deck; urls: Record<Target, string>; close: () => Promise<void> }} Site
 */

/**
 * @param {string} contentDir
 * @param {string} baselineDir where to write the baseline page
 * @param {TimingModule} timing the kiosk's timing module, which orders the baseline's loop
 * @returns {Promise<Site>}
 */
async function serve(contentDir, baselineDir, timing) {
  const kiosk = await startPreview(settings.buildDir, contentDir);
  try {
    /** @type {unknown} */
    const state = await (await fetch(new URL('api/content', kiosk.url))).json();
    const { deck, problems } = /** @type {{ deck: Deck | null; problems: unknown }} */ (state);
    if (!deck) throw new Error(`The content in ${contentDir} did not load: ${JSON.stringify(problems)}`);
    await writeBaseline(baselineDir, deck, {
      assetsDir: join(settings.buildDir, 'renderer/assets'),
      contentDir,
      timing,
    });
    const baseline = await startStaticServer(baselineDir);
    return {
      deck,
      urls: { kiosk: kiosk.url, baseline: baseline.url },
      close: async () => {
        await kiosk.close();
        await baseline.close();
      },
    };
  } catch (error) {
    await kiosk.close();
    throw error;
  }
}

/**
 * The slides, in any language, that the deck does not show for `seconds`.
 * @param {Deck} deck
 * @param {number} seconds
 */
function slidesOffPace(deck, seconds) {
  return [deck, ...deck.translations].flatMap(({ slides }) =>
    slides.filter((slide) => slide.seconds !== seconds).map((slide) => `${slide.title} (${slide.seconds} s)`),
  );
}

/**
 * The attract loop of `env`'s content, kiosk and baseline in turns, each run a CPU pass and then a
 * trace pass, each in a browser of its own.
 * @param {BenchEnv} env
 * @param {string} label
 * @returns {Promise<LoopResults>}
 */
async function measureLoops(env, label) {
  /** @type {Record<`${Target}Cpu`, CpuLoopRun[]> & Record<`${Target}Trace`, TraceLoopRun[]>} */
  const runs = { kioskCpu: [], baselineCpu: [], kioskTrace: [], baselineTrace: [] };
  for (let run = 0; run < env.reps.loopRuns; run += 1) {
    for (const target of /** @type {const} */ (['kiosk', 'baseline'])) {
      log(
        `${label} ${run + 1}/${env.reps.loopRuns}, ${target}: CPU pass, then trace pass (${env.loopSeconds} s each)`,
      );
      runs[`${target}Cpu`].push(await measureLoop(env, target, { trace: false }));
      runs[`${target}Trace`].push(await measureLoop(env, target, { trace: true }));
    }
  }
  return { seconds: env.loopSeconds, ...runs };
}

async function machine() {
  const browser = await launchBrowser(settings);
  try {
    const session = await browser.newBrowserCDPSession();
    const { gpu } = await session.send('SystemInfo.getInfo');
    let commit;
    try {
      commit = execFileSync('git', ['describe', '--always', '--dirty'], {
        cwd: ROOT,
        encoding: 'utf8',
      }).trim();
    } catch {
      commit = undefined;
    }
    return {
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
      memoryGB: Math.round(os.totalmem() / 1024 ** 3),
      os: `${os.type()} ${os.release()}`,
      node: process.versions.node,
      chromium: browser.version(),
      gpuFlag: settings.gpu ? 'GPU allowed' : '--disable-gpu',
      compositing: `${gpu.featureStatus?.gpu_compositing ?? 'unknown'} compositing`,
      gpuFeatures: gpu.featureStatus,
      commit,
    };
  } finally {
    await browser.close();
  }
}

main().catch((/** @type {unknown} */ error) => {
  console.error(error);
  process.exit(2);
});
