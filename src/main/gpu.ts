import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import { writeFileAtomically } from '../node/atomic-write';
import { errnoCode } from '../node/errno';
import { systemClock, type Clock } from '../shared/clock';
import { createEventWindow } from '../shared/event-window';
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
  clock: Pick<Clock, 'now'>,
  limit = GPU_CRASH_LIMIT,
  windowMs = GPU_CRASH_WINDOW_MS,
) {
  const crashes = createEventWindow(windowMs);
  return (): boolean => crashes.record(clock.now()) >= limit;
}

function readFlag(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT')
      log.warn('could not read the software-rendering flag; using the GPU', { error: describeError(error) });
    return false;
  }
}

/** Must run before the app is ready: hardware acceleration can only be turned off before then. */
export function setupGpu(userDataDir: string, clock: Pick<Clock, 'now'> = systemClock): GpuStatus {
  const flagPath = join(userDataDir, SOFTWARE_RENDERING_FILE);
  const software = readFlag(flagPath);
  if (software) {
    app.disableHardwareAcceleration();
    log.warn('drawing in software: the GPU process crashed repeatedly on an earlier run', { flag: flagPath });
  }

  let crashes = 0;
  let flagWritten = software;
  const repeated = createCrashCounter(clock);
  app.on('child-process-gone', (_event, details) => {
    if (details.type !== 'GPU') return;
    crashes += 1;
    log.error('the GPU process stopped', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit' || !repeated() || flagWritten) return;
    flagWritten = true;
    const flag = { since: new Date(clock.now()).toISOString(), reason: details.reason };
    writeFileAtomically(flagPath, `${JSON.stringify(flag)}\n`).then(
      () =>
        log.warn('the GPU process keeps crashing: the kiosk will draw in software from its next start', {
          flag: flagPath,
        }),
      (error: unknown) => {
        flagWritten = false;
        log.error('could not save the software-rendering flag', { error: describeError(error) });
      },
    );
  });

  return { softwareRendering: () => software, crashes: () => crashes };
}
