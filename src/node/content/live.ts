import type { Clock } from '../../shared/clock';
import { systemClock } from '../../shared/clock';
import { describeError } from '../../shared/describe-error';
import { formatProblem, hasErrors, type ContentState } from '../../shared/content';
import type { LastGoodStore, StoredContent } from './last-good';
import { noticesToShow } from './load-notices';
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
  /**
   * Wait for the first load before answering (the preview and content:check). The kiosk does
   * not: it starts on the last good content, or its standby screen, and the folder follows.
   */
  readonly waitForFirstLoad?: boolean;
}

/** What shows before the folder is first read when there is no last good content: a calm standby screen. */
const NOT_YET_LOADED: ContentState = {
  deck: null,
  deckRevision: null,
  standbyTitle: 'Welcome',
  problems: [],
};

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
  let state: ContentState = lastGood === undefined ? NOT_YET_LOADED : shownFrom(lastGood, []);
  let reported = new Set<string>();
  let loadedOnce = false;

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
    const { deck, standbyTitle, standbyLanguage, openingHours, timeZone, notices, brand, recordDays } =
      loaded;
    const candidate: StoredContent = {
      dir,
      savedAt: new Date(clock.now()).toISOString(),
      deck,
      standbyTitle,
      ...(standbyLanguage === undefined ? {} : { standbyLanguage }),
      ...(openingHours === undefined ? {} : { openingHours }),
      ...(timeZone === undefined ? {} : { timeZone }),
      ...(notices === undefined ? {} : { notices }),
      ...(brand === undefined ? {} : { brand }),
      ...(recordDays === undefined ? {} : { recordDays }),
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
    const { dir: _dir, savedAt: _savedAt, notices: keptNotices, ...shown } = lastGood;
    const notices = noticesToShow(loaded, keptNotices);
    return {
      ...shown,
      ...(notices.length === 0 ? {} : { notices }),
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
    const changed = !loadedOnce || JSON.stringify(next) !== JSON.stringify(state);
    loadedOnce = true;
    if (changed) report(loaded, next);
    state = next;
    if (changed) notify(next);
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

  // One load at a time, so a slow read never overwrites a newer one; asks made while one runs
  // become one more load after it, however many there were (a folder being copied asks often).
  let running: Promise<ContentState> | undefined;
  let again: Promise<ContentState> | undefined;
  function reload(): Promise<ContentState> {
    if (running === undefined) {
      running = reloadNow().finally(() => {
        running = undefined;
      });
      return running;
    }
    again ??= running
      .catch(() => undefined)
      .then(() => {
        again = undefined;
        return reload();
      });
    return again;
  }

  const first = reload();
  if (options.waitForFirstLoad === true) await first;
  else first.catch((error: unknown) => log.error(`the content could not be loaded: ${describeError(error)}`));
  return {
    dir,
    getContent: () => state,
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

/** The last good content, as the kiosk shows it while the folder has `problems`. */
function shownFrom(lastGood: StoredContent, problems: ContentState['problems']): ContentState {
  const { dir: _dir, savedAt: _savedAt, ...shown } = lastGood;
  return { ...shown, deckRevision: deckRevision(shown.deck), problems, fromLastGood: true };
}
