import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupUsage, type UsageService } from '../../../src/main/usage';
import { parseUsageBatch } from '../../../src/node/usage/events';
import type { ContentState } from '../../../src/shared/content';
import { IpcChannel } from '../../../src/shared/ipc';
import type { UsageEvent } from '../../../src/shared/usage';
import { FakeClock } from '../support/fake-clock';
import { kioskPage, type KioskPage } from './ipc-support';
import { silenceLog } from './log-support';

const NOW = Date.parse('2026-12-07T10:00:00Z');
const session = (seconds: number): UsageEvent => ({ type: 'session', start: NOW, seconds, ended: 'back' });

describe('what the page may send for the record', () => {
  it('takes a batch of well-formed events', () => {
    expect(parseUsageBatch([[session(30)]])).toEqual([[session(30)]]);
  });

  it.each([
    ['not a list', ['session']],
    ['a second argument', [[session(1)], 'more']],
    ['too many events', [Array.from({ length: 201 }, () => session(1))]],
    ['an unknown kind', [[{ type: 'keystroke', at: NOW, key: 'a' }]]],
    ['a field of its own', [[{ ...session(1), name: 'Jane Doe' }]]],
    ['a name with control characters', [[{ type: 'qr', session: NOW, at: NOW, id: 'a\u0000b' }]]],
    ['a name far too long', [[{ type: 'qr', session: NOW, at: NOW, id: 'x'.repeat(201) }]]],
    ['a session of days', [[session(3 * 24 * 3600)]]],
    ['a time from 1970', [[{ type: 'topics', session: 0, at: 0 }]]],
  ])('refuses %s', (_what, args) => {
    expect(parseUsageBatch(args)).toBeUndefined();
  });
});

describe('the record of use in the main process', () => {
  let dir: string;
  let page: KioskPage;
  let clock: FakeClock;
  let usage: UsageService;
  let content: ContentState;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-usage-main-'));
    page = kioskPage();
    clock = new FakeClock(NOW);
    content = { deck: null, deckRevision: null, standbyTitle: 'Clinic', problems: [], timeZone: 'UTC' };
    silenceLog();
    usage = setupUsage({
      ipc: page.ipc,
      userDataDir: dir,
      content: { getContent: () => content, onChange: () => () => undefined },
      clock,
    });
  });
  afterEach(async () => {
    await usage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes what the page sends into the user-data folder, and shows it at a glance', async () => {
    await page.invoke(IpcChannel.recordUsage, [session(30), session(40)]);
    const summary = await usage.summary();
    expect(summary.days.at(-1)).toEqual({ date: '2026-12-07', sessions: 2 });
    expect(summary.days).toHaveLength(30);
    expect(readdirSync(join(dir, 'usage'))).toEqual(['usage-2026-12-07.log']);
  });

  it('refuses a batch that is not what the page sends, and writes none of it', async () => {
    await expect(page.invoke(IpcChannel.recordUsage, [session(30), { type: 'keystroke' }])).rejects.toThrow(
      'refused',
    );
    expect((await usage.summary()).days.at(-1)?.sessions).toBe(0);
  });

  it('records nothing when kiosk.yaml turns the record off', async () => {
    content = { ...content, recordDays: 0 };
    await page.invoke(IpcChannel.recordUsage, [session(30)]);
    const summary = await usage.summary();
    expect(summary.recording).toBe(false);
    expect(summary.days.at(-1)?.sessions).toBe(0);
  });
});
