import { describeError, log } from './log';

/**
 * A kiosk nobody is watching must keep showing its slides: an unexpected error in the main
 * process is logged and survived rather than ending the app on a bare desktop.
 */
export function setupProcessErrors(): void {
  process.on('uncaughtException', (error) => log.error('unexpected error', { error: describeError(error) }));
  process.on('unhandledRejection', (reason) =>
    log.error('unexpected rejected promise', { error: describeError(reason) }),
  );
}
