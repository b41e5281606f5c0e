import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { AgentReply } from './agent';
import type { AgentChild, SpawnAgent } from './agent-host';

/** The agent's built entry point, beside the preview and the CLIs in out/main. */
export const AGENT_ENTRY = 'content-agent.js';

/**
 * A hostile folder can make the agent use memory: it gets this much heap, and is stopped (and
 * replaced) beyond it, never taking the rest of the computer with it.
 */
export const AGENT_HEAP_MB = 256;

/** The agent as a forked Node.js process: for the preview and `content:check`. */
export function forkAgent(folder: string): SpawnAgent {
  return () => {
    const child = fork(join(folder, AGENT_ENTRY), [], {
      execArgv: [`--max-old-space-size=${AGENT_HEAP_MB}`],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const agent: AgentChild = {
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => {
        child.on('message', (message) => listener(message as AgentReply));
      },
      onExit: (listener) => {
        let told = false;
        const tell = (why: string) => {
          if (told) return;
          told = true;
          listener(why);
        };
        child.once('exit', (code, signal) => tell(signal ?? `exit code ${String(code)}`));
        // A process that could not even start ends with an error instead.
        child.once('error', (error) => tell(error.message));
      },
      kill: () => {
        child.kill('SIGKILL');
      },
    };
    return agent;
  };
}
