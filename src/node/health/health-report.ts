import { formatProblem, hasErrors, type ContentState } from '../../shared/content';
import { shortSha, type ContentSourceStatus } from '../../shared/content-source';
import type { KioskMode, RecoveryCounts } from '../../shared/ipc';
import { formatDuration } from '../../shared/wall-clock';

/**
 * What a kiosk tells the people who watch it from elsewhere, and whether that is good news. The
 * same figures go out as a heartbeat (heartbeat.ts) and as a Prometheus textfile (prometheus.ts).
 * Nothing about patients: no touches, no slides looked at, only the kiosk's own state.
 */

/**
 * What the screen is doing, as IT needs to know it: open (patients may use it), closed, staff,
 * or an urgent notice filling the screen.
 */
export type HealthMode = 'starting' | 'open' | 'closed' | 'staff' | 'notice';

export function healthMode(mode: KioskMode | undefined): HealthMode {
  switch (mode) {
    case undefined:
      return 'starting';
    case 'closed':
      return 'closed';
    case 'staff':
      return 'staff';
    case 'notice':
      return 'notice';
    case 'attract':
    case 'touch':
    case 'warning':
      return 'open';
  }
}

/** A content revision older than the repository's for longer than this is a failure to report. */
export const BEHIND_LIMIT_MS = 60 * 60_000;
/** At most this many problems are told in full; the counts say the rest. */
const PROBLEMS_TOLD = 5;

export interface HealthInputs {
  readonly name: string;
  readonly version: string;
  readonly now: number;
  readonly startedAt: number;
  readonly content: ContentState;
  readonly source?: ContentSourceStatus;
  readonly mode: KioskMode | undefined;
  readonly recovery: RecoveryCounts;
}

export interface HealthReport {
  /** `down` sends the failure signal: see {@link healthReport} for when. */
  readonly status: 'up' | 'down';
  /** Why it is down, in plain words; empty when up. */
  readonly reasons: readonly string[];
  readonly name: string;
  readonly version: string;
  readonly time: number;
  readonly mode: HealthMode;
  /** The standby screen shows: there is no content to show. */
  readonly standby: boolean;
  readonly slides: number;
  /** The repository revision on screen; null for a content folder (or before the first revision). */
  readonly revision: { readonly sha: string; readonly subject: string; readonly committedAt: number } | null;
  /** The repository's newest revision, as the kiosk last heard. */
  readonly newestRevision: { readonly sha: string; readonly committedAt: number } | null;
  /** When the repository last answered the kiosk. */
  readonly lastUpdateAt: number | null;
  /** When the kiosk last knew it showed the repository's newest revision. */
  readonly currentAt: number | null;
  readonly problems: {
    readonly errors: number;
    readonly warnings: number;
    readonly first: readonly string[];
  };
  readonly uptimeSeconds: number;
  readonly startedAt: number;
  readonly recovery: RecoveryCounts & { readonly pageFailures: number };
}

/**
 * The report, and its verdict. Down means someone should look:
 * - the standby screen shows (there is no content to show), or
 * - the screen shows content with errors (there never was good content to fall back on), or
 * - for a repository, the kiosk has not known itself to show the newest revision for over an hour
 *   (it cannot reach the repository, or the newest revision was refused or taken off the screen).
 * Closed outside opening hours, or a staff panel open, is up: that is the kiosk working.
 */
export function healthReport(inputs: HealthInputs): HealthReport {
  const { content, source, now } = inputs;
  const reasons: string[] = [];
  const standby = content.deck === null;
  if (standby) reasons.push('the standby screen is showing: there is no content to show');
  else if (hasErrors(content.problems) && content.fromLastGood !== true) {
    reasons.push('the screen shows content with errors: there is no earlier good content to show instead');
  }
  const currentAt = source?.currentAt ?? null;
  if (source !== undefined) {
    // A kiosk just started gets the same hour to reach its repository as one that is running.
    const knownCurrent = Math.max(currentAt ?? inputs.startedAt, inputs.startedAt);
    if (now - knownCurrent > BEHIND_LIMIT_MS) reasons.push(behind(source, knownCurrent));
  }
  const errors = content.problems.filter((problem) => problem.severity === 'error').length;
  const pageFailures = Object.values(inputs.recovery.failures).reduce((sum, count) => sum + count, 0);
  return {
    status: reasons.length === 0 ? 'up' : 'down',
    reasons,
    name: inputs.name,
    version: inputs.version,
    time: now,
    mode: healthMode(inputs.mode),
    standby,
    slides: content.deck?.slides.length ?? 0,
    revision: revisionOf(source?.shown),
    newestRevision:
      source === undefined || source.newest === null
        ? null
        : { sha: source.newest.sha, committedAt: source.newest.committedAt },
    lastUpdateAt: source?.lastSuccessAt ?? null,
    currentAt,
    problems: {
      errors,
      warnings: content.problems.length - errors,
      first: content.problems.slice(0, PROBLEMS_TOLD).map(formatProblem),
    },
    uptimeSeconds: Math.max(0, Math.floor((now - inputs.startedAt) / 1000)),
    startedAt: inputs.startedAt,
    recovery: { ...inputs.recovery, pageFailures },
  };
}

function revisionOf(shown: ContentSourceStatus['shown'] | undefined): HealthReport['revision'] {
  if (shown === undefined || shown === null) return null;
  return { sha: shown.sha, subject: shown.subject, committedAt: shown.committedAt };
}

function behind(source: ContentSourceStatus, since: number): string {
  const hours = `since ${new Date(since).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  if (source.refused !== null) {
    return `the content is not the repository's newest ${hours}: revision ${shortSha(source.refused.revision.sha)} ${source.refused.withdrawn ? 'was taken off the screen' : 'was refused'} (${source.refused.reason})`;
  }
  if (source.failing !== null)
    return `the content is not known to be the repository's newest ${hours}: ${source.failing.message}`;
  return `the content is not the repository's newest ${hours}`;
}

/** `north-waiting-room 1.2.0: up, open, revision 1a2b3c4 (2026-03-02 10:15 UTC), 6 slides, 0 errors, up 3 d 4 h, 0 page failures`. */
export function summaryLine(report: HealthReport): string {
  const parts = [
    `${report.name} ${report.version}: ${report.status}`,
    report.standby ? 'standby screen' : report.mode,
    report.revision === null
      ? undefined
      : `revision ${shortSha(report.revision.sha)} (${utc(report.revision.committedAt)})`,
    `${report.slides} slides`,
    `${report.problems.errors} errors`,
    `running ${formatDuration(report.uptimeSeconds)}`,
    `${report.recovery.pageFailures} page failures`,
  ].filter((part) => part !== undefined);
  const line = parts.join(', ');
  return report.reasons.length === 0 ? line : `${line}; ${report.reasons.join('; ')}`;
}

/** Every figure, one `name: value` line each, then the first problems: the body of a heartbeat. */
export function reportText(report: HealthReport): string {
  const lines = [
    `status: ${report.status}`,
    ...report.reasons.map((reason) => `reason: ${reason}`),
    `kiosk: ${report.name}`,
    `version: ${report.version}`,
    `mode: ${report.standby ? 'standby' : report.mode}`,
    `slides: ${report.slides}`,
    `revision: ${report.revision === null ? '-' : `${report.revision.sha} ${utc(report.revision.committedAt)} "${report.revision.subject}"`}`,
    `newest revision: ${report.newestRevision === null ? '-' : `${report.newestRevision.sha} ${utc(report.newestRevision.committedAt)}`}`,
    `last update: ${report.lastUpdateAt === null ? '-' : utc(report.lastUpdateAt)}`,
    `content problems: ${report.problems.errors} errors, ${report.problems.warnings} warnings`,
    ...report.problems.first.map((problem) => `  ${problem}`),
    `running since: ${utc(report.startedAt)} (${formatDuration(report.uptimeSeconds)})`,
    `page failures: ${report.recovery.pageFailures} ${JSON.stringify(report.recovery.failures)}`,
    `recoveries: ${report.recovery.reloads} reloads, ${report.recovery.windowRecreations} new windows, ${report.recovery.crashLoops} crash loops, ${report.recovery.watchdogReloads} watchdog reloads, ${report.recovery.gpuCrashes} graphics crashes`,
  ];
  return `${lines.join('\n')}\n`;
}

function utc(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
