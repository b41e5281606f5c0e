import { renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import electronLog from 'electron-log/node';
import { errnoCode } from '../node/errno';
import { systemClock, type Clock, type TimerHandle } from '../shared/clock';
import { createEventWindow, type EventWindow } from '../shared/event-window';

/**
 * The main process's only logger: one line per event, with its time and level, to the console
 * (which systemd's journal keeps) and, once `setupLog` has named a folder, to a rotating file that
 * staff can find from the staff panel. Messages describe what the kiosk did, never who was using
 * it: no personal data is ever logged. A message repeated many times a minute is written a few
 * times, then counted.
 *
 * electron-log's Node build does the file work (size check, rotation hook, synchronous appends, so
 * nothing is lost when the app exits straight after logging); it never needs Electron itself, so
 * the command-line tools can share this module.
 */
export type LogDetails = Readonly<Record<string, string | number | boolean | null | undefined>>;

type Level = 'info' | 'warn' | 'error';

export const LOG_FILE_NAME = 'kiosk.log';
/** About a month of a healthy kiosk's lines per file, and never more than a few megabytes in all. */
export const LOG_MAX_BYTES = 1024 * 1024;
/** The current file plus this many older ones. */
export const LOG_OLD_FILES = 3;

const fileLogger = electronLog.create({ logId: 'clinic-kiosk' });
// Only the file transport is used, and only once setupLog names the file; some transports exist
// only inside Electron, hence the check.
for (const transport of Object.values(fileLogger.transports)) {
  if (transport) transport.level = false;
}
let logFile: string | undefined;

/**
 * Control characters (C0 and C1: CR, LF, NEL, escape sequences...) and the Unicode line and
 * paragraph separators. Messages carry text from the content folder (a slide's title in a
 * problem): any of these in it could end the line and start a forged one, in the file or in the
 * journal, or rewrite the terminal showing it.
 */
const LINE_BREAKERS = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;

/** The text with each run of control characters and line separators made one space. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKERS, ' ');
}

function oneLineDetails(details: LogDetails): LogDetails {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [
      oneLine(key),
      typeof value === 'string' ? oneLine(value) : value,
    ]),
  );
}

/**
 * `2025-01-31T09:00:00.000Z WARN message {"detail":1}`: one line, whatever the message and the
 * details held. The console and the file get this same line.
 */
export function formatLogLine(
  level: Level,
  message: string,
  details: LogDetails | undefined,
  date: Date,
): string {
  const line = `${date.toISOString()} ${level.toUpperCase()} ${oneLine(message)}`;
  return details === undefined ? line : `${line} ${JSON.stringify(oneLineDetails(details))}`;
}

/** The same message (whatever its details) reaches the log at most this many times a minute. */
export const LOG_REPEATS_PER_MINUTE = 20;
const MINUTE_MS = 60_000;

/** True when a line with this key may be logged now; `leftOut` hears later how many were not. */
export type RepeatFilter = (key: string, leftOut: (count: number) => void) => boolean;

/**
 * Lets a key through `limit` times within a sliding `windowMs`. The calls beyond are counted, and
 * `leftOut` hears their number once, `windowMs` after the first of them: a storm costs one line a
 * minute however long it lasts, and its last count comes at most a minute after it ends. Bounded
 * like the once filter: past `maxKeys` keys, the one used least recently is forgotten, its count
 * reported first.
 */
export function createRepeatFilter(
  clock: Clock,
  limit = LOG_REPEATS_PER_MINUTE,
  windowMs = MINUTE_MS,
  maxKeys = 500,
): RepeatFilter {
  interface Repeats {
    /** Only the calls let through: never more than `limit` times kept. */
    readonly passed: EventWindow;
    leftOut: number;
    report: (count: number) => void;
    timer: TimerHandle | undefined;
  }
  const keys = new Map<string, Repeats>();

  function report(repeats: Repeats): void {
    clock.clearTimeout(repeats.timer);
    repeats.timer = undefined;
    const count = repeats.leftOut;
    repeats.leftOut = 0;
    if (count > 0) repeats.report(count);
  }

  return (key, leftOut) => {
    const repeats = keys.get(key) ?? {
      passed: createEventWindow(windowMs),
      leftOut: 0,
      report: leftOut,
      timer: undefined,
    };
    // Re-inserted on every use, so the first key in the map is the one used least recently.
    keys.delete(key);
    keys.set(key, repeats);
    const oldest = keys.entries().next();
    if (keys.size > maxKeys && !oldest.done) {
      keys.delete(oldest.value[0]);
      report(oldest.value[1]);
    }
    const time = clock.now();
    if (repeats.passed.count(time) < limit) {
      repeats.passed.record(time);
      return true;
    }
    repeats.leftOut += 1;
    repeats.report = leftOut;
    repeats.timer ??= clock.setTimeout(() => {
      report(repeats);
    }, windowMs);
    return false;
  };
}

/**
 * A kiosk runs for months: the same error many times a second would rotate every earlier line out
 * of the log within minutes, so repeats are limited here, in the one logger, for every caller.
 */
const repeats = createRepeatFilter(systemClock);

function write(level: Level, message: string, details?: LogDetails): void {
  const text = oneLine(message);
  const first = repeats(`${level} ${text}`, (count) =>
    emit(level, `left out of the log: ${count} more of "${text}" within the last minute`),
  );
  if (first) emit(level, text, details);
}

function emit(level: Level, message: string, details?: LogDetails): void {
  const line = formatLogLine(level, message, details, new Date());
  // Each level keeps its own console stream so that stderr carries warnings and errors only.
  if (level === 'info') console.log(line);
  else if (level === 'warn') console.warn(line);
  else console.error(line);
  if (logFile !== undefined) fileLogger[level](line);
}

export const log = {
  info: (message: string, details?: LogDetails): void => write('info', message, details),
  warn: (message: string, details?: LogDetails): void => write('warn', message, details),
  error: (message: string, details?: LogDetails): void => write('error', message, details),
};

export interface LogFileOptions {
  readonly maxBytes?: number;
  readonly oldFiles?: number;
  /** `kiosk.log` unless given: the preview window keeps a log of its own, in a folder of its own. */
  readonly fileName?: string;
}

/** Starts writing the log file in `dir` (created if needed); returns its path. */
export function setupLog(dir: string, options: LogFileOptions = {}): string {
  const path = join(dir, options.fileName ?? LOG_FILE_NAME);
  const oldFiles = options.oldFiles ?? LOG_OLD_FILES;
  const file = fileLogger.transports.file;
  file.resolvePathFn = () => path;
  file.format = '{text}';
  file.maxSize = options.maxBytes ?? LOG_MAX_BYTES;
  file.archiveLogFn = (current) => rotateLogFiles(current.path, oldFiles);
  file.level = 'info';
  logFile = path;
  return path;
}

/** Back to the console only (tests use it to leave no file behind). */
export function stopLogFile(): void {
  fileLogger.transports.file.level = false;
  logFile = undefined;
}

/** Where the log file is, once `setupLog` has run. */
export function logFilePath(): string | undefined {
  return logFile;
}

/** kiosk.log → kiosk.1.log → kiosk.2.log ...; the oldest beyond `oldFiles` is deleted. */
export function rotateLogFiles(path: string, oldFiles: number): void {
  const { dir, name, ext } = parse(path);
  const numbered = (n: number) => join(dir, `${name}.${n}${ext}`);
  rmSync(numbered(oldFiles), { force: true });
  for (let n = oldFiles - 1; n >= 1; n -= 1) {
    try {
      renameSync(numbered(n), numbered(n + 1));
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error;
    }
  }
  renameSync(path, numbered(1));
}

export { describeError } from '../shared/describe-error';

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
