import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../node/atomic-write';
import { errnoCode } from '../node/errno';
import { describeError, log } from './log';
import type { PinLimitState } from './staff-policy';

/**
 * The PIN lockout, kept in the user-data folder: otherwise whoever is guessing could restart the
 * kiosk (pull the plug, or crash it) and get the free tries back. Anything but a good file means
 * no lockout: a damaged file must not keep staff out for good.
 */

export const LOCKOUT_FILE_NAME = 'staff-lockout.json';

export function lockoutFilePath(userDataDir: string): string {
  return join(userDataDir, LOCKOUT_FILE_NAME);
}

/** Epoch ms from an ISO time, or null from null; undefined for anything else. */
function parseTime(value: unknown): number | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) ? time : undefined;
}

/** The saved state, checked; undefined when it is not one. */
export function parseLockout(value: unknown): PinLimitState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const { failures } = record;
  const lastFailureAt = parseTime(record.lastFailureAt);
  const lockedUntil = parseTime(record.lockedUntil);
  if (record.version !== 1 || typeof failures !== 'number' || !Number.isSafeInteger(failures) || failures < 0)
    return undefined;
  if (lastFailureAt === undefined || lockedUntil === undefined) return undefined;
  return { failures, lastFailureAt, lockedUntil };
}

/** The file's text: times in ISO form, so that whoever opens it can read it. */
export function formatLockout(state: PinLimitState): string {
  const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());
  const record = {
    version: 1,
    failures: state.failures,
    lastFailureAt: iso(state.lastFailureAt),
    lockedUntil: iso(state.lockedUntil),
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** Read once, at start, before the first PIN can be typed. */
export function readLockout(userDataDir: string): PinLimitState | undefined {
  const path = lockoutFilePath(userDataDir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT')
      log.warn('could not read the staff lockout file; starting without a lockout', {
        error: describeError(error),
      });
    return undefined;
  }
  let state: PinLimitState | undefined;
  try {
    state = parseLockout(JSON.parse(text));
  } catch {
    state = undefined;
  }
  if (state === undefined)
    log.warn('the staff lockout file is damaged; starting without a lockout', { file: path });
  return state;
}

/**
 * Saves each state in the order given, one write at a time, so the file always ends up with the
 * latest. The returned promise never rejects: a failed write is logged, and the lockout still
 * holds for as long as the kiosk runs.
 */
export function createLockoutSaver(userDataDir: string): (state: PinLimitState) => Promise<void> {
  const path = lockoutFilePath(userDataDir);
  let last: Promise<void> = Promise.resolve();
  return (state) => {
    const text = formatLockout(state);
    last = last
      .then(() => writeFileAtomically(path, text))
      .catch((error: unknown) => {
        log.error('could not save the staff lockout', { error: describeError(error) });
      });
    return last;
  };
}
