import { describe, expect, it } from 'vitest';
import type { CpuLoopRun, TraceLoopRun } from '../../../bench/measures/loop.mjs';
import {
  buildRows,
  formatTable,
  LOOP2_CPU_BUDGET,
  wideMarginFailures,
  type Counts,
  type LoopRun,
  type MemoryReading,
  type Results,
} from '../../../bench/report.mjs';

const MB = 1024 * 1024;

const reading = (heapMb: number, nodes: number, listeners: number): MemoryReading => ({
  label: '',
  heapBytes: heapMb * MB,
  nodes,
  listeners,
});

const memory = (...readings: MemoryReading[]): Results => ({
  memory: { slideChanges: 1000, touchSessions: 200, readings },
});

const quietRun: LoopRun = { longTasks: 0, longAnimationFrames: 0 };
const loop = (runs: LoopRun[]): Counts => ({ loop: { seconds: 10, kioskCpu: runs, kioskTrace: [] } });

const metOf = (results: Results, id: string) => buildRows(results).find((row) => row.id === id)?.met;

const quietLoop = {
  seconds: 60,
  longTasks: 0,
  longAnimationFrames: 0,
  longestTaskMs: 0,
  longestAnimationFrameMs: 0,
};

/** A CPU pass of the loop: its browser CPU (CPU s/min) and main-thread busy share. */
const cpuRun = (cpuPerMinute: number, busyShare = 0.01, counts: Partial<LoopRun> = {}): CpuLoopRun => ({
  ...quietLoop,
  ...counts,
  mainThreadBusyShare: busyShare,
  browserCpuSeconds: cpuPerMinute,
  browserCpuPerMinute: cpuPerMinute,
});

/** A trace pass of the loop: `slow` of its `measured` frames over 20 ms. */
const traceRun = (slow: number, measured = 1000): TraceLoopRun => ({
  ...quietLoop,
  frames: {
    vsyncMs: 16.7,
    framesWithWork: measured,
    presented: measured,
    dropped: 0,
    measured,
    slow,
    slowShare: slow / measured,
    worstFrameMs: slow > 0 ? 33.4 : 16.7,
    slowShareByPresentationTime: 0,
  },
  slowFrameShare: slow / measured,
  traceLongTasks: 0,
  wakeUps: { timers: 30, animationFrames: 0 },
});

/** The 2 s loop: the kiosk's and the baseline's browser CPU per run (CPU s/min). */
const loop2 = (kiosk: number[], baseline: number[], kioskTrace = [traceRun(0)]): Results => ({
  loop2: {
    seconds: 60,
    secondsPerSlide: 2,
    kioskCpu: kiosk.map((cpu) => cpuRun(cpu, 0.02)),
    baselineCpu: baseline.map((cpu) => cpuRun(cpu, 0.001)),
    kioskTrace,
    baselineTrace: [traceRun(0)],
  },
});

describe('benchmark budgets', () => {
  it('meets the memory budgets when the counts come back and the heap stays within 1 MB', () => {
    const results = memory(reading(3, 323, 35), reading(3.9, 323, 35));
    expect(metOf(results, 'heap-end')).toBe(true);
    expect(metOf(results, 'nodes')).toBe(true);
    expect(metOf(results, 'listeners')).toBe(true);
  });

  it('does not meet them when the heap grows past its allowance or one listener is left behind', () => {
    const results = memory(reading(3, 323, 35), reading(4.1, 323, 36));
    expect(metOf(results, 'heap-end')).toBe(false);
    expect(metOf(results, 'listeners')).toBe(false);
  });

  it('allows the heap 5% of a large reading rather than 1 MB', () => {
    expect(metOf(memory(reading(40, 1, 1), reading(41.9, 1, 1)), 'heap-end')).toBe(true);
    expect(metOf(memory(reading(40, 1, 1), reading(42.1, 1, 1)), 'heap-end')).toBe(false);
  });

  it('judges the size against 60 KB of JavaScript and CSS, gzipped', () => {
    const size = (bytes: number): Results => ({
      size: {
        jsCssGzipBytes: bytes,
        jsGzipBytes: bytes,
        cssGzipBytes: 0,
        htmlGzipBytes: 0,
        fontBytes: 0,
        contentPictureBytes: 0,
        rendererPictureBytes: 0,
      },
    });
    expect(metOf(size(60 * 1024), 'size-code')).toBe(true);
    expect(metOf(size(60 * 1024 + 1), 'size-code')).toBe(false);
  });

  it('judges the first slide against 1.5 times the baseline', () => {
    expect(metOf({ firstSlide: { kiosk: [300, 290, 310], baseline: [200, 210, 190] } }, 'first-slide')).toBe(
      true,
    );
    expect(metOf({ firstSlide: { kiosk: [310, 320, 330], baseline: [200, 210, 190] } }, 'first-slide')).toBe(
      false,
    );
  });

  it('judges the browser CPU of the 2 s loop against 1.25 times the baseline, medians against medians', () => {
    expect(LOOP2_CPU_BUDGET).toBe(1.25);
    expect(metOf(loop2([5, 6.25, 9], [4, 5, 6]), 'loop2-browser-cpu')).toBe(true);
    expect(metOf(loop2([5, 6.3, 9], [4, 5, 6]), 'loop2-browser-cpu')).toBe(false);
    const row = buildRows(loop2([5, 6.25, 9], [4, 5, 6])).find((entry) => entry.id === 'loop2-browser-cpu');
    expect(row).toMatchObject({ baseline: 5, ratio: 1.25, budget: '≤ 1.25× baseline' });
    expect(row?.summary).toMatchObject({ median: 6.25, min: 5, max: 9 });
  });

  it('judges frames and long tasks in the 2 s loop as in the loop, and gives its main thread beside the baseline', () => {
    expect(metOf(loop2([5], [5]), 'loop2-slow-frames')).toBe(true);
    expect(metOf(loop2([5], [5], [traceRun(10)]), 'loop2-slow-frames')).toBe(false);
    expect(metOf(loop2([5], [5]), 'loop2-long-tasks')).toBe(true);
    const withLongTask: Results = {
      loop2: { ...loop2([5], [5]).loop2!, kioskCpu: [cpuRun(5, 0.02, { longAnimationFrames: 1 })] },
    };
    expect(metOf(withLongTask, 'loop2-long-tasks')).toBe(false);
    const busy = buildRows(loop2([5], [5])).find((entry) => entry.id === 'loop2-main-thread-busy');
    expect(busy).toMatchObject({ baseline: 0.1, ratio: 20 });
    expect(busy?.budget).toBeUndefined();
  });

  it('names the pace of the 2 s loop in its rows, and leaves them out when it was not measured', () => {
    const table = formatTable(buildRows(loop2([5], [4])));
    expect(table).toMatch(
      /\| Browser CPU, all processes, 2 s per slide +\| CPU s\/min +\| 5 .*\| 4 +\| 1\.25× +\| ≤ 1\.25× baseline +\| met \|/,
    );
    expect(table).toMatch(
      /\| Long tasks \+ long animation frames per 60 s loop, 2 s per slide +\| count +\| 0 /,
    );
    expect(
      buildRows(memory(reading(3, 1, 1), reading(3, 1, 1))).some((row) => row.id.startsWith('loop2')),
    ).toBe(false);
  });

  it('prints every row with its verdict', () => {
    const table = formatTable(buildRows(memory(reading(3, 323, 35), reading(3, 330, 35))));
    expect(table).toMatch(/\| DOM nodes, warm-up → end +\| count +\| 330 .*\| NOT MET \|/);
  });
});

describe('the quick run in CI', () => {
  it('passes small changes in counts, which timings and garbage collection make', () => {
    expect(wideMarginFailures(memory(reading(3, 323, 35), reading(4.5, 340, 40)))).toEqual([]);
    expect(wideMarginFailures(loop([quietRun, { longTasks: 3, longAnimationFrames: 2 }]))).toEqual([]);
  });

  it('fails when listeners or DOM nodes grow without bound', () => {
    expect(wideMarginFailures(memory(reading(3, 323, 35), reading(3, 323, 135)))).toEqual([
      'event listeners grew by 100 (more than 10)',
    ]);
    expect(wideMarginFailures(memory(reading(3, 323, 35), reading(3, 1323, 35)))).toEqual([
      'DOM nodes grew by 1000 (more than 50)',
    ]);
  });

  it('fails when the heap grows by several times its allowance', () => {
    expect(wideMarginFailures(memory(reading(3, 323, 35), reading(12, 323, 35)))).toEqual([
      'JS heap grew by 9 MB (more than 4 MB)',
    ]);
  });

  it('fails when the loop is full of long tasks', () => {
    expect(wideMarginFailures(loop([{ longTasks: 8, longAnimationFrames: 8 }]))).toEqual([
      '16 long tasks and long animation frames in one 10 s loop (more than 10)',
    ]);
  });

  it('fails when the 2 s loop is full of long tasks, and never on its CPU time', () => {
    const counts = (runs: LoopRun[]): Counts => ({
      loop2: { seconds: 10, secondsPerSlide: 2, kioskCpu: runs, kioskTrace: [] },
    });
    expect(wideMarginFailures(counts([{ longTasks: 3, longAnimationFrames: 2 }]))).toEqual([]);
    expect(wideMarginFailures(counts([quietRun, { longTasks: 6, longAnimationFrames: 6 }]))).toEqual([
      '12 long tasks and long animation frames in one 10 s loop, 2 s per slide (more than 10)',
    ]);
    expect(wideMarginFailures(loop2([20], [5]))).toEqual([]);
  });
});

describe('the content repository’s figures', () => {
  const repository = (toScreen: number[], repositoryCpuPerMinute: number): Results => ({
    repository: {
      slides: 20,
      languages: 2,
      updates: toScreen.map((ms) => ({ total: ms - 20, fetch: 100, check: 70, switch: 10, toScreen: ms })),
      clone: [150, 160, 140],
      idle: { seconds: 60, repositoryCpuPerMinute, folderCpuPerMinute: 0.2 },
    },
  });

  it('meets its budgets when an update takes under 2 s and the idle kiosk uses under 1% of a core', () => {
    const results = repository([250, 260, 240], 0.24);
    expect(metOf(results, 'update-cost')).toBe(true);
    expect(metOf(results, 'idle-cpu')).toBe(true);
    expect(buildRows(results).find((row) => row.id === 'update-cost')?.ratio).toBeCloseTo(250 / 150);
  });

  it('does not meet them when updates are slow or the idle kiosk keeps a core 1% busy', () => {
    const results = repository([2500, 2600, 2400], 0.61);
    expect(metOf(results, 'update-cost')).toBe(false);
    expect(metOf(results, 'idle-cpu')).toBe(false);
  });
});
