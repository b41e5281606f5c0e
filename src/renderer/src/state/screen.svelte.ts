import { systemClock, type Clock } from '../../../shared/clock';
import type { ContentState, Deck, Notice } from '../../../shared/content';
import type { KioskMode, ScheduleState } from '../../../shared/ipc';
import type { KioskApi } from '../../../shared/kiosk-api';
import type { SpeechPlayer } from '../lib/speech-player';
import { screenScript } from '../lib/speech-script';
import { deckWith } from '../lib/visible-deck';
import { AccessModel } from './access.svelte';
import { ContentModel } from './content.svelte';
import { KioskModel, type KioskAction } from './kiosk.svelte';
import { NoticeTurns } from './notice-turns.svelte';
import { ScheduleModel } from './schedule.svelte';
import { SpeechModel } from './speech.svelte';
import { StaffModel } from './staff.svelte';
import { TimetableModel } from './timetable.svelte';

/** A patient's own choices, as the record of use hears them: the kiosk's, and turning Listen on. */
export type ScreenAction = KioskAction | { readonly type: 'listen' };

export interface ScreenOptions {
  readonly initial?: ContentState | undefined;
  readonly initialSchedule?: ScheduleState | undefined;
  /** Hears each of a patient's own choices (the record of use). */
  readonly onAction?: (action: ScreenAction) => void;
  /** Plays Listen's sound; the page's `<audio>` element unless a test gives its own. */
  readonly player?: SpeechPlayer;
  /** The computer's "reduce motion" setting; the page's media query unless a test gives its own. */
  readonly systemReducedMotion?: () => boolean;
}

/**
 * Everything on screen, and the one place its mode is decided: the staff area over everything,
 * then an urgent notice, then the closed screen outside opening hours, then the kiosk's own mode
 * (the loop, touch, or "Still there?"). The kiosk itself exists while there are slides to show
 * now and no urgent notice; new content, and the slides' times, go to the same kiosk, so a patient
 * keeps their place.
 */
export class ScreenModel {
  readonly content: ContentModel;
  readonly schedule: ScheduleModel;
  readonly staff: StaffModel;
  readonly timetable: TimetableModel;
  /** A patient's larger text and stronger contrast, and the motion everyone sees. */
  readonly access: AccessModel;
  /** Listen: the screen read aloud. */
  readonly speech: SpeechModel;
  /** The slides and their loop; undefined while there are none to show now (standby), or an urgent notice shows. */
  kiosk = $state.raw<KioskModel | undefined>(undefined);
  /** The urgent notices on screen, in turn; undefined while there are none. */
  urgent = $state.raw<NoticeTurns | undefined>(undefined);
  /** The information notices current now, for the band on every screen. */
  readonly info: readonly Notice[];
  readonly mode: KioskMode;
  readonly #clock: Clock;
  readonly #onAction: (action: ScreenAction) => void;
  /** The slide a patient is reading when its time ends: it stays until they move on. */
  #kept: string | undefined;
  #visible: { from: Deck; key: string; deck: Deck | null } | undefined;
  #urgentNotices: readonly Notice[] = [];
  /** The kiosk's mode at its last change, to tell the touch that wakes it. */
  #lastMode: KioskMode | undefined;

  constructor(api: KioskApi, clock: Clock = systemClock, options: ScreenOptions = {}) {
    this.#clock = clock;
    const onAction = options.onAction ?? (() => undefined);
    this.#onAction = (action) => {
      // A new language: what was being read is in the old one.
      if (action.type === 'language') this.speech.turnOff();
      onAction(action);
    };
    this.access = new AccessModel(options.systemReducedMotion);
    this.speech = new SpeechModel(api, {
      ...(options.player === undefined ? {} : { player: options.player }),
      onBusy: (busy) => this.kiosk?.hold(busy),
      onTurnedOn: () => this.#onAction({ type: 'listen' }),
    });
    this.content = new ContentModel(api, () => this.#follow(), options.initial);
    this.schedule = new ScheduleModel(api, clock, options.initialSchedule);
    this.staff = new StaffModel(api, clock);
    this.timetable = new TimetableModel(clock, () => this.#refresh());
    this.info = $derived(this.timetable.notices.filter((notice) => notice.level === 'info'));
    this.mode = $derived(
      this.staff.isOpen
        ? 'staff'
        : this.urgent
          ? 'notice'
          : this.schedule.closed
            ? 'closed'
            : (this.kiosk?.view.mode ?? 'attract'),
    );
    if (options.initial !== undefined) this.#follow();
  }

  /** Follows the content and the opening hours; returns the function that stops it all. */
  start(): () => void {
    const stopContent = this.content.start();
    // A patient reading when the clinic closes: the kiosk's own mode, whatever the screen shows.
    const stopSchedule = this.schedule.start(
      () => {
        const mode = this.kiosk?.view.mode;
        return mode === 'touch' || mode === 'warning';
      },
      () => this.#follow(),
    );
    return () => {
      stopContent();
      stopSchedule();
      this.timetable.stop();
      this.#showUrgent([]);
      this.#show(null);
    };
  }

  /** True while the staff area is open over the slides: keys and swipes are then not the patient's. */
  get suspended(): boolean {
    return this.staff.isOpen;
  }

  /** The time zone the slides' and notices' times are read in: the kiosk's. */
  get timeZone(): string {
    return (
      this.schedule.timeZone ??
      this.content.state?.timeZone ??
      Intl.DateTimeFormat().resolvedOptions().timeZone
    );
  }

  /** New content, or new opening hours (and with them, maybe, a new time zone). */
  #follow(): void {
    const state = this.content.state;
    this.access.configure(state?.deck?.access);
    this.speech.configure(this.access.settings.volume);
    this.timetable.follow(state?.deck ?? null, state?.notices ?? [], this.timeZone);
    this.#refresh();
  }

  /** Puts on screen what the content and the clock allow now. */
  #refresh(): void {
    const urgent = this.timetable.notices.filter(
      (notice) => notice.level === 'urgent' && (!this.schedule.closed || notice.whenClosed),
    );
    this.#showUrgent(urgent);
    const full = this.content.state?.deck ?? null;
    this.#show(urgent.length > 0 || full === null ? null : this.#visibleDeck(full));
  }

  /** The slides shown now, and the one a patient is still reading; the same object while they are the same. */
  #visibleDeck(full: Deck): Deck | null {
    const shown = this.timetable.shown;
    const kiosk = this.kiosk;
    const reading = kiosk !== undefined && kiosk.view.mode !== 'attract' ? kiosk.slide?.id : undefined;
    this.#kept = reading !== undefined && !shown.includes(reading) ? reading : undefined;
    const ids = this.#kept === undefined ? shown : [...shown, this.#kept];
    const key = ids.join('\n');
    if (this.#visible?.from !== full || this.#visible.key !== key)
      this.#visible = { from: full, key, deck: deckWith(full, ids) };
    return this.#visible.deck;
  }

  /** Each change of the kiosk's view. */
  #afterView(): void {
    const kiosk = this.kiosk;
    const mode = kiosk?.view.mode;
    const woken = this.#lastMode === 'attract' && mode === 'touch';
    const warned = mode === 'warning' && this.#lastMode !== 'warning';
    const left = mode === 'attract' && this.#lastMode !== 'attract';
    this.#lastMode = mode;
    // The patient has gone: the next one finds the screen as staff set it. Once, as the loop
    // starts, not at each of its slides.
    if (left) this.#patientLeft();
    // While Listen is on, a new slide is read as it comes: a patient who cannot see the screen
    // moves with Next and must hear where they have landed, without a second tap each time.
    this.speech.show(
      kiosk === undefined || mode === 'attract'
        ? undefined
        : screenScript({
            view: kiosk.view,
            slide: kiosk.slide,
            slides: kiosk.edition.slides,
            text: kiosk.text,
          }),
    );
    // "Still there?" is heard as well as seen: read aloud to a patient listening, a soft tone otherwise.
    if (warned) this.speech.chime();
    // The loop invited patients to touch the screen to hear it read aloud: the touch that answers starts Listen.
    if (woken && this.access.settings.inviteToListen && this.access.settings.listen) this.speech.turnOn();
    this.#releaseKept();
  }

  #patientLeft(): void {
    this.speech.reset();
    this.access.reset();
  }

  /** A slide kept for its reader goes once they move on or leave. */
  #releaseKept(): void {
    if (this.#kept === undefined) return;
    const kiosk = this.kiosk;
    if (kiosk === undefined || kiosk.view.mode === 'attract' || kiosk.slide?.id !== this.#kept)
      this.#refresh();
  }

  #showUrgent(notices: readonly Notice[]): void {
    const same = (a: readonly Notice[], b: readonly Notice[]) =>
      a.length === b.length && a.every((notice, index) => notice === b[index]);
    if (same(notices, this.#urgentNotices)) return;
    this.#urgentNotices = notices;
    this.urgent?.dispose();
    this.urgent = notices.length === 0 ? undefined : new NoticeTurns(notices, this.#clock);
  }

  #show(deck: Deck | null): void {
    const kiosk = this.kiosk;
    if (deck === null) {
      if (kiosk !== undefined) this.#patientLeft();
      kiosk?.dispose();
      this.kiosk = undefined;
      this.#lastMode = undefined;
    } else if (kiosk === undefined) {
      this.kiosk = new KioskModel(deck, this.#clock, {
        onView: () => this.#afterView(),
        onAction: this.#onAction,
      });
      this.#lastMode = this.kiosk.view.mode;
    } else {
      kiosk.replaceDeck(deck);
    }
  }
}
