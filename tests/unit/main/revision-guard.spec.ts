import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskWindows } from '../../../src/main/recovery';
import { setupRevisionGuard } from '../../../src/main/revision-guard';
import { createRevisionGuardPolicy } from '../../../src/main/revision-guard-policy';
import type { ContentSource } from '../../../src/node/source/repository-content';
import type { ContentSourceStatus } from '../../../src/shared/content-source';
import { FakeClock } from '../support/fake-clock';
import { silenceLog } from './log-support';

const MINUTE = 60_000;
const SWITCHED_AT = Date.parse('2026-03-02T09:00:00Z');
const shown = (
  shownBy: 'update' | 'rollback' = 'update',
  sha = 'b'.repeat(40),
): ContentSourceStatus['shown'] => ({
  sha,
  subject: 'New slides',
  author: 'Staff',
  committedAt: SWITCHED_AT - MINUTE,
  shownAt: SWITCHED_AT,
  shownBy,
});

describe('the rule for taking a revision off the screen', () => {
  it('takes it off at the third page failure within 10 minutes of an update showing it', () => {
    const policy = createRevisionGuardPolicy();
    expect(policy.failed(SWITCHED_AT + 5_000, shown())).toBeUndefined();
    expect(policy.failed(SWITCHED_AT + 20_000, shown())).toBeUndefined();
    expect(policy.failed(SWITCHED_AT + 60_000, shown())).toBe('b'.repeat(40));
  });

  it('leaves a revision alone once it has been on screen for more than 10 minutes', () => {
    const policy = createRevisionGuardPolicy();
    for (const minutes of [11, 12, 13, 14])
      expect(policy.failed(SWITCHED_AT + minutes * MINUTE, shown())).toBeUndefined();
  });

  it('never takes off a revision shown again after another was taken off, nor before the first revision', () => {
    const policy = createRevisionGuardPolicy();
    for (let i = 1; i <= 5; i += 1)
      expect(policy.failed(SWITCHED_AT + i * 1000, shown('rollback'))).toBeUndefined();
    for (let i = 1; i <= 5; i += 1) expect(policy.failed(SWITCHED_AT + i * 1000, null)).toBeUndefined();
  });

  it('counts each revision’s failures on their own', () => {
    const policy = createRevisionGuardPolicy();
    policy.failed(SWITCHED_AT + 1000, shown());
    policy.failed(SWITCHED_AT + 2000, shown());
    expect(policy.failed(SWITCHED_AT + 3000, shown('update', 'c'.repeat(40)))).toBeUndefined();
  });
});

describe('the revision guard in the main process', () => {
  beforeEach(() => silenceLog());

  it('withdraws the revision the screen keeps failing on, saying why', () => {
    const clock = new FakeClock(SWITCHED_AT);
    let fail: (reason: string) => void = () => undefined;
    const windows = {
      onFailure: (listener: (reason: string) => void) => ((fail = listener), () => undefined),
    } as unknown as KioskWindows;
    const withdraw = vi.fn<ContentSource['withdraw']>(() => Promise.resolve(true));
    const source = { status: () => ({ shown: shown() }), withdraw } as unknown as ContentSource;
    setupRevisionGuard({ source, windows, clock });
    for (const reason of ['crashed', 'crashed', 'oom']) {
      clock.advance(10_000);
      fail(reason);
    }
    expect(withdraw).toHaveBeenCalledExactlyOnceWith(
      'b'.repeat(40),
      'the screen failed 3 times within 10 minutes of showing it (the last time: oom)',
    );
  });
});
