import type { AgentReply, AgentRequest } from '../../src/node/content/agent';
import { runContentAgent } from '../../src/node/content/agent';
import type { AgentChild, SpawnAgent } from '../../src/node/content/agent-host';
import type { ContentFileSystem } from '../../src/node/content/file-system';

/**
 * The real content agent, run in the test's own process instead of a child process: the same
 * loader on the same files, with messages passed as they would be (one event-loop turn later).
 * `changed()` plays the agent's watcher reporting a saved file. Tests of the agent as a process
 * of its own are in tests/integration.
 */
export function inProcessAgent(fs?: ContentFileSystem): {
  spawn: SpawnAgent;
  changed(): void;
  started(): number;
} {
  const hosts = new Set<(message: AgentReply) => void>();
  let starts = 0;
  const spawn: SpawnAgent = () => {
    starts += 1;
    const toHost = new Set<(message: AgentReply) => void>();
    let toAgent: ((message: AgentRequest) => void) | undefined;
    let alive = true;
    runContentAgent(
      {
        post: (message) => {
          setImmediate(() => {
            if (alive) for (const listener of toHost) listener(message);
          });
        },
        onMessage: (listener) => {
          toAgent = listener;
        },
      },
      ...(fs === undefined ? [] : [fs]),
    );
    const child: AgentChild = {
      send: (message) => {
        // The watcher is the test's to play: the agent is told to read, never to watch.
        const sent = message.type === 'start' ? { ...message, watch: 'off' as const } : message;
        setImmediate(() => {
          if (alive) toAgent?.(sent);
        });
      },
      onMessage: (listener) => {
        toHost.add(listener);
        hosts.add(listener);
      },
      onExit: () => undefined,
      kill: () => {
        alive = false;
      },
    };
    return child;
  };
  return {
    spawn,
    changed: () => {
      for (const listener of hosts) listener({ type: 'changed' });
    },
    started: () => starts,
  };
}
