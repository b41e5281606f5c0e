import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, fakeEvent } from '../electron-mock';
import { createCrashCounter, setupGpu, SOFTWARE_RENDERING_FILE } from '../../../src/main/gpu';
import { log } from '../../../src/main/log';
import { silenceLog } from './log-support';

let dir: string;
let time: number;
const clock = { now: () => time };
const gpuGone = (reason = 'crashed', type = 'GPU') =>
  app.emit('child-process-gone', fakeEvent(), { type, reason, exitCode: 139 });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-gpu-'));
  time = 1_000_000;
  silenceLog();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('repeated crash counter', () => {
  it('trips on the second crash within an hour, not on crashes an hour apart', () => {
    const repeated = createCrashCounter(clock);
    expect(repeated()).toBe(false);
    time += 60 * 60_000;
    expect(repeated()).toBe(false);
    time += 59 * 60_000;
    expect(repeated()).toBe(true);
  });
});

describe('software rendering after repeated GPU crashes', () => {
  it('uses the GPU when no flag was left', () => {
    const gpu = setupGpu(dir, clock);
    expect(app.disableHardwareAcceleration).not.toHaveBeenCalled();
    expect(gpu.softwareRendering()).toBe(false);
  });

  it('logs a single GPU crash but keeps the GPU', () => {
    const gpu = setupGpu(dir, clock);
    gpuGone();
    expect(log.error).toHaveBeenCalledWith('the GPU process stopped', { reason: 'crashed', exitCode: 139 });
    expect(existsSync(join(dir, SOFTWARE_RENDERING_FILE))).toBe(false);
    expect(gpu.crashes()).toBe(1);
  });

  it('leaves the flag when the GPU process crashes again, for the next start', async () => {
    const gpu = setupGpu(dir, clock);
    gpuGone();
    time += 60_000;
    gpuGone('oom');
    await vi.waitFor(() => expect(existsSync(join(dir, SOFTWARE_RENDERING_FILE))).toBe(true));
    const flag = JSON.parse(readFileSync(join(dir, SOFTWARE_RENDERING_FILE), 'utf8')) as Record<
      string,
      string
    >;
    expect(flag.reason).toBe('oom');
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('next start'), expect.anything());
    // This run keeps going as it is: hardware acceleration can only change at start.
    expect(gpu.softwareRendering()).toBe(false);
  });

  it('draws in software on a start that finds the flag', () => {
    writeFileSync(join(dir, SOFTWARE_RENDERING_FILE), '{}');
    const gpu = setupGpu(dir, clock);
    expect(app.disableHardwareAcceleration).toHaveBeenCalledTimes(1);
    expect(gpu.softwareRendering()).toBe(true);
  });

  it('ignores other child processes and clean exits', () => {
    const gpu = setupGpu(dir, clock);
    gpuGone('crashed', 'Utility');
    gpuGone('clean-exit');
    gpuGone('clean-exit');
    expect(gpu.crashes()).toBe(2);
    expect(existsSync(join(dir, SOFTWARE_RENDERING_FILE))).toBe(false);
  });
});
