import { runContentAgent, type AgentReply, type AgentRequest } from './agent';

/**
 * The content agent's entry point (built to out/main/content-agent.js). Electron starts it as a
 * utility process, which talks through `process.parentPort`; plain Node (the preview,
 * `content:check`) forks it, and it talks through `process.send`.
 */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const parentPort = (process as { parentPort?: ParentPort }).parentPort;

if (parentPort !== undefined) {
  runContentAgent({
    post: (message: AgentReply) => parentPort.postMessage(message),
    onMessage: (listener) => parentPort.on('message', (event) => listener(event.data as AgentRequest)),
  });
} else if (process.send !== undefined) {
  runContentAgent({
    post: (message: AgentReply) => process.send?.(message),
    onMessage: (listener) => process.on('message', (message) => listener(message as AgentRequest)),
  });
  // The host went away: nobody is left to read for.
  process.on('disconnect', () => process.exit(0));
} else {
  console.error('The content agent is started by the kiosk, the preview or content:check, not by hand.');
  process.exitCode = 2;
}
