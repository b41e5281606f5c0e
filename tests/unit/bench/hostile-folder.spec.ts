import { describe, expect, it } from 'vitest';
import { hostileFolderRows } from '../../../bench/measures/hostile-folder.mjs';

const reading = (stallMs: number, hostPeakMb = 60, agentPeakMb = 80, loadMs = 400) => ({
  stallMs,
  loadMs,
  hostPeakMb,
  agentPeakMb,
});
const baseline = [reading(3, 60, 70, 300)];
const row = (rows: ReturnType<typeof hostileFolderRows>, id: string) => rows.find((entry) => entry.id === id);

describe('the hostile-folder rows of the benchmark', () => {
  it('holds the kiosk process to answering within 100 ms while it reads the folder', () => {
    const met = (stalls: number[]) =>
      row(hostileFolderRows({ hostile: stalls.map((stall) => reading(stall)), baseline }), 'hostile-stall')
        ?.met;
    expect(met([4, 6, 5])).toBe(true);
    expect(met([90, 120, 150])).toBe(false);
  });

  it('compares each figure with the same preview reading the bundled content', () => {
    const rows = hostileFolderRows({ hostile: [reading(6, 66, 82, 900)], baseline });
    expect(row(rows, 'hostile-stall')).toMatchObject({ baseline: 3, ratio: 2 });
    expect(row(rows, 'hostile-load')).toMatchObject({ baseline: 300, ratio: 3 });
    expect(row(rows, 'hostile-host-memory')?.met).toBe(true);
    expect(row(rows, 'hostile-agent-memory')?.met).toBe(true);
  });

  it('fails when the kiosk process itself grows while reading, or the content reader runs away', () => {
    const rows = hostileFolderRows({ hostile: [reading(6, 90, 300)], baseline });
    expect(row(rows, 'hostile-host-memory')?.met).toBe(false);
    expect(row(rows, 'hostile-agent-memory')?.met).toBe(false);
  });

  it('adds no rows when the measure did not run', () => {
    expect(hostileFolderRows(undefined)).toEqual([]);
  });
});
