import * as fsPromises from 'node:fs/promises';
import { loadContent, type ContentFileSystem } from '../shared/content/load';
import { formatProblem, type ContentState } from '../shared/content/types';
import { describeError, log } from './log';

export type ContentListener = (state: ContentState) => void;

export interface ContentService {
  readonly dir: string;
  getContent(): ContentState;
  /** Reads the folder again; listeners hear about it only if what the kiosk shows changed. */
  reload(): Promise<ContentState>;
  onChange(listener: ContentListener): () => void;
}

const STANDBY_TITLE = 'Welcome';

/**
 * Loads the content folder once at startup and keeps it. `reload` and `onChange` exist so that a
 * file watcher can be added without changing anyone else: it calls `reload`, IPC forwards the news.
 */
export async function setupContent(dir: string, fs: ContentFileSystem = fsPromises): Promise<ContentService> {
  const listeners = new Set<ContentListener>();
  let state = await read(dir, fs);
  let reported = report(state, new Set());
  // Reloads run one after another, so a slow read can never overwrite a newer one.
  let queue: Promise<unknown> = Promise.resolve();

  async function reloadNow(): Promise<ContentState> {
    const next = await read(dir, fs);
    reported = report(next, reported);
    const changed = JSON.stringify(next) !== JSON.stringify(state);
    state = next;
    if (changed) {
      for (const listener of listeners) {
        try {
          listener(next);
        } catch (error) {
          log.error('a content listener failed', { error: describeError(error) });
        }
      }
    }
    return next;
  }

  return {
    dir,
    getContent: () => state,
    reload() {
      const run = queue.then(reloadNow);
      queue = run.catch(() => undefined);
      return run;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** `loadContent` does not throw for bad content; anything it does throw becomes a calm standby screen. */
async function read(dir: string, fs: ContentFileSystem): Promise<ContentState> {
  try {
    return await loadContent(dir, fs);
  } catch (error) {
    return {
      deck: null,
      standbyTitle: STANDBY_TITLE,
      problems: [
        {
          severity: 'error',
          file: '.',
          message: `the content folder could not be read: ${describeError(error)}`,
        },
      ],
    };
  }
}

/**
 * Logs each problem once: a watcher reloading after every save would otherwise repeat the same
 * complaints. Returns the problems now outstanding, so one that is fixed and comes back is told again.
 */
function report(state: ContentState, alreadyReported: ReadonlySet<string>): Set<string> {
  const outstanding = new Set<string>();
  for (const problem of state.problems) {
    const text = formatProblem(problem);
    outstanding.add(text);
    if (alreadyReported.has(text)) continue;
    if (problem.severity === 'error') log.error(`content problem: ${text}`);
    else log.warn(`content problem: ${text}`);
  }
  const slides = state.deck?.slides.length ?? 0;
  if (state.deck === null) log.warn('no content to show: the kiosk shows its standby screen');
  else log.info('content loaded', { slides, problems: state.problems.length });
  return outstanding;
}
