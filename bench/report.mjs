// @ts-check
import { median, round, summarize } from './lib/stats.mjs';
import { repositoryRows } from './lib/repository-rows.mjs';

/** @import { Summary } from './lib/stats.mjs' */
/** @import { RepositoryResults } from './lib/repository-rows.mjs' */
/** @import { CpuLoopRun, TraceLoopRun } from './measures/loop.mjs' */

/** The budgets of issue 5 and how each is judged, the table rows, and what fails CI. */

/**
 * A row of the table: a figure's median, min and max, and beside it what the baseline page gave
 * and the ratio to it, the budget and whether it is met, and a note.
 * @typedef {{
 *   readonly id: string;
 *   readonly figure: string;
 *   readonly unit: string;
 *   readonly summary: Summary;
 * } & Verdict} Row
 */

/**
 * @typedef {{
 *   readonly baseline?: number;
 *   readonly ratio?: number;
 *   readonly budget?: string;
 *   readonly met?: boolean;
 *   readonly note?: string;
 * }} Verdict
 */

/**
 * A memory reading, taken with garbage collected first.
 * @typedef {{
 *   readonly label: string;
 *   readonly heapBytes: number;
 *   readonly nodes: number;
 *   readonly listeners: number;
 * }} MemoryReading
 */

/**
 * The long tasks and long animation frames of one run of the loop.
 * @typedef {{ readonly longTasks: number; readonly longAnimationFrames: number }} LoopRun
 */

/**
 * One run of touch response: its interactions' durations (ms), as Event Timing measured them.
 * @typedef {{
 *   readonly interactions: number;
 *   readonly p50: number | undefined;
 *   readonly p95: number | undefined;
 *   readonly max: number;
 * }} TouchRun
 */

/**
 * The runs of one attract loop, kiosk and baseline: `seconds` of real time each.
 * @typedef {{
 *   readonly seconds: number;
 *   readonly kioskCpu: readonly CpuLoopRun[];
 *   readonly baselineCpu: readonly CpuLoopRun[];
 *   readonly kioskTrace: readonly TraceLoopRun[];
 *   readonly baselineTrace: readonly TraceLoopRun[];
 * }} LoopResults
 */

/**
 * What the measurements found, as the report reads it: each part only when it was measured.
 * @typedef {{
 *   firstSlide?: { readonly kiosk: readonly number[]; readonly baseline: readonly number[]; readonly fontBytes?: number };
 *   touch?: readonly TouchRun[];
 *   touchBaseline?: readonly TouchRun[];
 *   loop?: LoopResults;
 *   loop2?: LoopResults & { readonly secondsPerSlide: number };
 *   memory?: { readonly slideChanges: number; readonly touchSessions: number; readonly readings: readonly MemoryReading[] };
 *   size?: {
 *     readonly jsCssGzipBytes: number;
 *     readonly jsGzipBytes: number;
 *     readonly cssGzipBytes: number;
 *     readonly htmlGzipBytes: number;
 *     readonly fontBytes: number;
 *     readonly fontBytesByFace?: Readonly<Record<string, number>>;
 *     readonly fontCssGzipBytes?: number;
 *     readonly contentPictureBytes: number;
 *     readonly rendererPictureBytes: number;
 *   };
 *   content?: {
 *     readonly load?: {
 *       readonly slides: number;
 *       readonly languages: number;
 *       readonly cold: readonly number[];
 *       readonly warm: readonly number[];
 *       readonly problems: unknown;
 *     };
 *     readonly save?: { readonly times: readonly (number | undefined)[] };
 *   };
 *   repository?: RepositoryResults;
 * }} Results
 */

/**
 * The kiosk's runs of one loop, as a --quick run checks them.
 * @typedef {{
 *   readonly seconds: number;
 *   readonly kioskCpu: readonly LoopRun[];
 *   readonly kioskTrace: readonly LoopRun[];
 * }} LoopCounts
 */

/**
 * The counts a --quick run checks: the memory readings, and the kiosk's long tasks in the loops.
 * @typedef {{
 *   readonly memory?: { readonly readings: readonly MemoryReading[] };
 *   readonly loop?: LoopCounts;
 *   readonly loop2?: LoopCounts & { readonly secondsPerSlide: number };
 * }} Counts
 */

const KB = 1024;
const MB = 1024 * 1024;

/** Count-based budgets broken "by a wide margin": the only failures of a --quick run (CI). */
export const WIDE_MARGINS = {
  domNodesGrowth: 50,
  listenersGrowth: 10,
  heapGrowthFactor: 4,
  longTasksPerRun: 10,
};

/**
 * @param {string} id
 * @param {string} figure
 * @param {string} unit
 * @param {readonly unknown[]} values
 * @param {Verdict} [extra]
 * @returns {Row}
 */
function row(id, figure, unit, values, extra = {}) {
  return { id, figure, unit, summary: summarize(values), ...extra };
}

/**
 * `value` over `base`, when both were measured.
 * @param {number | undefined} value
 * @param {number | undefined} base
 */
const ratioOf = (value, base) => (value === undefined || base === undefined ? undefined : value / base);

/**
 * Whether `value` was measured and is at most `limit`.
 * @param {number | undefined} value
 * @param {number} limit
 */
const atMost = (value, limit) => value !== undefined && value <= limit;

/**
 * The browser's CPU time in the 2 s loop may be at most this many times the baseline's: a slide
 * change may cost no more than a cross-fade of the same length on the static page, plus 25% for
 * the run-to-run noise of a CPU-time figure on a shared machine.
 */
export const LOOP2_CPU_BUDGET = 1.25;

/**
 * Whether `value` was measured and is below `limit`.
 * @param {number | undefined} value
 * @param {number} limit
 */
const below = (value, limit) => value !== undefined && value < limit;

/** @param {Results} results */
export function buildRows(results) {
  /** @type {Row[]} */
  const rows = [];
  const { firstSlide, touch, loop, loop2, memory, size, content } = results;

  if (firstSlide) {
    const baseline = median(firstSlide.baseline);
    const ratio = ratioOf(median(firstSlide.kiosk), baseline);
    rows.push(
      row('first-slide', 'First slide on screen', 'ms', firstSlide.kiosk, {
        baseline,
        ratio,
        budget: '≤ 1.5× baseline',
        met: atMost(ratio, 1.5),
      }),
    );
  }

  if (touch?.[0]) {
    const allMax = Math.max(...touch.map((run) => run.max));
    /** @param {'p50' | 'p95' | 'max'} key */
    const floor = (key) =>
      results.touchBaseline ? median(results.touchBaseline.map((run) => run[key])) : undefined;
    /** @param {'p50' | 'p95' | 'max'} key */
    const ratio = (key) =>
      floor(key) ? ratioOf(median(touch.map((run) => run[key])), floor(key)) : undefined;
    rows.push(
      row(
        'touch-p50',
        `Touch response p50 (${touch[0].interactions} interactions/run)`,
        'ms',
        touch.map((run) => run.p50),
        {
          baseline: floor('p50'),
          ratio: ratio('p50'),
        },
      ),
      row(
        'touch-p95',
        'Touch response p95',
        'ms',
        touch.map((run) => run.p95),
        {
          baseline: floor('p95'),
          ratio: ratio('p95'),
          budget: '≤ 50 ms',
          met: atMost(median(touch.map((run) => run.p95)), 50),
        },
      ),
      row(
        'touch-max',
        'Touch response max',
        'ms',
        touch.map((run) => run.max),
        {
          baseline: floor('max'),
          ratio: ratio('max'),
          budget: '≤ 100 ms (worst run)',
          met: allMax <= 100,
        },
      ),
    );
  }

  if (loop) {
    const { kioskCpu, baselineCpu, kioskTrace, baselineTrace, seconds } = loop;
    /**
     * @template {string} K
     * @param {readonly Readonly<Record<K, number>>[]} runs
     * @param {K} key
     */
    const pick = (runs, key) => runs.map((run) => run[key]);
    const longTasks = [
      ...pick(kioskCpu, 'longTasks'),
      ...pick(kioskTrace, 'longTasks'),
      ...pick(kioskTrace, 'traceLongTasks'),
    ];
    const loafs = [...pick(kioskCpu, 'longAnimationFrames'), ...pick(kioskTrace, 'longAnimationFrames')];
    rows.push(
      row('long-tasks', `Long tasks per ${seconds} s loop`, 'count', longTasks, {
        baseline: median([...pick(baselineCpu, 'longTasks'), ...pick(baselineTrace, 'longTasks')]),
        budget: '0 (every run)',
        met: Math.max(...longTasks) === 0,
      }),
      row('long-animation-frames', `Long animation frames per ${seconds} s loop`, 'count', loafs, {
        baseline: median([
          ...pick(baselineCpu, 'longAnimationFrames'),
          ...pick(baselineTrace, 'longAnimationFrames'),
        ]),
        budget: '0 (every run)',
        met: Math.max(...loafs) === 0,
      }),
    );
    const slow = kioskTrace.map((run) => run.slowFrameShare * 100);
    const slowBaseline = median(baselineTrace.map((run) => run.slowFrameShare * 100));
    rows.push(
      row('slow-frames', 'Frames over 20 ms', '%', slow, {
        baseline: slowBaseline,
        ratio:
          slowBaseline !== undefined && slowBaseline > 0 ? ratioOf(median(slow), slowBaseline) : undefined,
        budget: '< 1%',
        met: below(median(slow), 1),
        note: `frames measured per run: kiosk ${kioskTrace.map((run) => run.frames.measured).join(', ')}; baseline ${baselineTrace.map((run) => run.frames.measured).join(', ')}`,
      }),
    );
    const busy = kioskCpu.map((run) => run.mainThreadBusyShare * 100);
    const busyBaseline = median(baselineCpu.map((run) => run.mainThreadBusyShare * 100));
    rows.push(
      row('main-thread-busy', 'Main-thread busy while looping', '% of wall', busy, {
        baseline: busyBaseline,
        ratio: ratioOf(median(busy), busyBaseline),
        budget: '≤ 2%',
        met: atMost(median(busy), 2),
      }),
    );
    const cpu = kioskCpu.map((run) => run.browserCpuPerMinute);
    const cpuBaseline = median(baselineCpu.map((run) => run.browserCpuPerMinute));
    const cpuRatio = ratioOf(median(cpu), cpuBaseline);
    rows.push(
      row('browser-cpu', 'Browser CPU, all processes', 'CPU s/min', cpu, {
        baseline: cpuBaseline,
        ratio: cpuRatio,
        budget: '≤ 2× baseline',
        met: atMost(cpuRatio, 2),
      }),
    );
    rows.push(
      row(
        'wake-ups',
        'Page timers fired + rAF callbacks per loop',
        'count',
        kioskTrace.map((run) => run.wakeUps.timers + run.wakeUps.animationFrames),
        {
          baseline: median(baselineTrace.map((run) => run.wakeUps.timers + run.wakeUps.animationFrames)),
        },
      ),
    );
  }

  if (loop2) {
    const { kioskCpu, baselineCpu, kioskTrace, baselineTrace, seconds, secondsPerSlide } = loop2;
    const pace = `${secondsPerSlide} s per slide`;
    /** @param {{ readonly longTasks: number; readonly longAnimationFrames: number }} run */
    const long = (run) => run.longTasks + run.longAnimationFrames;
    const longKiosk = [...kioskCpu, ...kioskTrace].map(long);
    const slow = kioskTrace.map((run) => run.slowFrameShare * 100);
    const slowBaseline = median(baselineTrace.map((run) => run.slowFrameShare * 100));
    const busy = kioskCpu.map((run) => run.mainThreadBusyShare * 100);
    const busyBaseline = median(baselineCpu.map((run) => run.mainThreadBusyShare * 100));
    const cpu = kioskCpu.map((run) => run.browserCpuPerMinute);
    const cpuBaseline = median(baselineCpu.map((run) => run.browserCpuPerMinute));
    const cpuRatio = ratioOf(median(cpu), cpuBaseline);
    rows.push(
      row(
        'loop2-long-tasks',
        `Long tasks + long animation frames per ${seconds} s loop, ${pace}`,
        'count',
        longKiosk,
        {
          baseline: median([...baselineCpu, ...baselineTrace].map(long)),
          budget: '0 (every run)',
          met: longKiosk.length > 0 && Math.max(...longKiosk) === 0,
        },
      ),
      row('loop2-slow-frames', `Frames over 20 ms, ${pace}`, '%', slow, {
        baseline: slowBaseline,
        ratio:
          slowBaseline !== undefined && slowBaseline > 0 ? ratioOf(median(slow), slowBaseline) : undefined,
        budget: '< 1%',
        met: below(median(slow), 1),
        note: `frames measured per run: kiosk ${kioskTrace.map((run) => run.frames.measured).join(', ')}; baseline ${baselineTrace.map((run) => run.frames.measured).join(', ')}`,
      }),
      row('loop2-main-thread-busy', `Main-thread busy, ${pace}`, '% of wall', busy, {
        baseline: busyBaseline,
        ratio: ratioOf(median(busy), busyBaseline),
      }),
      row('loop2-browser-cpu', `Browser CPU, all processes, ${pace}`, 'CPU s/min', cpu, {
        baseline: cpuBaseline,
        ratio: cpuRatio,
        budget: `≤ ${LOOP2_CPU_BUDGET}× baseline`,
        met: atMost(cpuRatio, LOOP2_CPU_BUDGET),
        note: `per run: kiosk ${cpu.map((value) => round(value, 2)).join(', ')}; baseline ${baselineCpu.map((run) => round(run.browserCpuPerMinute, 2)).join(', ')} CPU s/min`,
      }),
    );
  }

  const warm = memory?.readings[0];
  const end = memory?.readings.at(-1);
  if (memory && warm && end) {
    const allowance = Math.max(warm.heapBytes * 0.05, MB);
    rows.push(
      row('heap-warm', 'JS heap after warm-up', 'MB', [warm.heapBytes / MB], {
        note: `readings: ${memory.readings.map((reading) => round(reading.heapBytes / MB, 2)).join(' → ')} MB`,
      }),
      row(
        'heap-end',
        `JS heap after ${memory.slideChanges} slide changes + ${memory.touchSessions} sessions`,
        'MB',
        [end.heapBytes / MB],
        {
          budget: `≤ warm-up + ${round(allowance / MB, 2)} MB`,
          met: end.heapBytes - warm.heapBytes <= allowance,
        },
      ),
      row('nodes', 'DOM nodes, warm-up → end', 'count', [end.nodes], {
        note: `after warm-up ${warm.nodes}`,
        budget: `= ${warm.nodes}`,
        met: end.nodes <= warm.nodes,
      }),
      row('listeners', 'Event listeners, warm-up → end', 'count', [end.listeners], {
        note: `after warm-up ${warm.listeners}`,
        budget: `= ${warm.listeners}`,
        met: end.listeners <= warm.listeners,
      }),
    );
  }

  if (size) {
    rows.push(
      row('size-code', 'Renderer JS + CSS, gzipped', 'KB', [size.jsCssGzipBytes / KB], {
        budget: '≤ 60 KB',
        met: size.jsCssGzipBytes <= 60 * KB,
        note: `JS ${round(size.jsGzipBytes / KB)} KB, CSS ${round(size.cssGzipBytes / KB)} KB, HTML ${round(size.htmlGzipBytes / KB)} KB`,
      }),
      row('size-fonts', 'Fonts in the build (woff2 + woff)', 'KB', [size.fontBytes / KB], {
        note:
          [
            Object.entries(size.fontBytesByFace ?? {})
              .map(([face, bytes]) => `${face} ${round(bytes / KB)} KB`)
              .join(', '),
            size.fontCssGzipBytes
              ? `declarations loaded only with Chinese, Japanese or Korean text ${round(size.fontCssGzipBytes / KB)} KB gzipped`
              : '',
            firstSlide?.fontBytes === undefined
              ? ''
              : `the page downloads ${round(firstSlide.fontBytes / KB)} KB of them`,
          ]
            .filter((part) => part !== '')
            .join('; ') || undefined,
      }),
      row('size-pictures', 'Pictures: bundled content + favicon', 'KB', [
        (size.contentPictureBytes + size.rendererPictureBytes) / KB,
      ]),
    );
  }

  const load = content?.load;
  if (load) {
    const ok = load.slides === 20 && load.languages === 2;
    rows.push(
      row(
        'content-load',
        `Load + validate ${load.slides} slides × ${load.languages} languages (new process)`,
        'ms',
        load.cold,
        {
          budget: '< 100 ms',
          met: ok && below(median(load.cold), 100),
          note: ok
            ? undefined
            : `the loader did not read 20 slides in 2 languages: ${JSON.stringify(load.problems).slice(0, 300)}`,
        },
      ),
      row('content-load-warm', 'Load + validate again (running process)', 'ms', load.warm),
    );
  }
  const save = content?.save;
  if (save) {
    const { times } = save;
    const shown = times.filter((time) => time !== undefined);
    const missing = times.length - shown.length;
    rows.push(
      row('save-to-screen', 'Saved file → new text on screen (preview)', 'ms', times, {
        budget: '≤ 1000 ms (every save)',
        met: missing === 0 && Math.max(...shown) <= 1000,
        note: missing === 0 ? undefined : `${missing} save(s) never showed within 10 s`,
      }),
    );
  }
  rows.push(...repositoryRows(results.repository));
  return rows;
}

/**
 * The wide-margin checks of a --quick run: counts, never timings. Returns the broken ones.
 * @param {Counts} results
 */
export function wideMarginFailures(results) {
  /** @type {string[]} */
  const failures = [];
  const { memory, loop, loop2 } = results;
  const warm = memory?.readings[0];
  const end = memory?.readings.at(-1);
  if (warm && end) {
    if (end.nodes - warm.nodes > WIDE_MARGINS.domNodesGrowth) {
      failures.push(`DOM nodes grew by ${end.nodes - warm.nodes} (more than ${WIDE_MARGINS.domNodesGrowth})`);
    }
    if (end.listeners - warm.listeners > WIDE_MARGINS.listenersGrowth) {
      failures.push(
        `event listeners grew by ${end.listeners - warm.listeners} (more than ${WIDE_MARGINS.listenersGrowth})`,
      );
    }
    const allowance = Math.max(warm.heapBytes * 0.05, MB) * WIDE_MARGINS.heapGrowthFactor;
    if (end.heapBytes - warm.heapBytes > allowance) {
      failures.push(
        `JS heap grew by ${round((end.heapBytes - warm.heapBytes) / MB, 2)} MB (more than ${round(allowance / MB, 2)} MB)`,
      );
    }
  }
  for (const [counts, pace] of /** @type {const} */ ([
    [loop, ''],
    [loop2, loop2 ? `, ${loop2.secondsPerSlide} s per slide` : ''],
  ])) {
    if (!counts) continue;
    for (const run of [...counts.kioskCpu, ...counts.kioskTrace]) {
      const count = run.longTasks + run.longAnimationFrames;
      if (count > WIDE_MARGINS.longTasksPerRun) {
        failures.push(
          `${count} long tasks and long animation frames in one ${counts.seconds} s loop${pace} (more than ${WIDE_MARGINS.longTasksPerRun})`,
        );
      }
    }
  }
  return failures;
}

/**
 * @param {number | undefined} value
 * @param {number} [digits]
 */
const cell = (value, digits = 1) =>
  value === undefined || Number.isNaN(value) ? '—' : String(round(value, digits));

/** @param {readonly Row[]} rows */
export function formatTable(rows) {
  const header = ['Figure', 'Unit', 'Median', 'Min', 'Max', 'Baseline', 'Ratio', 'Budget', 'Met'];
  const lines = rows.map((entry) => [
    entry.figure,
    entry.unit,
    cell(entry.summary.median),
    cell(entry.summary.min),
    cell(entry.summary.max),
    cell(entry.baseline),
    entry.ratio === undefined ? '—' : `${cell(entry.ratio, 2)}×`,
    entry.budget ?? '—',
    entry.met === undefined ? '—' : entry.met ? 'met' : 'NOT MET',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  /** @param {readonly string[]} line */
  const format = (line) => `| ${line.map((text, column) => text.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const notes = rows.flatMap((entry) => (entry.note ? [`- ${entry.figure}: ${entry.note}`] : []));
  return [
    format(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...lines.map(format),
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}
