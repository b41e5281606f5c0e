// @ts-check
/// <reference lib="dom" />
/* global window, document, MutationObserver, requestAnimationFrame -- used in functions that run in the page */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { launchBrowser, openPage, waitForStill } from '../lib/browser.mjs';
import { bundleModule } from '../lib/bundle.mjs';
import { startPreview } from '../lib/servers.mjs';
import { median, sleep } from '../lib/stats.mjs';

/** @import { BenchEnv } from '../run.mjs' */

/**
 * What the benchmark uses of the kiosk's content loader (src/node/content/load.ts): the loader,
 * and the real file system as the content agent gives it to the loader.
 * @typedef {{
 *   loadContent: (dir: string, files: unknown) => Promise<unknown>;
 *   nodeContentFileSystem: (clock: unknown, deadlineMs: number) => unknown;
 * }} LoaderModule
 */

/**
 * What COLD_SCRIPT prints: one load's time, and what it found.
 * @typedef {{ ms: number; slides: number; languages: number; problems: unknown }} ColdLoad
 */

/**
 * The page's window, with the promise of the saved text on screen (the time it showed).
 * @typedef {typeof window & { __shown?: Promise<number> }} SaveWindow
 */

const run = promisify(execFile);

/**
 * A slide in the default language (`01-name.md`), not a translation such as `01-name.es.md`.
 * @param {string} name
 */
const isDefaultLanguageSlide = (name) => /^[^.]+\.md$/.test(name);

/**
 * A content folder of `count` slides in English and Spanish (`languages: [en, es]`, each slide with
 * its `NN-name.es.md` translation), built from the bundled slides' own text and pictures.
 * @param {string} dir
 * @param {string} sourceDir
 */
export async function writeTwoLanguageContent(dir, sourceDir, count = 20) {
  await mkdir(join(dir, 'slides'), { recursive: true });
  await cp(join(sourceDir, 'images'), join(dir, 'images'), { recursive: true });
  await writeFile(
    join(dir, 'kiosk.yaml'),
    [
      'title: { en: Acupuncture and chronic back pain, es: La acupuntura y el dolor de espalda crónico }',
      'subtitle: { en: Twenty ways acupuncture can help, es: Veinte formas en que la acupuntura puede ayudarle }',
      'disclaimer: { en: General information only., es: Información general. }',
      'languages: [en, es]',
      'attract:',
      '  seconds_per_slide: 10',
      '  languages: rotate',
      'touch:',
      '  idle_seconds: 60',
      '  warning_seconds: 10',
      '',
    ].join('\n'),
  );
  const names = await readdir(join(sourceDir, 'slides'));
  const slides = names.filter(isDefaultLanguageSlide).sort();
  /** @param {string} name */
  const read = (name) => readFile(join(sourceDir, 'slides', name), 'utf8');
  /**
   * @param {string} text
   * @param {number} index
   */
  const numbered = (text, index) => text.replace(/^title: (.*)$/m, `title: $1 (${index + 1})`);
  for (let index = 0; index < count; index += 1) {
    const name = slides[index % slides.length];
    if (name === undefined) throw new Error(`No slides in ${sourceDir}`);
    const english = await read(name);
    // The bundled translation where there is one; otherwise the English text, marked as Spanish.
    const translation = name.replace(/\.md$/, '.es.md');
    const spanish = names.includes(translation)
      ? await read(translation)
      : english.replace(/^title: (.*)$/m, 'title: ES $1').replace(/^summary: (.*)$/m, 'summary: ES $1');
    const number = String(index + 1).padStart(2, '0');
    await writeFile(join(dir, 'slides', `${number}-topic.md`), numbered(english, index));
    await writeFile(join(dir, 'slides', `${number}-topic.es.md`), numbered(spanish, index));
  }
  return dir;
}

const COLD_SCRIPT = `
const [loader, dir] = process.argv.slice(1);
const { loadContent, nodeContentFileSystem } = await import(loader);
const clock = { now: Date.now, setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h) };
const files = nodeContentFileSystem(clock, 5000);
const start = performance.now();
const state = await loadContent(dir, files);
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, slides: state.deck?.slides.length ?? 0, languages: 1 + (state.deck?.translations.length ?? 0), problems: state.problems }));
`;

/**
 * 7a. Time to load and validate the folder: `cold` is the first load in a new Node process (what
 * starting the app costs; the module itself is already imported), `warm` the median of later
 * loads in one process (what each save costs the running app).
 * @param {BenchEnv} env
 * @param {string} dir
 */
export async function measureLoad(env, dir) {
  const loaderPath = await bundleModule(env.root, 'src/node/content/load.ts', join(env.workDir, 'loader'));
  /** @type {ColdLoad[]} */
  const coldLoads = [];
  for (let rep = 0; rep < env.reps.content; rep += 1) {
    const { stdout } = await run(process.execPath, [
      '--input-type=module',
      '-e',
      COLD_SCRIPT,
      pathToFileURL(loaderPath).href,
      dir,
    ]);
    /** @type {unknown} */
    const result = JSON.parse(stdout);
    coldLoads.push(/** @type {ColdLoad} */ (result));
  }
  const last = coldLoads.at(-1);
  if (last === undefined) throw new Error('The content folder was never loaded in a new process');
  /** @type {unknown} */
  const loader = await import(pathToFileURL(loaderPath).href);
  const { loadContent, nodeContentFileSystem } = /** @type {LoaderModule} */ (loader);
  const files = nodeContentFileSystem(
    {
      now: Date.now,
      setTimeout: (/** @type {() => void} */ f, /** @type {number} */ ms) => setTimeout(f, ms),
      clearTimeout,
    },
    5000,
  );
  for (let rep = 0; rep < 3; rep += 1) await loadContent(dir, files);
  /** @type {number[]} */
  const warm = [];
  for (let rep = 0; rep < 20; rep += 1) {
    const start = performance.now();
    await loadContent(dir, files);
    warm.push(performance.now() - start);
  }
  return {
    cold: coldLoads.map((load) => load.ms),
    warmMedian: median(warm),
    warm,
    slides: last.slides,
    languages: last.languages,
    problems: last.problems,
  };
}

/**
 * 7b. From a slide file saved on disk to its new title on screen, in the preview (its watcher, its
 * debounce, the Server-Sent Event, the page's update and the next frame). The kiosk is in touch
 * mode on that slide, so the new text replaces the old in place. "On screen" is the second
 * animation frame after the heading's text changed: the frame that painted it has ended by then.
 * @param {BenchEnv} env
 * @param {string} sourceDir
 */
export async function measureSaveToScreen(env, sourceDir) {
  const dir = join(env.workDir, 'live-content');
  await cp(sourceDir, dir, { recursive: true });
  const [first] = (await readdir(join(dir, 'slides'))).filter(isDefaultLanguageSlide).sort();
  if (first === undefined) throw new Error(`No slides in ${sourceDir}`);
  const file = join(dir, 'slides', first);
  const original = await readFile(file, 'utf8');
  const preview = await startPreview(env.buildDir, dir);
  const browser = await launchBrowser(env);
  /** @type {(number | undefined)[]} */
  const times = [];
  try {
    const { page } = await openPage(browser, { observers: false });
    await page.goto(preview.url);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await sleep(env.settleMs);
    await page.touchscreen.tap(960, 540);
    await waitForStill(page);

    for (let rep = 0; rep <= env.reps.save; rep += 1) {
      const marker = `saved ${rep} ${Date.now()}`;
      await page.evaluate((text) => {
        const shownWindow = /** @type {SaveWindow} */ (window);
        shownWindow.__shown = new Promise((resolve) => {
          const check = () => {
            const heading = document.querySelector('h2[elementtiming="slide-title"]');
            if (!heading?.textContent.includes(text)) return false;
            observer.disconnect();
            requestAnimationFrame(() =>
              requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now())),
            );
            return true;
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        });
      }, marker);
      await page.touchscreen.tap(960, 540); // stay in touch mode, away from the idle prompt
      await sleep(1000); // the watcher is quiet again
      const saved = performance.timeOrigin + performance.now();
      await writeFile(file, original.replace(/^title: (.*)$/m, `title: $1 ${marker}`));
      const shown = await Promise.race([
        page.evaluate(() => /** @type {SaveWindow} */ (window).__shown),
        sleep(10_000).then(() => undefined),
      ]);
      // The first save warms the watcher and the page up: not counted.
      if (rep > 0) times.push(shown === undefined ? undefined : shown - saved);
    }
  } finally {
    await writeFile(file, original);
    await browser.close();
    await preview.close();
  }
  return { times };
}

/**
 * 7. Both content figures; the 20-slide, 2-language folder is generated under the work folder.
 * @param {BenchEnv} env
 * @param {string} contentDir
 * @param {{ load: boolean; save: boolean }} figures
 */
export async function measureContentFolder(env, contentDir, { load, save }) {
  /**
   * @type {{
   *   load?: Awaited<ReturnType<typeof measureLoad>>;
   *   save?: Awaited<ReturnType<typeof measureSaveToScreen>>;
   * }}
   */
  const result = {};
  if (load) {
    const dir = await writeTwoLanguageContent(join(env.workDir, 'twenty-slides'), contentDir);
    result.load = await measureLoad(env, dir);
  }
  if (save) result.save = await measureSaveToScreen(env, contentDir);
  return result;
}
