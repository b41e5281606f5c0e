import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import { describeError, log } from './log';

/**
 * A graphics driver that keeps crashing Chromium's GPU process makes the screen flicker or go
 * black. Repeated GPU crashes leave a flag file in the user-data folder; on every later start the
 * kiosk draws in software instead. Deleting the file (see docs/deploy.md) turns the GPU back on.
 */
export const SOFTWARE_RENDERING_FILE = 'software-rendering.json';
export const GPU_CRASH_LIMIT = 2;
export const GPU_CRASH_WINDOW_MS = 60 * 60_000;

export interface GpuStatus {
  /** True when this run draws in software. */
  softwareRendering(): boolean;
  crashes(): number;
}

/** True on the crash that makes `limit` within `windowMs`. Pure, with an injected clock. */
export function createCrashCounter(
  now: () => number,
  limit = GPU_CRASH_LIMIT,
  windowMs = GPU_CRASH_WINDOW_MS,
) {
  let recent: number[] = [];
  return (): boolean => {
    const time = now();
    recent = [...recent.filter((t) => time - t < windowMs), time];
    return recent.length >= limit;
  };
}

function readFlag(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      log.warn('could not read the software-rendering flag; using the GPU', { error: describeError(error) });
    return false;
  }
}

/** Must run before the app is ready: hardware acceleration can only be turned off before then. */
export function setupGpu(userDataDir: string, now: () => number = Date.now): GpuStatus {
  const flagPath = join(userDataDir, SOFTWARE_RENDERING_FILE);
  const software = readFlag(flagPath);
  if (software) {
    app.disableHardwareAcceleration();
    log.warn('drawing in software: the GPU process crashed repeatedly on an earlier run', { flag: flagPath });
  }

  let crashes = 0;
  let flagWritten = software;
  const repeated = createCrashCounter(now);
  app.on('child-process-gone', (_event, details) => {
    if (details.type !== 'GPU') return;
    crashes += 1;
    log.error('the GPU process stopped', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit' || !repeated() || flagWritten) return;
    try {
      mkdirSync(userDataDir, { recursive: true });
      const flag = { since: new Date(now()).toISOString(), reason: details.reason };
      writeFileSync(flagPath, `${JSON.stringify(flag)}\n`);
      flagWritten = true;
      log.warn('the GPU process keeps crashing: the kiosk will draw in software from its next start', {
        flag: flagPath,
      });
    } catch (error) {
      log.error('could not save the software-rendering flag', { error: describeError(error) });
    }
  });

  return { softwareRendering: () => software, crashes: () => crashes };
}
