import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createOnceFilter,
  createRepeatFilter,
  describeError,
  formatLogLine,
  log,
  LOG_REPEATS_PER_MINUTE,
  logFilePath,
  rotateLogFiles,
  setupLog,
  stopLogFile,
  type RepeatFilter,
} from '../../../src/main/log';
import { FakeClock } from '../support/fake-clock';

describe('logging', () => {
  beforeEach(() => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  it('stamps each line with an ISO time and its level', () => {
    log.info('started');
    expect(console.log).toHaveBeenCalledWith(
      expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO started$/),
    );
  });

  it('sends warnings and errors to their own streams, with details as JSON', () => {
    log.warn('careful', { slides: 3 });
    log.error('broken');
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/ WARN careful \{"slides":3\}$/));
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/ ERROR broken$/));
  });

  it('keeps a message and its details on one line in the journal, whatever content text they carry', () => {
    const forged = 'Welcome\n2025-01-31T09:00:00.000Z ERROR the kiosk could not start';
    log.warn(`content problem: ${forged}`, { title: 'a\r\nb\u2028c\u2029d\u0085e\u001b[2Jf', 'key\nx': 1 });
    expect(console.warn).toHaveBeenCalledExactlyOnceWith(
      expect.stringMatching(
        / WARN content problem: Welcome 2025-01-31T09:00:00\.000Z ERROR the kiosk could not start \{"title":"a b c d e \[2Jf","key x":1\}$/,
      ),
    );
  });
});

describe('the repeat filter', () => {
  const storm = (filter: RepeatFilter, key: string, times: number, leftOut: (count: number) => void) =>
    Array.from({ length: times }, () => filter(key, leftOut)).filter(Boolean).length;

  it('lets the same key through 20 times a minute, and reports the rest once, a minute after the first of them', () => {
    const clock = new FakeClock();
    const filter = createRepeatFilter(clock);
    const leftOut = vi.fn();
    expect(storm(filter, 'error storm', 1000, leftOut)).toBe(LOG_REPEATS_PER_MINUTE);
    clock.advance(60_000 - 1);
    expect(leftOut).not.toHaveBeenCalled();
    clock.advance(1);
    expect(leftOut).toHaveBeenCalledExactlyOnceWith(1000 - LOG_REPEATS_PER_MINUTE);
  });

  it('reports once a minute while a storm goes on, and lets the key through again when it is over', () => {
    const clock = new FakeClock();
    const filter = createRepeatFilter(clock);
    const leftOut = vi.fn();
    const passed: number[] = [];
    for (let second = 0; second < 150; second += 1) {
      passed.push(storm(filter, 'storm', 10, leftOut));
      clock.advance(1_000);
    }
    // A sliding minute: 20 get through at the start of each minute of the storm.
    expect(passed.reduce((sum, count) => sum + count, 0)).toBe(3 * LOG_REPEATS_PER_MINUTE);
    expect(leftOut.mock.calls).toEqual([[580], [580]]);
    clock.advance(60_000);
    expect(leftOut.mock.calls).toEqual([[580], [580], [280]]);
    expect(clock.pendingTimers).toBe(0);
    expect(filter('storm', leftOut)).toBe(true);
  });

  it('keeps each key apart', () => {
    const filter = createRepeatFilter(new FakeClock());
    storm(filter, 'a', 100, vi.fn());
    expect(filter('b', vi.fn())).toBe(true);
  });

  it('forgets the key used least recently past its bound, and reports what it left out first', () => {
    const clock = new FakeClock();
    const filter = createRepeatFilter(clock, 1, 60_000, 2);
    const leftOutA = vi.fn();
    storm(filter, 'a', 3, leftOutA);
    filter('b', vi.fn());
    filter('c', vi.fn());
    expect(leftOutA).toHaveBeenCalledExactlyOnceWith(2);
    expect(filter('a', leftOutA)).toBe(true);
    clock.advance(60_000);
    expect(leftOutA).toHaveBeenCalledTimes(1);
  });
});

describe('describeError', () => {
  it('names an error and its message', () => {
    expect(describeError(new TypeError('bad thing'))).toBe('TypeError: bad thing');
  });

  it('adds a system error code the message leaves out', () => {
    const error = Object.assign(new Error('permission denied'), { code: 'EACCES' });
    expect(describeError(error)).toBe('Error: permission denied (EACCES)');
  });

  it('does not repeat a code the message already has', () => {
    const error = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    expect(describeError(error)).toBe('Error: ENOENT: no such file');
  });

  it('keeps a thrown string as it is', () => {
    expect(describeError('plain')).toBe('plain');
  });

  it('describes other thrown values without failing', () => {
    expect(describeError({ reason: 'x' })).toBe('{"reason":"x"}');
    expect(describeError(undefined)).toBe('undefined');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeError(circular)).toBe('[object Object]');
  });
});

describe('once filter', () => {
  it('lets a key through the first time only', () => {
    const firstTime = createOnceFilter();
    expect([firstTime('a'), firstTime('a'), firstTime('b')]).toEqual([true, false, true]);
  });

  it('forgets the oldest key past its limit, so memory stays bounded', () => {
    const firstTime = createOnceFilter(2);
    firstTime('a');
    firstTime('b');
    firstTime('c');
    expect(firstTime('a')).toBe(true);
    expect(firstTime('c')).toBe(false);
  });
});

describe('the log file', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-log-'));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    stopLogFile();
    rmSync(dir, { recursive: true, force: true });
  });

  it('formats one line per event with an ISO time, the level and the details as JSON', () => {
    const line = formatLogLine(
      'warn',
      'two\nlines',
      { reason: 'crashed' },
      new Date(Date.UTC(2025, 0, 31, 9)),
    );
    expect(line).toBe('2025-01-31T09:00:00.000Z WARN two lines {"reason":"crashed"}');
  });

  it('turns every control character and line separator into a space', () => {
    const breakers = [
      '\u0000',
      '\t',
      '\n',
      '\v',
      '\f',
      '\r',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u009b',
      '\u2028',
      '\u2029',
    ];
    for (const breaker of breakers) {
      const line = formatLogLine(
        'info',
        `a${breaker}b`,
        { [`k${breaker}`]: `c${breaker}${breaker}d` },
        new Date(0),
      );
      expect(line).toBe('1970-01-01T00:00:00.000Z INFO a b {"k ":"c d"}');
    }
  });

  it('writes one line to the file for an event whose message has line breaks in it', () => {
    const path = setupLog(dir);
    log.error('first\r\nsecond\u2028third', { where: 'x\ny' });
    expect(readFileSync(path, 'utf8').trim().split(/\r?\n/)).toEqual([
      expect.stringMatching(/ ERROR first second third \{"where":"x y"\}$/),
    ]);
  });

  it('writes every event to kiosk.log in the folder it is given, creating the folder', () => {
    const path = setupLog(join(dir, 'logs'));
    log.info('started', { slides: 3 });
    log.error('broken');
    expect(path).toBe(join(dir, 'logs', 'kiosk.log'));
    expect(logFilePath()).toBe(path);
    const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
    expect(lines).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO started \{"slides":3\}$/),
      expect.stringMatching(/Z ERROR broken$/),
    ]);
  });

  it('writes to a file of another name when given one, and rotates it under that name', () => {
    const path = setupLog(dir, { fileName: 'preview.log', maxBytes: 200, oldFiles: 1 });
    for (let i = 0; i < 10; i += 1) log.info(`preview event ${i} with some padding to fill the file`);
    expect(path).toBe(join(dir, 'preview.log'));
    expect(readdirSync(dir).sort()).toEqual(['preview.1.log', 'preview.log']);
  });

  it('writes a storm of the same message a few times a minute, then one line with how many were left out', () => {
    vi.useFakeTimers();
    try {
      const path = setupLog(dir);
      for (let i = 0; i < 1000; i += 1) log.error('the same error, again and again', { attempt: i });
      log.error('another error');
      vi.advanceTimersByTime(60_000);
      const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
      expect(lines).toHaveLength(LOG_REPEATS_PER_MINUTE + 2);
      expect(lines.at(-2)).toMatch(/ ERROR another error$/);
      expect(lines.at(-1)).toMatch(
        / ERROR left out of the log: 980 more of "the same error, again and again" within the last minute$/,
      );
      expect(console.error).toHaveBeenCalledTimes(LOG_REPEATS_PER_MINUTE + 2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rotates the file past its size cap and keeps only a few old files', () => {
    const path = setupLog(dir, { maxBytes: 200, oldFiles: 2 });
    for (let i = 0; i < 40; i += 1) log.info(`event number ${i} with some padding to fill the file`);
    expect(readdirSync(dir).sort()).toEqual(['kiosk.1.log', 'kiosk.2.log', 'kiosk.log']);
    expect(readFileSync(path, 'utf8')).toContain('event number 39');
    expect(readFileSync(join(dir, 'kiosk.2.log'), 'utf8')).not.toContain('event number 0 ');
  });

  it('stops writing the file when told to', () => {
    const path = setupLog(dir);
    stopLogFile();
    log.info('console only');
    expect(existsSync(path)).toBe(false);
    expect(logFilePath()).toBeUndefined();
  });
});

describe('log rotation', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-rotate-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('shifts every file along by one and drops the oldest', () => {
    for (const name of ['kiosk.log', 'kiosk.1.log', 'kiosk.2.log', 'kiosk.3.log'])
      writeFileSync(join(dir, name), name);
    rotateLogFiles(join(dir, 'kiosk.log'), 3);
    expect(readdirSync(dir).sort()).toEqual(['kiosk.1.log', 'kiosk.2.log', 'kiosk.3.log']);
    expect(readFileSync(join(dir, 'kiosk.1.log'), 'utf8')).toBe('kiosk.log');
    expect(readFileSync(join(dir, 'kiosk.3.log'), 'utf8')).toBe('kiosk.2.log');
  });

  it('copes with gaps in the old files', () => {
    writeFileSync(join(dir, 'kiosk.log'), 'now');
    rotateLogFiles(join(dir, 'kiosk.log'), 3);
    expect(existsSync(join(dir, 'kiosk.log'))).toBe(false);
    expect(readFileSync(join(dir, 'kiosk.1.log'), 'utf8')).toBe('now');
  });
});
