import { createEventWindow } from '../shared/event-window';
import { PAGE_ERROR_LIMITS, type PageErrorReport } from '../shared/ipc';

/** At most this many of the page's errors a minute are written to the log. */
export const PAGE_ERRORS_PER_MINUTE = 20;

/** A report from the page, checked: two short strings and nothing else, or undefined. */
export function parsePageErrorReport(value: unknown): PageErrorReport | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 2 || !keys.includes('where') || !keys.includes('message')) return undefined;
  const { where, message } = value as Record<string, unknown>;
  if (typeof where !== 'string' || typeof message !== 'string') return undefined;
  if (where.length > PAGE_ERROR_LIMITS.where || message.length > PAGE_ERROR_LIMITS.message) return undefined;
  return { where, message };
}

export interface PageErrorLog {
  error(message: string, details: { where: string; message: string }): void;
  warn(message: string): void;
}

/**
 * Writes the page's error reports to a log, a bounded number a minute: a page stuck in a loop of
 * errors must not rotate the kiosk's log away. Says once a minute that some were left out.
 */
export function createPageErrorLogger(log: PageErrorLog, now: () => number) {
  const recent = createEventWindow(60_000);
  return (report: PageErrorReport): void => {
    const count = recent.record(now());
    if (count === PAGE_ERRORS_PER_MINUTE + 1)
      log.warn('the page reports more errors than the log takes: the rest of this minute are left out');
    if (count > PAGE_ERRORS_PER_MINUTE) return;
    log.error('the page reported an error', { where: report.where, message: report.message });
  };
}
