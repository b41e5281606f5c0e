import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadTarget } from '../../../../src/node/content/agent';
import { RepositoryError, type Repository, type Verdict } from '../../../../src/node/source/repository';
import { createRevisionStore } from '../../../../src/node/source/revisions';
import { startUpdater, type Updater } from '../../../../src/node/source/updater';
import type { ContentState } from '../../../../src/shared/content';
import type { RevisionSummary } from '../../../../src/shared/content-source';
import { FakeClock } from '../../support/fake-clock';

const MINUTE = 60_000;
const GOOD: ContentState = {
  deck: {
    language: 'en',
    title: 'T',
    slides: [],
    idleSeconds: 60,
    warningSeconds: 10,
    rotateLanguages: false,
    translations: [],
  },
  deckRevision: 'r',
  standbyTitle: 'T',
  problems: [],
};
const BROKEN: ContentState = {
  ...GOOD,
  problems: [{ severity: 'error', file: 'slides/01.md', message: 'title is missing' }],
};

const revision = (n: number): RevisionSummary => ({
  sha: String(n).repeat(40).slice(0, 40),
  subject: `Change ${n}`,
  author: 'Staff',
  committedAt: Date.UTC(2026, 2, 1, n),
});

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'kiosk-updater-'));
});
afterEach(() => {
  updater?.close();
  rmSync(folder, { recursive: true, force: true });
});

let updater: Updater | undefined;

interface FakeRepository extends Repository {
  readonly checkouts: string[];
  newest: RevisionSummary | Error;
  signature: Verdict;
  fetches: number;
}

/** A repository played by the test: its newest revision, or a failure, and a checkout that makes the folder. */
function fakeRepository() {
  const repository: FakeRepository = {
    newest: revision(1),
    signature: { ok: true },
    fetches: 0,
    fetch() {
      repository.fetches += 1;
      const newest = repository.newest;
      return newest instanceof Error ? Promise.reject(newest) : Promise.resolve(newest);
    },
    verifySignature: () => Promise.resolve(repository.signature),
    checkSize: () => Promise.resolve({ ok: true }),
    checkouts: [],
    checkout(sha, target) {
      repository.checkouts.push(sha);
      mkdirSync(target, { recursive: true });
      return Promise.resolve();
    },
  };
  return repository;
}

async function start(
  options: { random?: number; signedOnly?: boolean; check?: (target: LoadTarget) => ContentState } = {},
) {
  const clock = new FakeClock();
  const repository = fakeRepository();
  const check = vi.fn((target: LoadTarget) => Promise.resolve(options.check?.(target) ?? GOOD));
  const lines: string[] = [];
  updater = await startUpdater({
    repository,
    store: createRevisionStore(folder),
    source: 'test repository',
    display: { repository: 'https://example.org/content.git', branch: 'main' },
    path: '',
    signedOnly: options.signedOnly ?? false,
    updateMs: 5 * MINUTE,
    check,
    clock,
    random: () => options.random ?? 0.5,
    log: { info: (l) => lines.push(l), warn: (l) => lines.push(l), error: (l) => lines.push(l) },
  });
  return { updater, clock, repository, check, lines };
}

/** Runs the fake clock forward, letting each update's promises settle. */
async function advance(clock: FakeClock, ms: number) {
  clock.advance(ms);
  for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('the content updater', () => {
  it('first fetches after a random moment of up to 30 seconds, so kiosks started together spread out', async () => {
    const { clock, repository } = await start({ random: 0.5 });
    await advance(clock, 14_999);
    expect(repository.fetches).toBe(0);
    await advance(clock, 1);
    expect(repository.fetches).toBe(1);
  });

  it('then fetches every update interval, give or take a fifth of it', async () => {
    const low = await start({ random: 0 });
    await advance(low.clock, 0);
    await low.updater.updateNow();
    expect(low.repository.fetches).toBe(1);
    await advance(low.clock, 4 * MINUTE - 1);
    expect(low.repository.fetches).toBe(1);
    await advance(low.clock, 1);
    expect(low.repository.fetches).toBe(2);
  });

  it('retries an unreachable repository after 30 s, then twice as long each time, at most every 30 minutes', async () => {
    const { clock, repository, updater: source } = await start({ random: 0.5 });
    repository.newest = new RepositoryError('the repository’s server cannot be reached');
    await advance(clock, 15_000);
    const waits: number[] = [];
    let last = clock.now();
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const before = repository.fetches;
      while (repository.fetches === before) await advance(clock, 1000);
      waits.push(clock.now() - last);
      last = clock.now();
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1800, 1800].map((s) => s * 1000));
    expect(source.status().failing).toMatchObject({
      message: 'the repository’s server cannot be reached',
      since: Date.parse('2026-03-02T09:00:15Z'),
    });
  });

  it('checks a new revision before switching to it, and switches only when it has no errors', async () => {
    const { updater: source, check } = await start();
    expect((await source.updateNow()).outcome).toBe('switched');
    expect(check).toHaveBeenCalledWith({
      dir: join(folder, 'revisions', `${revision(1).sha}.staging`),
      repositoryRoot: join(folder, 'revisions', `${revision(1).sha}.staging`),
    });
    expect(source.status().shown?.sha).toBe(revision(1).sha);
    expect(source.view().shown?.target.dir).toBe(join(folder, 'revisions', revision(1).sha));
  });

  it('refuses a revision with errors once, and does not check it again until there is a newer one', async () => {
    const {
      updater: source,
      repository,
      check,
    } = await start({
      check: (target) => (target.dir.includes(revision(2).sha) ? BROKEN : GOOD),
    });
    await source.updateNow();
    repository.newest = revision(2);
    expect((await source.updateNow()).outcome).toBe('refused');
    expect((await source.updateNow()).outcome).toBe('refused');
    expect(check).toHaveBeenCalledTimes(2);
    expect(source.status()).toMatchObject({
      shown: { sha: revision(1).sha },
      refused: { revision: { sha: revision(2).sha }, reason: 'has errors', withdrawn: false },
    });
    expect(source.view().refusedProblems?.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^revision 2222222 "Change 2" .* is not shown: it has errors; the kiosk keeps showing revision 1111111/,
      ),
      'title is missing',
    ]);
    repository.newest = revision(3);
    expect((await source.updateNow()).outcome).toBe('switched');
    expect(source.status().refused).toBeNull();
  });

  it('refuses a revision whose signature is not allowed, without checking it out', async () => {
    const { updater: source, repository } = await start({ signedOnly: true });
    repository.signature = { ok: false, reason: 'is not signed, and this kiosk shows signed revisions only' };
    expect((await source.updateNow()).outcome).toBe('refused');
    expect(repository.checkouts).toEqual([]);
    expect(source.status().shown).toBeNull();
  });

  it('knows when it last showed the newest revision: not while the repository is away, nor while the newest is refused', async () => {
    const {
      updater: source,
      repository,
      clock,
    } = await start({
      check: (target) => (target.dir.includes(revision(2).sha) ? BROKEN : GOOD),
    });
    await source.updateNow();
    const current = clock.now();
    expect(source.status().currentAt).toBe(current);
    await advance(clock, MINUTE);
    repository.newest = revision(2);
    await source.updateNow();
    expect(source.status().currentAt).toBe(current);
    repository.newest = new RepositoryError('offline');
    await advance(clock, MINUTE);
    await source.updateNow();
    expect(source.status().currentAt).toBe(current);
  });

  it('joins the update under way when staff ask for one meanwhile', async () => {
    const { updater: source, repository } = await start();
    const first = source.updateNow();
    const second = source.updateNow();
    expect(second).toBe(first);
    await first;
    expect(repository.fetches).toBe(1);
  });

  it('goes back to the revision before when one is withdrawn, and never shows the withdrawn one again', async () => {
    const { updater: source, repository } = await start();
    await source.updateNow();
    repository.newest = revision(2);
    await source.updateNow();
    expect(await source.withdraw(revision(2).sha, 'the screen failed')).toBe(true);
    expect(source.status()).toMatchObject({
      shown: { sha: revision(1).sha },
      refused: { revision: { sha: revision(2).sha }, withdrawn: true, reason: 'the screen failed' },
    });
    expect((await source.updateNow()).outcome).toBe('refused');
    expect(source.status().shown?.sha).toBe(revision(1).sha);
    // Nothing to go back to from the first revision: it stays.
    expect(await source.withdraw(revision(1).sha, 'the screen failed')).toBe(false);
  });
});
