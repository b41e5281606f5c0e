import { systemClock, type Clock } from '../../../shared/clock';
import { describeError } from '../../../shared/describe-error';
import { createEventWindow } from '../../../shared/event-window';
import { PAGE_ERROR_LIMITS, type PageErrorReport } from '../../../shared/ipc';

/**
 * The page's one error handler. Everything that goes wrong in the page (a call to the main
 * process that fails, an uncaught error, a rejected promise nobody handled) comes here: it is
 * written to the page's console and sent on to the kiosk's log, at most a few times a minute so
 * that an error repeating in a loop cannot flood it. Nothing of it is ever put on screen: the
 * screen keeps showing what it can.
 */

type Sink = (report: PageErrorReport) => Promise<unknown>;

/** At most this many reports a minute reach the kiosk log; the rest only the page's console. */
export const REPORTS_PER_MINUTE = 10;

let sink: Sink | undefined;
let clock: Pick<Clock, 'now'> = systemClock;
let recent = createEventWindow(60_000);

/** Where reports go: the kiosk's `reportError` (IPC in the app, HTTP in the preview). */
export function sendErrorsTo(send: Sink | undefined, withClock: Pick<Clock, 'now'> = systemClock): void {
  sink = send;
  clock = withClock;
  recent = createEventWindow(60_000);
}

export function reportError(error: unknown, where: string): void {
  console.error(`Clinic Kiosk: ${where}:`, error);
  if (sink === undefined || recent.record(clock.now()) > REPORTS_PER_MINUTE) return;
  const report: PageErrorReport = {
    where: where.slice(0, PAGE_ERROR_LIMITS.where),
    message: describeError(error).slice(0, PAGE_ERROR_LIMITS.message),
  };
  // A report that cannot be delivered has nowhere else to go: the console already has it.
  sink(report).catch(() => undefined);
}

/** Sends the page's uncaught errors and unhandled rejections here too; returns the function that stops it. */
export function catchUncaughtErrors(target: Window): () => void {
  const onError = (event: ErrorEvent) => {
    reportError(event.error ?? event.message, 'an uncaught error in the page');
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    reportError(event.reason, 'a promise rejected in the page with nobody to handle it');
  };
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
