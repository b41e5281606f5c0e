/**
 * What the kiosk records of what it showed and how it was used: no person, no touch position, no
 * text typed (there is none), nothing sent anywhere. Times are epoch milliseconds; slides and
 * notices are named by their file name (`03-muscle-relaxation`), languages by their code.
 *
 * The page notes each event as it happens and sends them to the main process in batches, which
 * appends them to the record on disk (src/node/usage/).
 */

/** How a touch session ended. */
export const SESSION_ENDS = [
  /** Nobody touched the screen for a while (after "Still there?", if it asks). */
  'idle',
  /** The patient pressed Back to start. */
  'back',
  /** Closing time came while the screen was woken outside opening hours, and it went dark. */
  'closed',
  /** An urgent notice took the screen. */
  'notice',
  /** The slides went away (new content with none to show now). */
  'gone',
] as const;
export type SessionEnd = (typeof SESSION_ENDS)[number];

export type UsageEvent =
  /** Proof of play: a slide in the attract loop, or a notice, on screen from `start` for `seconds`. */
  | {
      readonly type: 'shown';
      readonly what: 'slide' | 'notice';
      readonly id: string;
      readonly language: string;
      readonly start: number;
      readonly seconds: number;
    }
  /** A touch session: from the first touch to its end. */
  | { readonly type: 'session'; readonly start: number; readonly seconds: number; readonly ended: SessionEnd }
  /** In a session (named by its start): a slide looked at. */
  | {
      readonly type: 'viewed';
      readonly session: number;
      readonly at: number;
      readonly id: string;
      readonly language: string;
    }
  /** In a session: "Learn more" opened on a slide. */
  | {
      readonly type: 'details';
      readonly session: number;
      readonly at: number;
      readonly id: string;
      readonly language: string;
    }
  /** In a session: the list of all topics opened. */
  | { readonly type: 'topics'; readonly session: number; readonly at: number }
  /** In a session: a language chosen. */
  | { readonly type: 'language'; readonly session: number; readonly at: number; readonly language: string }
  /** In a session: a slide's QR code shown (recorded once the kiosk shows QR codes). */
  | { readonly type: 'qr'; readonly session: number; readonly at: number; readonly id: string }
  /** In a session: a slide read aloud with Listen (recorded once the kiosk reads slides aloud). */
  | { readonly type: 'listen'; readonly session: number; readonly at: number; readonly id: string };

export type UsageEventType = UsageEvent['type'];

/** The most events the page sends at once: two seconds of a patient's taps are far fewer. */
export const MAX_USAGE_BATCH = 200;
/** The longest name of a slide, a notice or a language in a record. */
export const MAX_USAGE_NAME = 200;

/** What the staff panel shows of the record: the last days at a glance. */
export interface UsageSummary {
  /** Oldest first: one entry per day of the kiosk's calendar (`YYYY-MM-DD`), days without use included. */
  readonly days: readonly { readonly date: string; readonly sessions: number }[];
  /** The slides most looked at in touch sessions (viewed, or Learn more opened), most first. */
  readonly topics: readonly { readonly id: string; readonly title: string; readonly count: number }[];
  /** The languages patients read in, by the sessions that used each, most first. */
  readonly languages: readonly { readonly language: string; readonly sessions: number }[];
  /** False when the record is turned off (`records: keep_days: 0`). */
  readonly recording: boolean;
}
