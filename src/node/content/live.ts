import type { Clock } from '../../shared/clock';
import { systemClock } from '../../shared/clock';
import { describeError } from '../../shared/describe-error';
import { formatProblem, hasErrors, type ContentState } from '../../shared/content';
import type { LastGoodStore, StoredContent } from './last-good';
import { deckRevision } from './revision';

export type ContentListener = (state: ContentState) => void;

/** The log the content reports to: the main process's log file, or the preview's terminal. */
export interface ContentLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LiveContent {
  readonly dir: string;
  /** What the kiosk shows now, with the problems of the folder as it is on disk. */
  getContent(): ContentState;
  /** Reads the folder again; listeners hear about it only if what the kiosk shows changed. */
  reload(): Promise<ContentState>;
  onChange(listener: ContentListener): () => void;
}

export interface LiveContentOptions {
  readonly dir: string;
  /** Reads the folder; must not throw (a folder that cannot be read is a state with a problem). */
  readonly load: () => Promise<ContentState>;
  readonly store: LastGoodStore;
  readonly log: ContentLog;
  readonly clock?: Pick<Clock, 'now'>;
}

/**
 * The content the kiosk shows, kept safe from mistakes. Content without errors is shown and kept
 * as the last good content. Content with errors is not shown: the last good content stays on
 * screen while the problems are reported, until the folder is fixed. Only when there never was
 * good content does the kiosk show what it can of a broken folder (or its standby screen).
 */
export async function startLiveContent(options: LiveContentOptions): Promise<LiveContent> {
  const { dir, load, store, log, clock = systemClock } = options;
  const listeners = new Set<ContentListener>();
  let lastGood = await readLastGood();
  let state: ContentState | undefined;
  let reported = new Set<string>();
  // Reloads run one after another, so a slow read can never overwrite a newer one.
  let queue: Promise<unknown> = Promise.resolve();

  async function readLastGood(): Promise<StoredContent | undefined> {
    try {
      const stored = await store.read();
      return stored?.dir === dir ? stored : undefined;
    } catch (error) {
      log.warn(`the last good content could not be read, so it is not used: ${describeError(error)}`);
      return undefined;
    }
  }

  async function keep(loaded: ContentState): Promise<void> {
    if (loaded.deck === null) return;
    const { deck, standbyTitle, standbyLanguage, openingHours, timeZone } = loaded;
    const candidate: StoredContent = {
      dir,
      savedAt: new Date(clock.now()).toISOString(),
      deck,
      standbyTitle,
      ...(standbyLanguage === undefined ? {} : { standbyLanguage }),
      ...(openingHours === undefined ? {} : { openingHours }),
      ...(timeZone === undefined ? {} : { timeZone }),
    };
    if (lastGood !== undefined && keptAs(lastGood) === keptAs(candidate)) return;
    lastGood = candidate;
    try {
      await store.write(candidate);
    } catch (error) {
      // Still shown and still kept in memory: only a restart with a broken folder would miss it.
      log.error(`the last good content could not be saved: ${describeError(error)}`);
    }
  }

  function decide(loaded: ContentState): ContentState {
    if (!hasErrors(loaded.problems) || lastGood === undefined) return loaded;
    const { dir: _dir, savedAt: _savedAt, ...shown } = lastGood;
    return {
      ...shown,
      deckRevision: deckRevision(shown.deck),
      problems: loaded.problems,
      fromLastGood: true,
    };
  }

  function report(loaded: ContentState, shown: ContentState): void {
    const outstanding = new Set<string>();
    for (const problem of loaded.problems) {
      const text = formatProblem(problem);
      outstanding.add(text);
      if (reported.has(text)) continue;
      if (problem.severity === 'error') log.error(`content problem: ${text}`);
      else log.warn(`content problem: ${text}`);
    }
    reported = outstanding;
    if (shown.fromLastGood) {
      log.warn(
        `the content folder has errors: still showing the last good content, from ${lastGood?.savedAt ?? '?'}`,
      );
    } else if (shown.deck === null) {
      log.warn('no content to show: the kiosk shows its standby screen');
    } else {
      log.info(`content loaded: ${shown.deck.slides.length} slides, ${shown.problems.length} problems`);
    }
  }

  async function reloadNow(): Promise<ContentState> {
    const loaded = await load();
    if (!hasErrors(loaded.problems)) await keep(loaded);
    const next = decide(loaded);
    const changed = state === undefined || JSON.stringify(next) !== JSON.stringify(state);
    if (changed) report(loaded, next);
    const previous = state;
    state = next;
    if (changed && previous !== undefined) notify(next);
    return next;
  }

  function notify(next: ContentState): void {
    for (const listener of listeners) {
      try {
        listener(next);
      } catch (error) {
        log.error(`a content listener failed: ${describeError(error)}`);
      }
    }
  }

  function reload(): Promise<ContentState> {
    const run = queue.then(reloadNow);
    queue = run.catch(() => undefined);
    return run;
  }

  const first = await reload();
  return {
    dir,
    getContent: () => state ?? first,
    reload,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What a stored copy holds, whenever it was saved: the same content is not written again. */
function keptAs(content: StoredContent): string {
  const { savedAt: _savedAt, ...kept } = content;
  return JSON.stringify(kept);
}
