import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock, TimerHandle } from '../../shared/clock';
import { hasErrors, type ContentProblem, type ContentState } from '../../shared/content';
import { shortSha, type ContentSourceStatus, type RevisionSummary } from '../../shared/content-source';
import { describeError } from '../../shared/describe-error';
import { cappedBackoff } from '../backoff';
import type { LoadTarget } from '../content/agent';
import type { ContentLog } from '../content/live';
import { RepositoryError, type Repository } from './repository';
import { KEEP_PREVIOUS, summaryOf, type RevisionState, type RevisionStore } from './revisions';

/**
 * Keeps a kiosk's content up to date with its repository. On a timer (with jitter, so a hundred
 * kiosks do not arrive together) and when staff ask, it fetches the branch; a new revision is
 * checked out into a staging folder, checked in full by the content agent (what content:check
 * does), and only then switched to, atomically (revisions.ts). A revision with errors, without
 * the required signature, or too big, is refused and never shown; one the screen fails on is
 * taken off the screen (withdrawn) and never shown again. While the repository cannot be reached
 * the kiosk keeps what it has, and asks again less and less often.
 */

export interface UpdaterOptions {
  readonly repository: Repository;
  readonly store: RevisionStore;
  /** Names the repository, branch and folder: revisions kept for another are not used. */
  readonly source: string;
  readonly display: { readonly repository: string; readonly branch: string };
  /** The folder of the repository shown ('' for its top). */
  readonly path: string;
  readonly signedOnly: boolean;
  readonly updateMs: number;
  /** Reads a checked-out revision as content:check would: the content agent. */
  readonly check: (target: LoadTarget) => Promise<ContentState>;
  readonly clock: Clock;
  /** 0 to 1; Math.random in the kiosk. */
  readonly random: () => number;
  readonly log: ContentLog;
}

/** How an update ended, and how long each step took (the benchmark reads them). */
export interface UpdateResult {
  readonly outcome: 'switched' | 'current' | 'refused' | 'unreachable' | 'failed';
  readonly ms: {
    readonly fetch?: number;
    readonly check?: number;
    readonly switch?: number;
    readonly total: number;
  };
}

/** What the content shows, and why, for the live content to load. */
export interface SourceView {
  /** The revision on screen, with the folder to read; undefined before the first one. */
  readonly shown?: { readonly revision: RevisionSummary; readonly target: LoadTarget };
  /** Problems of the newest revision when it was refused, with the line that says so first. */
  readonly refusedProblems?: readonly ContentProblem[];
  /** Notes for staff about the source itself: not reached, a revision taken off the screen. */
  readonly notices: readonly ContentProblem[];
}

export interface Updater {
  status(): ContentSourceStatus;
  view(): SourceView;
  /** Fetches now (or joins the update under way), then waits the usual time before the next. */
  updateNow(): Promise<UpdateResult>;
  /** Takes `sha` off the screen for good, back to the revision before it; false if it could not. */
  withdraw(sha: string, reason: string): Promise<boolean>;
  /** Called after anything in the status changed; `shown` when the content to load changed. */
  onChange(listener: (change: { readonly contentChanged: boolean }) => void): () => void;
  close(): void;
}

/** The first retry after a failed fetch, and the longest wait between retries. */
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 30 * 60_000;
/** At start-up the first fetch waits a random moment up to this, so kiosks powered on together spread out. */
const FIRST_FETCH_SPREAD_MS = 30_000;

interface Refusal {
  readonly revision: RevisionSummary;
  readonly reason: string;
  readonly problems: readonly ContentProblem[];
}

export async function startUpdater(options: UpdaterOptions): Promise<Updater> {
  const { repository, store, clock, log } = options;
  let state: RevisionState = await store.load(options.source);
  if (state.shown !== null && !(await store.hasFolder(state.shown.sha))) {
    log.warn(`revision ${shortSha(state.shown.sha)} is no longer on this computer: it will be fetched again`);
  }
  let refusal: Refusal | undefined;
  let failing: { since: number; message: string; attempts: number } | undefined;
  let lastCheckAt: number | null = null;
  let nextTryAt: number | null = null;
  let running: Promise<UpdateResult> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let timer: TimerHandle | undefined;
  let closed = false;
  const listeners = new Set<(change: { readonly contentChanged: boolean }) => void>();

  /** One change of the state at a time: an update, a withdrawal. */
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  function changed(contentChanged: boolean): void {
    for (const listener of listeners) {
      try {
        listener({ contentChanged });
      } catch (error) {
        log.error(`a content source listener failed: ${describeError(error)}`);
      }
    }
  }

  const jitter = (ms: number) => Math.round(ms * (0.8 + 0.4 * options.random()));

  function schedule(ms: number): void {
    clock.clearTimeout(timer);
    if (closed) return;
    nextTryAt = clock.now() + ms;
    timer = clock.setTimeout(() => {
      timer = undefined;
      void updateNow();
    }, ms);
  }

  function nextWait(): number {
    if (failing === undefined) return jitter(options.updateMs);
    const first = Math.min(FIRST_RETRY_MS, options.updateMs);
    return jitter(cappedBackoff(first, failing.attempts - 1, Math.max(options.updateMs, MAX_RETRY_MS)));
  }

  function updateNow(): Promise<UpdateResult> {
    if (running !== undefined) return running;
    clock.clearTimeout(timer);
    running = serially(update)
      .catch((error: unknown): UpdateResult => {
        log.error(`the content update failed: ${describeError(error)}`);
        return { outcome: 'failed', ms: { total: 0 } };
      })
      .finally(() => {
        running = undefined;
        schedule(nextWait());
        changed(false);
      });
    changed(false);
    return running;
  }

  async function save(): Promise<void> {
    try {
      await store.save(state);
    } catch (error) {
      log.error(`the state of the content revisions could not be saved: ${describeError(error)}`);
    }
  }

  async function update(): Promise<UpdateResult> {
    const started = clock.now();
    lastCheckAt = started;
    const elapsed = () => clock.now() - started;
    let newest: RevisionSummary;
    try {
      newest = await repository.fetch();
    } catch (error) {
      const message = error instanceof RepositoryError ? error.message : describeError(error);
      const first = failing === undefined;
      failing = { since: failing?.since ?? started, message, attempts: (failing?.attempts ?? 0) + 1 };
      if (first)
        log.warn(`the content repository cannot be reached: ${message}; the kiosk keeps what it shows`);
      if (first) changed(true);
      return { outcome: 'unreachable', ms: { fetch: elapsed(), total: elapsed() } };
    }
    const fetchMs = elapsed();
    if (failing !== undefined) log.info('the content repository can be reached again');
    const wasFailing = failing !== undefined;
    failing = undefined;
    state = { ...state, newest, lastSuccessAt: clock.now() };
    const done = async (outcome: UpdateResult['outcome'], contentChanged: boolean): Promise<UpdateResult> => {
      await save();
      if (contentChanged || wasFailing) changed(true);
      return { outcome, ms: { fetch: fetchMs, total: elapsed() } };
    };

    if (state.shown?.sha === newest.sha && (await store.hasFolder(newest.sha))) {
      const hadRefusal = refusal !== undefined;
      refusal = undefined;
      state = { ...state, currentAt: clock.now() };
      return done('current', hadRefusal);
    }
    if (state.withdrawn.some((entry) => entry.sha === newest.sha)) return done('refused', false);
    if (refusal?.revision.sha === newest.sha) return done('refused', false);

    if (options.signedOnly) {
      const signature = await repository.verifySignature(newest.sha);
      if (!signature.ok) return refuse(newest, signature.reason, [], done);
    }
    const size = await repository.checkSize(newest.sha);
    if (!size.ok) return refuse(newest, size.reason, [], done);

    const staging = store.stagingOf(newest.sha);
    try {
      await store.prune(state);
      await repository.checkout(newest.sha, staging);
    } catch (error) {
      failing = {
        since: clock.now(),
        message: `revision ${shortSha(newest.sha)} could not be checked out: ${error instanceof RepositoryError ? error.message : describeError(error)}`,
        attempts: 1,
      };
      log.error(failing.message);
      await store.prune(state).catch(() => undefined);
      return done('failed', true);
    }
    const folder = options.path === '' ? staging : join(staging, options.path);
    if (!(await isFolder(folder))) {
      await store.prune(state);
      return refuse(
        newest,
        `has no folder ${options.path} (check the path in the kiosk settings, or whether the folder was moved or renamed)`,
        [],
        done,
      );
    }
    const checkStarted = clock.now();
    const checked = await options.check({ dir: folder, repositoryRoot: staging });
    const checkMs = clock.now() - checkStarted;
    if (hasErrors(checked.problems) || checked.deck === null) {
      await store.prune(state);
      return refuse(newest, 'has errors', checked.problems, done);
    }

    const switchStarted = clock.now();
    await store.keep(newest.sha);
    const before = state.shown;
    state = {
      ...state,
      shown: { ...newest, shownAt: clock.now(), shownBy: 'update' },
      previous:
        before === null
          ? state.previous
          : [
              summaryOf(before),
              ...state.previous.filter((r) => r.sha !== before.sha && r.sha !== newest.sha),
            ].slice(0, KEEP_PREVIOUS),
      currentAt: clock.now(),
    };
    await store.save(state);
    refusal = undefined;
    await store
      .prune(state)
      .catch((error: unknown) => log.warn(`old revisions could not be removed: ${describeError(error)}`));
    log.info(
      `showing revision ${describeRevision(newest)}${before === null ? '' : ` (it was ${shortSha(before.sha)})`}`,
    );
    changed(true);
    const switchMs = clock.now() - switchStarted;
    return {
      outcome: 'switched',
      ms: { fetch: fetchMs, check: checkMs, switch: switchMs, total: elapsed() },
    };
  }

  async function refuse(
    revision: RevisionSummary,
    reason: string,
    problems: readonly ContentProblem[],
    done: (outcome: UpdateResult['outcome'], contentChanged: boolean) => Promise<UpdateResult>,
  ): Promise<UpdateResult> {
    refusal = { revision, reason, problems };
    const keeping =
      state.shown === null
        ? 'there is no earlier revision to show'
        : `the kiosk keeps showing revision ${shortSha(state.shown.sha)}`;
    log.error(`revision ${describeRevision(revision)} is not shown: it ${reason}; ${keeping}`);
    return done('refused', true);
  }

  async function withdraw(sha: string, reason: string): Promise<boolean> {
    return serially(async () => {
      const shown = state.shown;
      if (shown?.sha !== sha) return false;
      let back: RevisionSummary | undefined;
      for (const candidate of state.previous) {
        if (await store.hasFolder(candidate.sha)) {
          back = candidate;
          break;
        }
      }
      if (back === undefined) {
        log.error(
          `revision ${describeRevision(shown)} ${reason}, but there is no earlier revision on this computer to go back to`,
        );
        return false;
      }
      const previous = back;
      state = {
        ...state,
        shown: { ...previous, shownAt: clock.now(), shownBy: 'rollback' },
        previous: state.previous.filter((revision) => revision.sha !== previous.sha),
        withdrawn: [{ sha, subject: shown.subject, reason, at: clock.now() }, ...state.withdrawn].slice(
          0,
          20,
        ),
      };
      await save();
      await store.prune(state).catch(() => undefined);
      log.error(
        `revision ${describeRevision(shown)} was taken off the screen: ${reason}; showing revision ${describeRevision(previous)} again, and revision ${shortSha(sha)} will not be shown again`,
      );
      changed(true);
      return true;
    });
  }

  function status(): ContentSourceStatus {
    const newest = state.newest;
    const withdrawn = newest === null ? undefined : state.withdrawn.find((entry) => entry.sha === newest.sha);
    return {
      repository: options.display.repository,
      branch: options.display.branch,
      path: options.path,
      signedOnly: options.signedOnly,
      shown:
        state.shown === null
          ? null
          : { ...summaryOf(state.shown), shownAt: state.shown.shownAt, shownBy: state.shown.shownBy },
      newest: newest === null ? null : summaryOf(newest),
      lastCheckAt,
      lastSuccessAt: state.lastSuccessAt,
      currentAt: state.currentAt,
      failing: failing === undefined ? null : { since: failing.since, message: failing.message, nextTryAt },
      refused:
        refusal !== undefined
          ? { revision: refusal.revision, reason: refusal.reason, withdrawn: false }
          : withdrawn !== undefined && newest !== null
            ? { revision: summaryOf(newest), reason: withdrawn.reason, withdrawn: true }
            : null,
      updating: running !== undefined,
    };
  }

  function view(): SourceView {
    const shown = state.shown;
    const root = shown === null ? undefined : store.folderOf(shown.sha);
    const notices: ContentProblem[] = [];
    if (failing !== undefined) {
      notices.push({
        severity: 'warning',
        file: '.',
        message: `the content could not be updated since ${timeOf(failing.since)}: ${failing.message}; ${shown === null ? 'the kiosk shows the last content it kept' : `the kiosk keeps showing revision ${shortSha(shown.sha)}`} and tries again by itself`,
      });
    }
    const current = status().refused;
    if (current?.withdrawn === true) {
      notices.push({
        severity: 'warning',
        file: '.',
        message: `revision ${describeRevision(current.revision)} was taken off the screen: ${current.reason}; it will not be shown again: fix it with a new commit (or revert it)`,
      });
    }
    return {
      ...(shown === null || root === undefined
        ? {}
        : {
            shown: {
              revision: summaryOf(shown),
              target: { dir: options.path === '' ? root : join(root, options.path), repositoryRoot: root },
            },
          }),
      ...(refusal === undefined
        ? {}
        : {
            refusedProblems: [
              {
                severity: 'error' as const,
                file: '.',
                message: `revision ${describeRevision(refusal.revision)} is not shown: it ${refusal.reason}; ${shown === null ? 'there is no earlier revision to show' : `the kiosk keeps showing revision ${shortSha(shown.sha)}`}; fix it in the repository with a new commit, or revert it`,
              },
              ...refusal.problems,
            ],
          }),
      notices,
    };
  }

  schedule(Math.round(options.random() * Math.min(options.updateMs, FIRST_FETCH_SPREAD_MS)));

  return {
    status,
    view,
    updateNow,
    withdraw,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      clock.clearTimeout(timer);
      timer = undefined;
      nextTryAt = null;
    },
  };
}

/** `1a2b3c4 "Add the flu slide" (Jane Doe, 2026-03-02 10:15 UTC)`: a revision as staff know it. */
export function describeRevision(revision: RevisionSummary): string {
  return `${shortSha(revision.sha)} "${revision.subject}" (${revision.author}, ${timeOf(revision.committedAt)})`;
}

function timeOf(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
