import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forkAgent } from '../../src/node/content/agent-fork';
import { startContentAgentHost, type ContentAgentHost } from '../../src/node/content/agent-host';
import { createMemoryLastGoodStore } from '../../src/node/content/last-good';
import { startContentService, type ContentService } from '../../src/node/content/service';
import { systemClock } from '../../src/shared/clock';
import { formatProblem } from '../../src/shared/content';
import { GOOD_TITLES, HOSTILE_FILES, makeHostileFolder, WITHOUT_PICTURE } from '../support/hostile-folder';

/**
 * The content agent as the preview and content:check run it: the built out/main/content-agent.js,
 * forked as a process of its own (`npm run test:integration` builds it first).
 */
const BUILT = resolve('out/main');
const FIXTURES = resolve('tests/fixtures');
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

let base: string;
let host: ContentAgentHost | undefined;
let service: ContentService | undefined;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-agent-'));
});
afterEach(() => {
  host?.close();
  service?.close();
  host = service = undefined;
  rmSync(base, { recursive: true, force: true });
});

/** An agent script that is not the real one: it never answers, or it ends at once. */
function fakeAgent(body: string): string {
  const folder = join(base, 'fake-agent');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'content-agent.js'), body);
  return folder;
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the content agent as a process of its own', () => {
  it('reads a hostile folder: the good slides show, and each bad file is refused where it is', async () => {
    const dir = join(base, 'content');
    makeHostileFolder(dir, FIXTURES);
    host = startContentAgentHost({
      spawn: forkAgent(BUILT),
      dir,
      watch: 'off',
      clock: systemClock,
      log: quiet,
    });
    const state = await host.load();
    expect(state.deck?.slides.map((slide) => slide.title)).toEqual([...GOOD_TITLES, ...WITHOUT_PICTURE]);
    for (const [file, message] of Object.entries(HOSTILE_FILES)) {
      expect(state.problems.filter((problem) => problem.file === file).map(formatProblem)).toEqual([
        expect.stringMatching(message),
      ]);
    }
  });

  it('stops a reader that never answers, at the deadline, and says so', async () => {
    let pid = 0;
    const spawn = forkAgent(
      fakeAgent('process.send({ type: "pid", pid: process.pid }); setInterval(() => {}, 1000);'),
    );
    host = startContentAgentHost({
      spawn: () => {
        const child = spawn();
        child.onMessage((message) => {
          const sent = message as unknown as { type: string; pid?: number };
          if (sent.type === 'pid' && sent.pid !== undefined) pid = sent.pid;
        });
        return child;
      },
      dir: base,
      watch: 'off',
      clock: systemClock,
      log: quiet,
      loadDeadlineMs: 1_000,
    });
    const state = await host.load();
    expect(state.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/took longer than 1 s, so it was stopped/),
    ]);
    await vi.waitFor(() => expect(pid > 0 && !isRunning(pid)).toBe(true));
  });

  it('answers at once when the reader ends, and starts a new one', async () => {
    host = startContentAgentHost({
      spawn: forkAgent(fakeAgent('process.exit(3);')),
      dir: base,
      watch: 'off',
      clock: systemClock,
      log: quiet,
    });
    const state = await host.load();
    expect(state.problems[0]?.message).toMatch(/the content reader (stopped|stopped before)/);
  });
});

describe('a content folder that goes away and comes back', () => {
  it('keeps the last good content while it is away, says so, and shows it again on its return', async () => {
    const dir = join(base, 'share');
    cpSync(join(FIXTURES, 'three-slides'), dir, { recursive: true });
    service = await startContentService({
      dir,
      spawnAgent: forkAgent(BUILT),
      store: createMemoryLastGoodStore(),
      watch: 'poll',
      clock: systemClock,
      log: quiet,
      waitForFirstLoad: true,
    });
    const shown = service;
    expect(shown.getContent().problems).toEqual([]);

    renameSync(dir, join(base, 'unplugged'));
    await vi.waitFor(
      () =>
        expect(shown.getContent().problems.map(formatProblem)).toEqual([
          expect.stringMatching(
            /^\. the content folder .* cannot be found: if it is on a network share or a USB stick/,
          ),
        ]),
      { timeout: 10_000, interval: 100 },
    );
    expect(shown.getContent().fromLastGood).toBe(true);
    expect(shown.getContent().deck?.slides).toHaveLength(3);

    renameSync(join(base, 'unplugged'), dir);
    await vi.waitFor(() => expect(shown.getContent().problems).toEqual([]), {
      timeout: 10_000,
      interval: 100,
    });
    expect(shown.getContent().fromLastGood).toBeUndefined();
  });
});

describe('npm run content:check on a hostile folder', () => {
  it('lists every bad file and fails, without hanging on pipes or links to devices', () => {
    const dir = join(base, 'content');
    makeHostileFolder(dir, FIXTURES);
    const run = spawnSync(process.execPath, [join(BUILT, 'content-check.js'), dir], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    for (const file of Object.keys(HOSTILE_FILES)) expect(run.stdout).toContain(file);
  });
});
