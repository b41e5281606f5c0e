import { shortSha, type ContentSourceStatus, type RevisionSummary } from '../../../shared/content-source';

/**
 * The staff panel's words about the content repository (in English, as the rest of the staff
 * panel). Times are the kiosk's own clock, day and time, as staff read a wall clock.
 */
export const sourceText = {
  repository: 'Content repository',
  shown: 'Revision shown',
  lastUpdate: 'Last update',
  notShown: 'Not shown',
  updateNow: 'Update now',
  noRevision: 'None yet: the kiosk shows the last content it kept, or its standby screen.',
  never: 'Not yet.',
  updating: 'Updating…',
} as const;

export function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** What follows the repository's address: `, branch main, folder sites/north (signed revisions only)`. */
export function describeRepository(source: ContentSourceStatus): string {
  const folder = source.path === '' ? '' : `, folder ${source.path}`;
  const signed = source.signedOnly ? ' (signed revisions only)' : '';
  return `, branch ${source.branch}${folder}${signed}`;
}

export function describeRevision(revision: RevisionSummary): string {
  return `${shortSha(revision.sha)} “${revision.subject}” by ${revision.author}, ${formatTime(revision.committedAt)}`;
}

export function describeShown(source: ContentSourceStatus): string {
  if (source.shown === null) return sourceText.noRevision;
  const since = `on screen since ${formatTime(source.shown.shownAt)}`;
  const back =
    source.shown.shownBy === 'rollback' ? ', shown again after the next one was taken off the screen' : '';
  return `${describeRevision(source.shown)}; ${since}${back}.`;
}

export function describeLastUpdate(source: ContentSourceStatus): string {
  if (source.updating) return sourceText.updating;
  if (source.failing !== null) {
    const next =
      source.failing.nextTryAt === null ? '' : ` It tries again at ${formatTime(source.failing.nextTryAt)}.`;
    return `Could not update since ${formatTime(source.failing.since)}: ${source.failing.message}.${next}`;
  }
  if (source.lastSuccessAt === null) return sourceText.never;
  const current = source.newest !== null && source.shown?.sha === source.newest.sha;
  return `${formatTime(source.lastSuccessAt)}: ${current ? 'up to date' : 'the newest revision is not shown (see below)'}.`;
}

export function describeRefused(refused: NonNullable<ContentSourceStatus['refused']>): string {
  const why = refused.withdrawn
    ? `was taken off the screen: ${refused.reason}`
    : `is not shown: it ${refused.reason}`;
  return `${describeRevision(refused.revision)} ${why}. Fix it in the repository with a new commit, or revert it.`;
}
