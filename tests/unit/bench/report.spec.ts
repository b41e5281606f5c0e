import { describe, expect, it } from 'vitest';
import {
  buildRows,
  formatTable,
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
