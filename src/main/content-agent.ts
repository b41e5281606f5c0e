import { join } from 'node:path';
import { utilityProcess } from 'electron';
import type { AgentReply } from '../node/content/agent';
import { AGENT_ENTRY, AGENT_HEAP_MB } from '../node/content/agent-fork';
import type { SpawnAgent } from '../node/content/agent-host';

/**
 * The content agent as an Electron utility process (a forked Node.js would need the RunAsNode
 * fuse, which the kiosk turns off). It appears in the app's process list as the content reader.
 */
export function utilityProcessAgent(folder: string): SpawnAgent {
  return () => {
    const child = utilityProcess.fork(join(folder, AGENT_ENTRY), [], {
      serviceName: 'Clinic Kiosk content reader',
      execArgv: [`--max-old-space-size=${AGENT_HEAP_MB}`],
      stdio: 'inherit',
    });
    return {
      send: (message) => {
        child.postMessage(message);
      },
      onMessage: (listener) => {
        child.on('message', (message: unknown) => listener(message as AgentReply));
      },
      onExit: (listener) => {
        child.once('exit', (code) => listener(`exit code ${code}`));
      },
      kill: () => {
        child.kill();
      },
    };
  };
}
