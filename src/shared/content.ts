/**
 * What the page is given: the content folder, parsed, validated and ready to show. Plain types,
 * so the page never bundles the loader's parser or schemas; `src/node/content/model.ts` checks
 * the stored copy against schemas that are tied to these types.
 */

import type { UiWordOverrides } from './ui-words';

export type ProblemSeverity = 'error' | 'warning';

export interface ContentProblem {
  readonly severity: ProblemSeverity;
  /** Path relative to the content folder, with forward slashes, e.g. `slides/03-muscles.md`. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export interface Slide {
  /** The slide's file name without `.md`, e.g. `01-natural-pain-relief`; the same in every language. */
  readonly id: string;
  /** The language the text is written in: the default language where a translation is missing. */
  readonly language: string;
  readonly title: string;
  readonly summary: string;
  /** URL of the picture relative to the app's page (`content/images/x.svg`), if the slide has one. */
  readonly image?: string;
  /** How long the slide stays up in the attract loop, with the deck's default already applied. */
  readonly seconds: number;
  /** The "Learn more" text, rendered from Markdown to inert HTML (no raw HTML, no live links). */
  readonly bodyHtml: string;
  /** When the slide is shown (its `show:`); left out, always. A translation has its slide's. */
  readonly show?: ShowTimes;
  /** `link:`, exactly as staff wrote it (an https address): shown as a QR code, never opened. */
  readonly link?: string;
  /** `link_text:` of this language's file, written beside the QR code. */
  readonly linkText?: string;
  /**
   * URL of this language's recording of the slide (`audio:`), relative to the page as a picture's:
   * played by Listen in place of the computer's voice.
   */
  readonly audio?: string;
}

/**
 * `show:` on a slide: when it is in the loop and the topic list, on the kiosk's wall clock. Every
 * part left out places no limit.
 */
export interface ShowTimes {
  /** The weekdays it is shown. */
  readonly days?: readonly Weekday[];
  /** The times of day it is shown, as opening hours are written. */
  readonly hours?: readonly OpeningInterval[];
  /** The first day it is shown, `YYYY-MM-DD`. */
  readonly from?: string;
  /** The last day it is shown, `YYYY-MM-DD`, included. */
  readonly until?: string;
}

/** The deck in one language: every slide is there, in the same order, whatever was translated. */
export interface LocalizedDeck {
  /** BCP 47 code: the page's `lang` while this language shows. */
  readonly language: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly disclaimer?: string;
  readonly slides: readonly Slide[];
}

/** `accessibility:` in kiosk.yaml: help for patients who cannot read the screen well. */
export interface AccessSettings {
  /** Listen is offered in touch mode; false on a kiosk with nothing to play sound through. */
  readonly listen: boolean;
  /** Listen's volume in per cent of the computer's: where each patient starts, and the range they may set. */
  readonly volume: { readonly start: number; readonly lowest: number; readonly highest: number };
  /** The loop invites patients to have the screen read aloud, and the touch that answers it starts Listen. */
  readonly inviteToListen: boolean;
  /** `motion: reduced`: slides change without moving for everyone, as for those who ask the computer. */
  readonly reducedMotion: boolean;
}

/** What a kiosk.yaml without `accessibility:` gives. */
export const DEFAULT_ACCESS: AccessSettings = {
  listen: true,
  volume: { start: 80, lowest: 40, highest: 100 },
  inviteToListen: false,
  reducedMotion: false,
};

/** The deck itself is the default language's; the other languages follow in `translations`. */
export interface Deck extends LocalizedDeck {
  /** The staff's own words for the buttons and messages (ui/<language>.yaml), by language code. */
  readonly uiWords?: Readonly<Record<string, UiWordOverrides>>;
  readonly idleSeconds: number;
  /** 0 means no "Still there?" warning: the kiosk returns to the loop straight away. */
  readonly warningSeconds: number;
  /** `attract.languages: rotate`: the loop shows each slide in every language in turn. */
  readonly rotateLanguages: boolean;
  /** `attract.qr_code: show`: a slide's QR code shows in the loop too, not only once touched. */
  readonly qrCodeInLoop?: boolean;
  /** `accessibility:`; left out, {@link DEFAULT_ACCESS}. */
  readonly access?: AccessSettings;
  /** The other languages of `languages:`, in that order, with missing translations already filled in. */
  readonly translations: readonly LocalizedDeck[];
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Minutes since the wall clock's midnight: `start` included, `end` excluded (at most 1440). */
export interface OpeningInterval {
  readonly start: number;
  readonly end: number;
}

/** `schedule:` in kiosk.yaml: wall-clock hours for each weekday (none: closed that day). */
export interface WeeklyHours {
  readonly week: Readonly<Record<Weekday, readonly OpeningInterval[]>>;
  /** How long a touch on the closed screen shows the slides again. */
  readonly wakeSeconds: number;
}

/** A moment on the kiosk's wall clock: a date (`YYYY-MM-DD`) and minutes since its midnight (0 to 1440). */
export interface WallTime {
  readonly date: string;
  readonly minute: number;
}

export const NOTICE_LEVELS = ['urgent', 'info'] as const;
/** `urgent` replaces the loop and touch mode; `info` is a band on every screen. */
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];

/** A notice in one language. */
export interface NoticeText {
  readonly language: string;
  readonly title: string;
  /** The notice's text, rendered from Markdown to inert HTML, as a slide's longer text is. */
  readonly bodyHtml: string;
}

/** A file in `notices/`: shown from `from` until `until` (either left out: no limit that way). */
export interface Notice {
  /** The file name without `.md`, e.g. `snow`. */
  readonly id: string;
  readonly level: NoticeLevel;
  readonly from?: WallTime;
  /** The first moment it is no longer shown. */
  readonly until?: WallTime;
  /** `when_closed: show`: an urgent notice is shown outside opening hours too. */
  readonly whenClosed: boolean;
  /** The default language first, then each other configured language that has a translation. */
  readonly texts: readonly NoticeText[];
}

/**
 * The clinic's own look, from `brand:` in kiosk.yaml, with every colour already checked for
 * contrast. The page applies it as it is.
 */
export interface Brand {
  /** Values for the custom properties of the page's palette (`--accent`: `#1f6f6b`...). */
  readonly palette?: Readonly<Record<string, string>>;
  /** URL of the logo picture, relative to the page, as a slide's picture. */
  readonly logo?: string;
  /** URL of a WOFF2 font for Latin text, relative to the page. */
  readonly font?: string;
}

/**
 * What the kiosk shows. `deck` is null only when no content could be loaded at all, in which
 * case the page shows a calm standby screen titled `standbyTitle`.
 */
export interface ContentState {
  readonly deck: Deck | null;
  /** Names the deck's exact contents (null without a deck): equal revisions, equal slides. */
  readonly deckRevision: string | null;
  readonly standbyTitle: string;
  /** The language of the standby screen: the default language, when it could be read. */
  readonly standbyLanguage?: string;
  /** What is wrong with the content folder as it is now on disk, whatever is being shown. */
  readonly problems: readonly ContentProblem[];
  /** True when the folder has errors and `deck` is the last good content, kept from before. */
  readonly fromLastGood?: boolean;
  /** Opening hours; left out, the kiosk is always open. They come with the deck they were read with. */
  readonly openingHours?: WeeklyHours;
  /** `timezone:` in kiosk.yaml, if it names one; otherwise the computer's own time zone applies. */
  readonly timeZone?: string;
  /** The files in `notices/`, current or not: the page shows those current at each moment. */
  readonly notices?: readonly Notice[];
  readonly brand?: Brand;
  /** How many days the kiosk keeps its record of what it showed and how it was used; 0: it keeps none. */
  readonly recordDays?: number;
  /** The staff's own words, for the standby screen when there is no deck (a deck carries its own). */
  readonly uiWords?: Readonly<Record<string, UiWordOverrides>>;
}

/** `slides/03-muscles.md:2:8 title is missing: ...`: the form used in the log, the preview and `content:check`. */
export function formatProblem(problem: ContentProblem): string {
  const where = [problem.file, problem.line, problem.line === undefined ? undefined : problem.column]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where} ${problem.message}`;
}

export function hasErrors(problems: readonly ContentProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
