/** What the renderer is given: the content folder, parsed, validated and ready to show. */

export interface Slide {
  /** The slide's file name without `.md`, e.g. `01-natural-pain-relief`; stable across reloads. */
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** URL of the picture relative to the app's page (`content/images/x.svg`), if the slide has one. */
  readonly image?: string;
  /** How long the slide stays up in the attract loop, with the deck's default already applied. */
  readonly seconds: number;
  /** The "Learn more" text, rendered from Markdown to inert HTML (no raw HTML, no live links). */
  readonly bodyHtml: string;
}

export interface Deck {
  readonly title: string;
  readonly subtitle?: string;
  readonly disclaimer?: string;
  /** BCP 47 code of the content's language; the page's `lang`. */
  readonly language: string;
  readonly idleSeconds: number;
  /** 0 means no "Still there?" warning: the kiosk returns to the loop straight away. */
  readonly warningSeconds: number;
  readonly slides: readonly Slide[];
}

export type ProblemSeverity = 'error' | 'warning';

/** One thing wrong with the content folder, told so that a non-programmer can fix it. */
export interface ContentProblem {
  readonly severity: ProblemSeverity;
  /** Path relative to the content folder, with forward slashes, e.g. `slides/03-muscles.md`. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/**
 * What the kiosk shows. `deck` is null only when no content could be loaded at all, in which
 * case the renderer shows a calm standby screen titled `standbyTitle`.
 */
export interface ContentState {
  readonly deck: Deck | null;
  readonly standbyTitle: string;
  readonly problems: readonly ContentProblem[];
}

export function formatProblem(problem: ContentProblem): string {
  const where = [problem.file, problem.line, problem.line === undefined ? undefined : problem.column]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where} ${problem.message}`;
}
