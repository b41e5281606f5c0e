import { describe, expect, it } from 'vitest';
import { operationsRows } from '../../../bench/measures/operations.mjs';
import type { CpuLoopRun } from '../../../bench/measures/loop.mjs';

const run = (cpu: number, busy: number, longTasks = 0): CpuLoopRun => ({
  seconds: 10,
  longTasks,
  longAnimationFrames: 0,
  longestTaskMs: 0,
  longestAnimationFrameMs: 0,
  mainThreadBusyShare: busy,
  browserCpuSeconds: cpu / 6,
  browserCpuPerMinute: cpu,
});

describe('the running-a-clinic rows of the benchmark', () => {
  it('holds the record of use to 1 ms per event on the page’s thread', () => {
    const met = (pageMicros: number[]) =>
      operationsRows({ usage: { pageMicros, writeMicros: [5], events: 100 } }).find(
        (row) => row.id === 'usage-page',
      )?.met;
    expect(met([2, 3, 2])).toBe(true);
    expect(met([900, 1200, 1500])).toBe(false);
  });

  it('compares the loop with an info band to the same loop without it, long tasks included', () => {
    const rows = operationsRows({
      noticeLoop: { seconds: 10, plain: [run(2, 0.004)], band: [run(2.2, 0.005, 1)] },
    });
    expect(rows.find((row) => row.id === 'notice-loop-cpu')).toMatchObject({ baseline: 2, ratio: 1.1 });
    expect(rows.find((row) => row.id === 'notice-loop-busy')?.met).toBe(false);
    const busyMachine = operationsRows({
      noticeLoop: { seconds: 10, plain: [run(2, 0.004, 2)], band: [run(2.2, 0.005, 1)] },
    });
    expect(busyMachine.find((row) => row.id === 'notice-loop-busy')?.met).toBe(true);
  });
});
