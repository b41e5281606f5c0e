// @ts-check
import { readFileSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleModule } from '../lib/bundle.mjs';
import { startPreview } from '../lib/servers.mjs';
import { median, sleep, summarize } from '../lib/stats.mjs';

/** @import { BenchEnv } from '../run.mjs' */
/** @import { Row } from '../report.mjs' */

/**
 * What the benchmark uses of tests/support/hostile-folder.ts: the folder every test of hostile
 * content uses, and twenty slides of a megabyte each.
 * @typedef {{
 *   makeHostileFolder: (dir: string, fixtures: string) => void;
 *   addHeavySlides: (dir: string, count?: number) => void;
 * }} HostileModule
 */

/**
 * One reading of a folder by the preview, seen from outside: the longest the preview took to
 * answer a request while it read (its event loop's longest stall, give or take a millisecond of
 * HTTP), how long until the new content was there, and the highest memory of the preview and of
 * its content reader.
 * @typedef {{ stallMs: number; loadMs: number; hostPeakMb: number; agentPeakMb: number }} FolderReading
 */

/** How often the preview is asked for its content while it reads the folder. */
const POLL_MS = 10;

/**
 * 9. Loading a hostile folder: the good slides of tests/fixtures/three-slides beside every kind of
 * hostile file and twenty 1 MB slides built to stall a YAML parser, saved into the folder a running
 * preview watches. The preview stands for the kiosk's main process: it reads the folder the way
 * the kiosk does, through a content reader of its own. The baseline is the same preview reading
 * the bundled content folder, saved in the same way.
 * @param {BenchEnv} env
 */
export async function measureHostileFolder(env) {
  const modulePath = await bundleModule(
    env.root,
    'tests/support/hostile-folder.ts',
    join(env.workDir, 'hostile-module'),
  );
  /** @type {unknown} */
  const loaded = await import(pathToFileURL(modulePath).href);
  const { makeHostileFolder, addHeavySlides } = /** @type {HostileModule} */ (loaded);
  const fixtures = join(env.root, 'tests/fixtures');
  /** @param {string} dir */
  const writeHostile = (dir) => {
    makeHostileFolder(dir, fixtures);
    addHeavySlides(dir);
    return Promise.resolve();
  };
  /** @param {string} dir */
  const writeBundled = (dir) => cp(join(env.root, 'content'), dir, { recursive: true, force: true });

  /** @type {FolderReading[]} */
  const hostile = [];
  /** @type {FolderReading[]} */
  const baseline = [];
  for (let rep = 0; rep < env.reps.hostile; rep += 1) {
    baseline.push(await readingOf(env, writeBundled, 'baseline'));
    hostile.push(await readingOf(env, writeHostile, 'hostile'));
  }
  return { hostile, baseline };
}

/**
 * Starts a preview on a folder of one slide, then writes the folder's new files with `fill` and
 * measures the reading that follows, until the preview's content has changed.
 * @param {BenchEnv} env
 * @param {(dir: string) => Promise<void>} fill
 * @param {string} name
 * @returns {Promise<FolderReading>}
 */
async function readingOf(env, fill, name) {
  const dir = join(env.workDir, `watched-${name}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'slides'), { recursive: true });
  await cp(join(env.root, 'tests/fixtures/three-slides/kiosk.yaml'), join(dir, 'kiosk.yaml'));
  await cp(join(env.root, 'tests/fixtures/three-slides/slides/01-first.md'), join(dir, 'slides/00-start.md'));
  const preview = await startPreview(env.buildDir, dir);
  const peaks = { host: 0, agent: 0 };
  try {
    await sleep(env.settleMs);
    const before = await contentOf(preview.url);
    const started = performance.now();
    // Written in all at once, as a folder copied from a USB stick is, pipes and links included.
    await fill(dir);
    let stallMs = 0;
    let loadMs = Number.NaN;
    while (performance.now() - started < 60_000) {
      const asked = performance.now();
      const now = await contentOf(preview.url);
      stallMs = Math.max(stallMs, performance.now() - asked);
      sampleMemory(preview.pid, peaks);
      if (now !== before) {
        loadMs = performance.now() - started;
        break;
      }
      await sleep(POLL_MS);
    }
    if (Number.isNaN(loadMs)) throw new Error(`The preview never showed the ${name} folder`);
    return { stallMs, loadMs, hostPeakMb: peaks.host, agentPeakMb: peaks.agent };
  } finally {
    await preview.close();
  }
}

/** @param {string} url */
async function contentOf(url) {
  const response = await fetch(new URL('api/content', url));
  return response.text();
}

/**
 * The highest resident memory so far (VmHWM, Linux) of the preview and of its children (the
 * content reader), in MB.
 * @param {number | undefined} pid
 * @param {{ host: number; agent: number }} peaks
 */
function sampleMemory(pid, peaks) {
  if (pid === undefined) return;
  peaks.host = Math.max(peaks.host, peakMb(pid));
  for (const child of childrenOf(pid)) peaks.agent = Math.max(peaks.agent, peakMb(child));
}

/** @param {number} pid */
function peakMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    return Math.round(kilobytes / 1024);
  } catch {
    return 0;
  }
}

/** @param {number} pid */
function childrenOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter((entry) => entry !== '')
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * While a kiosk reads a folder it must keep answering touches: a stall of its main process
 * longer than this would be felt under a finger.
 */
const STALL_BUDGET_MS = 100;
/** The content reader holds at most 4 MB of text and one picture at a time: this is ample. */
const AGENT_BUDGET_MB = 200;
/** Hostile files are read by the content reader, not the main process: it should not grow. */
const HOST_BUDGET_RATIO = 1.25;

/**
 * The table's rows for figure 9: the hostile folder beside the bundled content, read the same way.
 * @param {{ hostile: readonly FolderReading[]; baseline: readonly FolderReading[] } | undefined} results
 * @returns {Row[]}
 */
export function hostileFolderRows(results) {
  if (results === undefined) return [];
  const of = (/** @type {readonly FolderReading[]} */ readings, /** @type {keyof FolderReading} */ key) =>
    readings.map((reading) => reading[key]);
  /** The hostile readings' summary beside the baseline's median, and their median. */
  const figure = (/** @type {keyof FolderReading} */ key) => {
    const value = median(of(results.hostile, key));
    const baseline = median(of(results.baseline, key));
    const row = {
      summary: summarize(of(results.hostile, key)),
      ...(baseline === undefined ? {} : { baseline }),
      ...(value === undefined || baseline === undefined || baseline === 0 ? {} : { ratio: value / baseline }),
    };
    return { value, baseline, row };
  };
  const stall = figure('stallMs');
  const host = figure('hostPeakMb');
  const agent = figure('agentPeakMb');
  return [
    {
      id: 'hostile-stall',
      figure: 'Longest answer from the kiosk process while it reads a hostile folder',
      unit: 'ms',
      ...stall.row,
      budget: `≤ ${STALL_BUDGET_MS} ms`,
      met: stall.value !== undefined && stall.value <= STALL_BUDGET_MS,
      note: `asked every ${POLL_MS} ms; baseline: the same reading the bundled content`,
    },
    {
      id: 'hostile-load',
      figure: 'Hostile folder read and checked, to the new content (preview)',
      unit: 'ms',
      ...figure('loadMs').row,
      note: 'every hostile kind of file beside three good slides and twenty 1 MB slides',
    },
    {
      id: 'hostile-host-memory',
      figure: 'Peak memory of the kiosk process reading a hostile folder',
      unit: 'MB',
      ...host.row,
      budget: `≤ ${HOST_BUDGET_RATIO}× baseline`,
      met:
        host.value !== undefined &&
        host.baseline !== undefined &&
        host.value <= host.baseline * HOST_BUDGET_RATIO,
    },
    {
      id: 'hostile-agent-memory',
      figure: 'Peak memory of the content reader reading a hostile folder',
      unit: 'MB',
      ...agent.row,
      budget: `≤ ${AGENT_BUDGET_MB} MB`,
      met: agent.value !== undefined && agent.value <= AGENT_BUDGET_MB,
    },
  ];
}
