/**
 * Where the content comes from when it is a repository, as the staff panel and the health report
 * show it. Plain types; src/node/source keeps them. Times are epoch milliseconds.
 */

/** One revision (commit) of the content repository. */
export interface RevisionSummary {
  readonly sha: string;
  /** The first line of its commit message. */
  readonly subject: string;
  readonly author: string;
  readonly committedAt: number;
}

export interface ContentSourceStatus {
  /** The repository's address, without any secret. */
  readonly repository: string;
  readonly branch: string;
  /** The folder of the repository shown; '' for its top. */
  readonly path: string;
  /** Only revisions signed by an allowed key are shown. */
  readonly signedOnly: boolean;
  /**
   * The revision on screen, when it was put there, and how: by an update, or back again after
   * the revision after it was taken off the screen. Null before the first one.
   */
  readonly shown:
    (RevisionSummary & { readonly shownAt: number; readonly shownBy: 'update' | 'rollback' }) | null;
  /** The branch's newest revision, as the repository last said. */
  readonly newest: RevisionSummary | null;
  /** When the kiosk last asked the repository, and when it last had an answer. */
  readonly lastCheckAt: number | null;
  readonly lastSuccessAt: number | null;
  /** The last time the kiosk knew it showed the branch's newest revision. */
  readonly currentAt: number | null;
  /** Set while the repository cannot be reached (or a revision cannot be checked out). */
  readonly failing: {
    readonly since: number;
    readonly message: string;
    readonly nextTryAt: number | null;
  } | null;
  /** The newest revision, when it is not shown: it has errors, is not signed, or the screen failed on it. */
  readonly refused: {
    readonly revision: RevisionSummary;
    readonly reason: string;
    /** True when the kiosk took it off the screen after the screen failed on it. */
    readonly withdrawn: boolean;
  } | null;
  readonly updating: boolean;
}

/** The first characters of a revision's name, as hosting services show it. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
