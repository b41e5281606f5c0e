import type { ContentLog } from '../node/content/live';

/** Content news for the person who started the preview, in their terminal, each line timed. */
export const terminalLog: ContentLog = {
  info: (message) => console.log(`${time()} ${message}`),
  warn: (message) => console.warn(`${time()} ${message}`),
  error: (message) => console.error(`${time()} ${message}`),
};

function time(): string {
  return new Date().toLocaleTimeString('en-GB');
}
