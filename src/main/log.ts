/**
 * The main process's only logger. Everything goes through this small facade so that a rotating
 * log file can back it later without touching callers. Messages describe what the kiosk did,
 * never who was using it: no personal data is ever logged.
 */
export type LogDetails = Readonly<Record<string, string | number | boolean | null | undefined>>;

type Level = 'info' | 'warn' | 'error';

function write(level: Level, message: string, details?: LogDetails): void {
  const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}`;
  const rest = details === undefined ? [] : [JSON.stringify(details)];
  // Each level keeps its own console stream so that stderr carries warnings and errors only.
  if (level === 'info') console.log(line, ...rest);
  else if (level === 'warn') console.warn(line, ...rest);
  else console.error(line, ...rest);
}

export const log = {
  info: (message: string, details?: LogDetails): void => write('info', message, details),
  warn: (message: string, details?: LogDetails): void => write('warn', message, details),
  error: (message: string, details?: LogDetails): void => write('error', message, details),
};

/** Turns anything thrown into one readable line, so every caller reports errors the same way. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const text = `${error.name}: ${error.message}`;
    return typeof code === 'string' && !error.message.includes(code) ? `${text} (${code})` : text;
  }
  if (typeof error === 'string') return error;
  try {
    // Typed as string, but undefined for undefined, functions and symbols.
    const json = JSON.stringify(error) as string | undefined;
    return json ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * A kiosk runs for months: a page retrying the same forbidden thing must not flood the log.
 * Returns true the first time a key is seen. Bounded, so a stream of distinct keys cannot grow
 * memory without limit; past the bound, the oldest keys are forgotten and may be logged again.
 */
export function createOnceFilter(limit = 500): (key: string) => boolean {
  const seen = new Set<string>();
  return (key) => {
    if (seen.has(key)) return false;
    seen.add(key);
    if (seen.size > limit) {
      const oldest = seen.values().next();
      if (!oldest.done) seen.delete(oldest.value);
    }
    return true;
  };
}
