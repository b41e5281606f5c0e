import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { log } from '../../../src/main/log';
import {
  createLockoutSaver,
  formatLockout,
  LOCKOUT_FILE_NAME,
  parseLockout,
  readLockout,
} from '../../../src/main/staff-lockout';
import { silenceLog } from './log-support';

const STATE = {
  failures: 6,
  lastFailureAt: Date.UTC(2025, 0, 13, 10),
  lockedUntil: Date.UTC(2025, 0, 13, 10, 1),
};

describe('the saved lockout', () => {
  it('reads back what it wrote, with readable times', () => {
    const text = formatLockout(STATE);
    expect(text).toContain('"lockedUntil": "2025-01-13T10:01:00.000Z"');
    expect(parseLockout(JSON.parse(text))).toEqual(STATE);
    expect(
      parseLockout(JSON.parse(formatLockout({ failures: 0, lastFailureAt: null, lockedUntil: null }))),
    ).toEqual({ failures: 0, lastFailureAt: null, lockedUntil: null });
  });

  it.each([
    ['not an object', 'locked'],
    ['another version', { version: 2, failures: 1, lastFailureAt: null, lockedUntil: null }],
    ['a negative count', { version: 1, failures: -1, lastFailureAt: null, lockedUntil: null }],
    ['a fractional count', { version: 1, failures: 1.5, lastFailureAt: null, lockedUntil: null }],
    ['a time that is not one', { version: 1, failures: 1, lastFailureAt: 'soon', lockedUntil: null }],
    ['a time as a number', { version: 1, failures: 1, lastFailureAt: null, lockedUntil: 5 }],
    ['a missing field', { version: 1, failures: 1, lastFailureAt: null }],
  ])('is no lockout when it holds %s', (_what, value) => {
    expect(parseLockout(value)).toBeUndefined();
  });
});

describe('the lockout file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-lockout-'));
    silenceLog();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('is no lockout when missing, and says nothing', () => {
    expect(readLockout(dir)).toBeUndefined();
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('is no lockout when it is not JSON, and says so', () => {
    writeFileSync(join(dir, LOCKOUT_FILE_NAME), '\u0000\u0000');
    expect(readLockout(dir)).toBeUndefined();
    expect(log.warn).toHaveBeenCalledTimes(1);
  });

  it('ends up with the last of several saves made at once', async () => {
    const save = createLockoutSaver(dir);
    const saves = [1, 2, 3].map((failures) => save({ ...STATE, failures }));
    await Promise.all(saves);
    expect(readLockout(dir)).toEqual({ ...STATE, failures: 3 });
  });

  it('logs a save that fails, and saves the next one', async () => {
    const save = createLockoutSaver(dir);
    // A folder with something in it where the file should be: nothing can be renamed over it.
    const path = join(dir, LOCKOUT_FILE_NAME);
    mkdirSync(join(path, 'inside'), { recursive: true });
    await expect(save(STATE)).resolves.toBeUndefined();
    expect(log.error).toHaveBeenCalledWith('could not save the staff lockout', {
      error: expect.any(String) as string,
    });
    rmSync(path, { recursive: true });
    await save(STATE);
    expect(readFileSync(path, 'utf8')).toBe(formatLockout(STATE));
  });
});
