import { round, summarize } from './lib/stats.mjs';

/**
 * The budgets of issue 5 and how each is judged, the table rows, and what fails CI.
 * A row: { id, figure, unit, summary: {median,min,max}, baseline?, ratio?, budget?, met? }.
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

function row(id, figure, unit, values, extra = {}) {
  return { id, figure, unit, summary: summarize(values), ...extra };
}

export function buildRows(results) {
  const rows = [];
  const { firstSlide, touch, loop, memory, size, content } = results;

  if (firstSlide) {
    const baseline = summarize(firstSlide.baseline);
    const kiosk = summarize(firstSlide.kiosk);
    const ratio = kiosk.median / baseline.median;
    rows.push(
      row('first-slide', 'First slide on screen', 'ms', firstSlide.kiosk, {
        baseline: baseline.median,
        ratio,
        budget: '≤ 1.5× baseline',
        met: ratio <= 1.5,
      }),
    );
  }

  if (touch) {
    const allMax = Math.max(...touch.map((run) => run.max));
    const floor = (key) =>
      results.touchBaseline ? summarize(results.touchBaseline.map((run) => run[key])).median : undefined;
    const ratio = (key) =>
      floor(key) ? summarize(touch.map((run) => run[key])).median / floor(key) : undefined;
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
          met: summarize(touch.map((run) => run.p95)).median <= 50,
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
    const pick = (runs, key) => runs.map((run) => run[key]);
    const longTasks = [
      ...pick(kioskCpu, 'longTasks'),
      ...pick(kioskTrace, 'longTasks'),
      ...pick(kioskTrace, 'traceLongTasks'),
    ];
    const loafs = [...pick(kioskCpu, 'longAnimationFrames'), ...pick(kioskTrace, 'longAnimationFrames')];
    rows.push(
      row('long-tasks', `Long tasks per ${seconds} s loop`, 'count', longTasks, {
        baseline: summarize([...pick(baselineCpu, 'longTasks'), ...pick(baselineTrace, 'longTasks')]).median,
        budget: '0 (every run)',
        met: Math.max(...longTasks) === 0,
      }),
      row('long-animation-frames', `Long animation frames per ${seconds} s loop`, 'count', loafs, {
        baseline: summarize([
          ...pick(baselineCpu, 'longAnimationFrames'),
          ...pick(baselineTrace, 'longAnimationFrames'),
        ]).median,
        budget: '0 (every run)',
        met: Math.max(...loafs) === 0,
      }),
    );
    const slow = kioskTrace.map((run) => run.slowFrameShare * 100);
    const slowBaseline = summarize(baselineTrace.map((run) => run.slowFrameShare * 100)).median;
    rows.push(
      row('slow-frames', 'Frames over 20 ms', '%', slow, {
        baseline: slowBaseline,
        ratio: slowBaseline > 0 ? summarize(slow).median / slowBaseline : undefined,
        budget: '< 1%',
        met: summarize(slow).median < 1,
        note: `frames measured per run: kiosk ${kioskTrace.map((run) => run.frames.measured).join(', ')}; baseline ${baselineTrace.map((run) => run.frames.measured).join(', ')}`,
      }),
    );
    const busy = kioskCpu.map((run) => run.mainThreadBusyShare * 100);
    const busyBaseline = summarize(baselineCpu.map((run) => run.mainThreadBusyShare * 100)).median;
    rows.push(
      row('main-thread-busy', 'Main-thread busy while looping', '% of wall', busy, {
        baseline: busyBaseline,
        ratio: summarize(busy).median / busyBaseline,
        budget: '≤ 2%',
        met: summarize(busy).median <= 2,
      }),
    );
    const cpu = kioskCpu.map((run) => run.browserCpuPerMinute);
    const cpuBaseline = summarize(baselineCpu.map((run) => run.browserCpuPerMinute)).median;
    const cpuRatio = summarize(cpu).median / cpuBaseline;
    rows.push(
      row('browser-cpu', 'Browser CPU, all processes', 'CPU s/min', cpu, {
        baseline: cpuBaseline,
        ratio: cpuRatio,
        budget: '≤ 2× baseline',
        met: cpuRatio <= 2,
      }),
    );
    rows.push(
      row(
        'wake-ups',
        'Page timers fired + rAF callbacks per loop',
        'count',
        kioskTrace.map((run) => run.wakeUps.timers + run.wakeUps.animationFrames),
        {
          baseline: summarize(baselineTrace.map((run) => run.wakeUps.timers + run.wakeUps.animationFrames))
            .median,
        },
      ),
    );
  }

  if (memory) {
    const [warm] = memory.readings;
    const end = memory.readings.at(-1);
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
          results.firstSlide?.fontBytes === undefined
            ? undefined
            : `the page downloads ${round(results.firstSlide.fontBytes / KB)} KB of them`,
      }),
      row('size-pictures', 'Pictures: bundled content + favicon', 'KB', [
        (size.contentPictureBytes + size.rendererPictureBytes) / KB,
      ]),
    );
  }

  if (content?.load) {
    const { load } = content;
    const ok = load.slides === 20 && load.languages === 2;
    rows.push(
      row(
        'content-load',
        `Load + validate ${load.slides} slides × ${load.languages} languages (new process)`,
        'ms',
        load.cold,
        {
          budget: '< 100 ms',
          met: ok && summarize(load.cold).median < 100,
          note: ok
            ? undefined
            : `the loader did not read 20 slides in 2 languages: ${JSON.stringify(load.problems).slice(0, 300)}`,
        },
      ),
      row('content-load-warm', 'Load + validate again (running process)', 'ms', load.warm),
    );
  }
  if (content?.save) {
    const times = content.save.times;
    const missing = times.filter((time) => time === undefined).length;
    rows.push(
      row('save-to-screen', 'Saved file → new text on screen (preview)', 'ms', times, {
        budget: '≤ 1000 ms (every save)',
        met: missing === 0 && Math.max(...times) <= 1000,
        note: missing === 0 ? undefined : `${missing} save(s) never showed within 10 s`,
      }),
    );
  }
  return rows;
}

/** The wide-margin checks of a --quick run: counts, never timings. Returns the broken ones. */
export function wideMarginFailures(results) {
  const failures = [];
  const { memory, loop } = results;
  if (memory) {
    const [warm] = memory.readings;
    const end = memory.readings.at(-1);
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
  if (loop) {
    for (const run of [...loop.kioskCpu, ...loop.kioskTrace]) {
      const count = run.longTasks + run.longAnimationFrames;
      if (count > WIDE_MARGINS.longTasksPerRun) {
        failures.push(
          `${count} long tasks and long animation frames in one ${loop.seconds} s loop (more than ${WIDE_MARGINS.longTasksPerRun})`,
        );
      }
    }
  }
  return failures;
}

const cell = (value, digits = 1) =>
  value === undefined || Number.isNaN(value) ? '—' : String(round(value, digits));

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
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  );
  const format = (line) => `| ${line.map((text, column) => text.padEnd(widths[column])).join(' | ')} |`;
  const notes = rows.filter((entry) => entry.note).map((entry) => `- ${entry.figure}: ${entry.note}`);
  return [
    format(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...lines.map(format),
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}
