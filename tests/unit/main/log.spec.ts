import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createOnceFilter, describeError, log } from '../../../src/main/log';

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
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/ WARN careful$/), '{"slides":3}');
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/ ERROR broken$/));
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
