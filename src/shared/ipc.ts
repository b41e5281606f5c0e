import type { ContentProblem, ContentState } from './content';
import type { ContentSourceStatus } from './content-source';
import type { UsageEvent, UsageSummary } from './usage';

/**
 * The one contract between the main process and the renderer. Every channel is named here with
 * the payload it carries; main, preload and the browser preview's HTTP bridge all import it.
 */
export const IpcChannel = {
  /** renderer → main (invoke): the current content. */
  getContent: 'kiosk:get-content',
  /** main → renderer (send): the content changed on disk and was reloaded. */
  contentChanged: 'kiosk:content-changed',
  /** renderer → main (invoke): what the screen is doing, on every change; the watchdog reloads only when it is safe. */
  reportMode: 'kiosk:report-mode',
  /** renderer → main (invoke): whether the kiosk is inside its opening hours now. */
  getSchedule: 'kiosk:get-schedule',
  /** main → renderer (send): the kiosk opened or closed, or its opening hours changed. */
  scheduleChanged: 'kiosk:schedule-changed',
  /** renderer → main (invoke): checks a staff PIN; the right one opens a staff session in main. */
  verifyPin: 'kiosk:verify-pin',
  /** renderer → main (invoke): what the staff panel shows; staff session only. */
  getStaffStatus: 'kiosk:get-staff-status',
  /** renderer → main (invoke): a staff panel button; staff session only. */
  staffAction: 'kiosk:staff-action',
  /** renderer → main (invoke): the staff panel closed, so the staff session ends now. */
  endStaffSession: 'kiosk:end-staff-session',
  /** renderer → main (invoke): something went wrong in the page; main writes it to the kiosk log. */
  reportError: 'kiosk:report-error',
  /** renderer → main (invoke): a batch of what was shown and how it was used, for the record. */
  recordUsage: 'kiosk:record-usage',
  /** renderer → main (invoke): the record at a glance, for the staff panel; staff session only. */
  getUsageSummary: 'kiosk:get-usage-summary',
  /** renderer → main (invoke): read this screen aloud; answers with the audio's address. */
  speak: 'kiosk:speak',
} as const;

export type IpcChannelName = (typeof IpcChannel)[keyof typeof IpcChannel];

export interface IpcInvokeContract {
  [IpcChannel.getContent]: { args: []; response: ContentState };
  [IpcChannel.reportMode]: { args: [mode: KioskMode]; response: undefined };
  [IpcChannel.getSchedule]: { args: []; response: ScheduleState };
  [IpcChannel.verifyPin]: { args: [pin: string]; response: PinCheck };
  [IpcChannel.getStaffStatus]: { args: []; response: StaffStatusReply };
  [IpcChannel.staffAction]: { args: [action: StaffAction]; response: StaffActionReply };
  [IpcChannel.endStaffSession]: { args: []; response: undefined };
  [IpcChannel.reportError]: { args: [report: PageErrorReport]; response: undefined };
  [IpcChannel.recordUsage]: { args: [events: readonly UsageEvent[]]; response: undefined };
  [IpcChannel.getUsageSummary]: { args: []; response: UsageSummaryReply };
  [IpcChannel.speak]: { args: [request: SpeechRequest]; response: SpeechReply };
}

export interface IpcEventContract {
  [IpcChannel.contentChanged]: ContentState;
  [IpcChannel.scheduleChanged]: ScheduleState;
}

/**
 * What the screen is doing. A patient may be using it in `touch` and `warning` ("Still there?"),
 * staff in `staff`; `notice` is an urgent notice in place of everything else (the display stays
 * on for it, closed or not). The watchdog only reloads the page in `attract`, `closed` or `notice`.
 */
export const KIOSK_MODES = ['attract', 'touch', 'warning', 'closed', 'staff', 'notice'] as const;
export type KioskMode = (typeof KIOSK_MODES)[number];

/**
 * One piece of what is on screen, to be read aloud in reading order: a heading, a paragraph, or
 * an item of a list (numbered in a numbered list).
 */
export interface SpeechPart {
  readonly kind: 'heading' | 'paragraph' | 'item';
  readonly text: string;
  readonly number?: number;
}

/** Read this aloud, in this language: what the page shows now. */
export interface SpeechRequest {
  readonly language: string;
  readonly parts: readonly SpeechPart[];
}

/** A screen's worth of text: the Learn more text of a slide is a few thousand characters. */
export const SPEECH_LIMITS = { parts: 200, characters: 20_000 } as const;

export type SpeechReply =
  /** Play this; it lasts about `seconds`. */
  | { readonly ok: true; readonly url: string; readonly seconds: number }
  /** No voice for this language on this computer, or no speech engine at all. */
  | { readonly ok: false; readonly reason: 'no-voice' | 'no-engine' | 'failed' };

/** An error in the page, as the kiosk log receives it: where it happened, and what it was. */
export interface PageErrorReport {
  readonly where: string;
  readonly message: string;
}

/** The longest `where` and `message` main accepts: a report is a line in the log, not a dump. */
export const PAGE_ERROR_LIMITS = { where: 120, message: 2000 } as const;

/** A PIN is 4 to 12 digits; main refuses anything else without checking it. */
export const STAFF_PIN_PATTERN = /^\d{4,12}$/;

/** The answer to a PIN. Times are epoch milliseconds. */
export type PinCheck =
  /** Right: a staff session is open in main until `sessionEndsAt`, extended by every staff call. */
  | { readonly result: 'ok'; readonly sessionEndsAt: number }
  /** Wrong; `lockedUntil` is set when this mistake started a lockout. */
  | { readonly result: 'wrong'; readonly lockedUntil: number | null }
  /** Too many wrong PINs: none is checked until then. */
  | { readonly result: 'locked'; readonly lockedUntil: number }
  /** No PIN has been set on this kiosk (`npm run set-pin`), so nobody can open the staff panel. */
  | { readonly result: 'not-set' };

export const STAFF_ACTIONS = [
  'reload-content',
  'restart',
  'exit-kiosk-mode',
  'quit',
  'update-content',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** Refused because no staff session is open (never opened, ended, or timed out): ask for the PIN again. */
export interface StaffRefused {
  readonly ok: false;
  readonly reason: 'no-session';
}
export type StaffStatusReply = { readonly ok: true; readonly status: StaffStatus } | StaffRefused;
export type StaffActionReply = { readonly ok: true } | StaffRefused;
export type UsageSummaryReply = { readonly ok: true; readonly summary: UsageSummary } | StaffRefused;

/** How often the kiosk had to heal itself since it started. */
export interface RecoveryCounts {
  /** Page failures by reason: a `render-process-gone` reason (crashed, oom, killed...), `unresponsive` or `load-failed`. */
  readonly failures: Readonly<Record<string, number>>;
  readonly reloads: number;
  readonly windowRecreations: number;
  /** Times failures came so fast (3 within a minute) that the kiosk backed off before retrying. */
  readonly crashLoops: number;
  /** Reloads by the memory watchdog: over the memory ceiling, or the nightly one. */
  readonly watchdogReloads: number;
  readonly gpuCrashes: number;
}

export interface StaffStatus {
  readonly version: string;
  readonly contentDir: string;
  readonly content: {
    /** Slides shown now; 0 means the standby screen. */
    readonly slides: number;
    readonly problems: readonly ContentProblem[];
  };
  readonly logFile: string | null;
  readonly userDataDir: string;
  /** Epoch milliseconds. */
  readonly startedAt: number;
  readonly uptimeSeconds: number;
  readonly recovery: RecoveryCounts;
  /** True after repeated GPU crashes: the kiosk draws without the graphics card (see docs/deploy.md). */
  readonly softwareRendering: boolean;
  readonly schedule: ScheduleState;
  /** Where the content comes from, when it is a repository ("Update now" fetches it). */
  readonly source?: ContentSourceStatus;
}

/** How long a touch wakes the closed screen when kiosk.yaml does not say (`schedule.wake_minutes`). */
export const DEFAULT_WAKE_SECONDS = 120;

/** What the renderer is told: whether to show the slides, and when that next changes. */
export interface ScheduleState {
  /** False outside opening hours: the renderer shows its black closed screen. */
  readonly open: boolean;
  /** Epoch milliseconds when `open` next flips; null when it does not within a week (or there is no schedule). */
  readonly nextChangeAt: number | null;
  readonly timeZone: string;
  /** How long a touch on the closed screen shows the slides again. */
  readonly wakeSeconds: number;
  /** The browser preview only: the moment it shows, and its staff note. */
  readonly preview?: PreviewMoment;
}

/**
 * Which moment the browser preview shows. The page takes `now` as the time when it arrives and
 * runs on from there, so that all it decides by the clock (the slides' times, the notices) is
 * decided for that moment, as the kiosk would.
 */
export interface PreviewMoment {
  /** The moment `--at` named, epoch milliseconds; null when the preview shows the present. */
  readonly at: number | null;
  /** The time it is in the preview when this is sent: `at` and the time since, or the present. */
  readonly now: number;
  /** Whether the kiosk itself would be open at `now`, for the staff note when the preview shows the present. */
  readonly kioskOpen: boolean;
  /** When the kiosk itself would next open or close; null when it does not within a week. */
  readonly kioskNextChangeAt: number | null;
}

/** Routes of the browser preview, which serves the same contract over HTTP. */
export const PreviewRoute = {
  content: '/api/content',
  events: '/api/events',
  /** POST: an error in the page, for the preview's terminal. */
  errors: '/api/errors',
  /** The schedule as the preview shows it (ScheduleState, with its PreviewMoment). */
  schedule: '/api/schedule',
  /** POST a PreviewMomentRequest: show another moment, or the present again (the workbench). */
  moment: '/api/moment',
  /** What the preview shows (PreviewAbout), for the workbench's heading. */
  about: '/api/about',
  /** The workbench: the kiosk page in a frame at a chosen screen shape, its problems, the moment shown. */
  workbench: '/workbench',
  /** POST: a SpeechRequest, answered with a SpeechReply (as the `speak` channel). */
  speech: '/api/speech',
} as const;

/**
 * The moment the preview should show, as staff write it (`2026-12-07 19:30`, on the kiosk's wall
 * clock), or null for the present. Answered with the new ScheduleState, or a 400 whose text says
 * in plain words what is wrong with the moment.
 */
export interface PreviewMomentRequest {
  readonly at: string | null;
}

/** What the preview shows: a content folder, or a repository's branch and folder. */
export interface PreviewAbout {
  /** As staff would name it: the folder's path, or the repository's address, branch and folder. */
  readonly source: string;
}

/** The name of the Server-Sent Event that carries the preview's schedule (content has no name). */
export const PREVIEW_SCHEDULE_EVENT = 'schedule';

/** The id of the JSON block in which the app and the preview give the page its first content. */
export const FIRST_CONTENT_ELEMENT_ID = 'kiosk-first-content';
/** The same for the first schedule: closed or open, and (in the preview) the moment shown. */
export const FIRST_SCHEDULE_ELEMENT_ID = 'kiosk-first-schedule';

/** Where the page finds pictures from the content folder, in the app and in the preview alike. */
export const CONTENT_URL_PREFIX = 'content/';
/** Where the page finds a screen read aloud (`speech/<hash>.wav`), in the app and in the preview alike. */
export const SPEECH_URL_PREFIX = 'speech/';
