import type { Clock, TimerHandle } from '../../shared/clock';
import type { ContentState } from '../../shared/content';
import { cappedBackoff } from '../backoff';
import type { AgentReply, AgentRequest, LoadTarget, WatchSetting } from './agent';
import { error } from './files';

/** A running content agent, whatever process carries it. */
export interface AgentChild {
  send(message: AgentRequest): void;
  onMessage(listener: (message: AgentReply) => void): void;
  /** Called once, when the process has ended for any reason; `why` is for the log. */
  onExit(listener: (why: string) => void): void;
  kill(): void;
}

export type SpawnAgent = () => AgentChild;

/** Longer than any folder of good content takes; a load past it is stopped and reported. */
export const LOAD_DEADLINE_MS = 20_000;
/** How often an idle agent is asked whether it still answers, and how long it has to answer. */
export const PING_EVERY_MS = 30_000;
export const PING_ANSWER_MS = 10_000;
/** The first wait before a new agent after one stopped; it doubles up to the ceiling. */
export const RESTART_FIRST_MS = 1_000;
export const RESTART_MAX_MS = 60_000;

export interface AgentHostLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface AgentHostOptions {
  readonly spawn: SpawnAgent;
  readonly dir: string;
  readonly cacheDir?: string;
  readonly repositoryRoot?: string;
  readonly watch: WatchSetting;
  readonly clock: Clock;
  readonly log: AgentHostLog;
  readonly loadDeadlineMs?: number;
}

export interface ContentAgentHost {
  /**
   * Reads the folder (or `folder`, a revision of a repository) in the agent; always answers, at
   * the latest at the deadline, never throws.
   */
  load(folder?: LoadTarget): Promise<ContentState>;
  /** The folder changed (or may have, while no agent was watching it): load it again. */
  onChanged(listener: () => void): () => void;
  close(): void;
}

interface PendingLoad {
  readonly resolve: (state: ContentState) => void;
  readonly timer: TimerHandle;
}

/**
 * Keeps one content agent running and talks to it. Every load has a deadline; an agent that
 * misses it, stops answering pings, or ends, is replaced (waiting longer each time it happens
 * again soon, so a folder that crashes every agent is not read in a tight loop), and the load is
 * answered with a problem that says what happened. Nothing here ever waits on the folder itself.
 */
export function startContentAgentHost(options: AgentHostOptions): ContentAgentHost {
  const { clock, log } = options;
  const deadline = options.loadDeadlineMs ?? LOAD_DEADLINE_MS;
  const changedListeners = new Set<() => void>();
  const pending = new Map<number, PendingLoad>();
  let child: AgentChild | undefined;
  let nextId = 1;
  let restarts = 0;
  let lastStart = Number.NEGATIVE_INFINITY;
  let restartTimer: TimerHandle | undefined;
  let pingTimer: TimerHandle | undefined;
  let pingDeadline: TimerHandle | undefined;
  let closed = false;

  function start(): AgentChild {
    const started = options.spawn();
    child = started;
    lastStart = clock.now();
    started.onMessage((message) => {
      if (child === started) receive(message);
    });
    started.onExit((why) => {
      if (child !== started) return;
      child = undefined;
      stopped(`the content reader stopped (${why})`);
    });
    started.send({
      type: 'start',
      dir: options.dir,
      watch: options.watch,
      ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
      ...(options.repositoryRoot === undefined ? {} : { repositoryRoot: options.repositoryRoot }),
    });
    schedulePing();
    return started;
  }

  function receive(message: AgentReply): void {
    switch (message.type) {
      case 'loaded': {
        const load = pending.get(message.id);
        if (load === undefined) return;
        pending.delete(message.id);
        clock.clearTimeout(load.timer);
        load.resolve(message.state);
        return;
      }
      case 'changed':
        notifyChanged();
        return;
      case 'pong':
        clock.clearTimeout(pingDeadline);
        pingDeadline = undefined;
        schedulePing();
        return;
      case 'watching':
        log.info(
          message.polling
            ? `the content folder is polled every second: it is ${message.reason}`
            : `the content folder is watched for changes: it is ${message.reason}`,
        );
        return;
      case 'failed':
        log.error(message.message);
        return;
    }
  }

  /** The agent is gone, or made to go: answer what it owed, and start another after a pause. */
  function stopped(why: string): void {
    clock.clearTimeout(pingTimer);
    clock.clearTimeout(pingDeadline);
    pingTimer = pingDeadline = undefined;
    for (const [id, load] of pending) {
      pending.delete(id);
      clock.clearTimeout(load.timer);
      load.resolve(failedState(why));
    }
    if (closed) return;
    // An agent that ran well for a while earns a fresh start; one that keeps stopping waits longer.
    if (clock.now() - lastStart > RESTART_MAX_MS * 2) restarts = 0;
    const wait = cappedBackoff(RESTART_FIRST_MS, restarts, RESTART_MAX_MS);
    restarts += 1;
    log.warn(`${why}; starting a new one in ${Math.round(wait / 1000)} s`);
    clock.clearTimeout(restartTimer);
    restartTimer = clock.setTimeout(() => {
      restartTimer = undefined;
      if (closed || child !== undefined) return;
      start();
      // Changes made while nobody watched are only found by reading the folder again.
      notifyChanged();
    }, wait);
  }

  function kill(why: string): void {
    const current = child;
    child = undefined;
    current?.kill();
    stopped(why);
  }

  function schedulePing(): void {
    clock.clearTimeout(pingTimer);
    pingTimer = clock.setTimeout(() => {
      pingTimer = undefined;
      // A load under way has its own deadline.
      if (child === undefined || pending.size > 0) {
        schedulePing();
        return;
      }
      const id = nextId++;
      child.send({ type: 'ping', id });
      pingDeadline = clock.setTimeout(() => {
        pingDeadline = undefined;
        kill(`the content reader did not answer for ${PING_ANSWER_MS / 1000} s`);
      }, PING_ANSWER_MS);
    }, PING_EVERY_MS);
  }

  function notifyChanged(): void {
    for (const listener of changedListeners) listener();
  }

  // Watching starts with the host, not with the first load.
  if (options.watch !== 'off') start();

  return {
    load(folder) {
      if (closed) return Promise.resolve(failedState('the content reader was closed'));
      const agent = child ?? start();
      const id = nextId++;
      return new Promise<ContentState>((resolve) => {
        const timer = clock.setTimeout(() => {
          if (!pending.has(id)) return;
          kill(`reading the content folder took longer than ${deadline / 1000} s, so it was stopped`);
        }, deadline);
        pending.set(id, { resolve, timer });
        agent.send({ type: 'load', id, ...(folder === undefined ? {} : { folder }) });
        // An agent that ended before it could be asked owes nothing: answer at once.
        if (child !== agent && pending.delete(id)) {
          clock.clearTimeout(timer);
          resolve(failedState('the content reader stopped before it could read the folder'));
        }
      });
    },
    onChanged(listener) {
      changedListeners.add(listener);
      return () => changedListeners.delete(listener);
    },
    close() {
      closed = true;
      clock.clearTimeout(restartTimer);
      const current = child;
      child = undefined;
      current?.kill();
      stopped('the content reader was closed');
    },
  };
}

/** What a load that never finished shows: nothing new, and one problem saying why. */
function failedState(why: string): ContentState {
  return {
    deck: null,
    deckRevision: null,
    standbyTitle: 'Welcome',
    problems: [
      error(
        '.',
        `${why}: if the content folder is on a network share or a USB stick, check that it is connected; otherwise a file in it may be far too big or too complex (run content:check)`,
      ),
    ],
  };
}
