import { systemClock, type Clock } from '../../../shared/clock';
import type { ContentState, Deck, Notice } from '../../../shared/content';
import type { KioskMode, ScheduleState } from '../../../shared/ipc';
import type { KioskApi } from '../../../shared/kiosk-api';
import { deckWith } from '../lib/visible-deck';
import { ContentModel } from './content.svelte';
import { KioskModel, type KioskAction } from './kiosk.svelte';
import { NoticeTurns } from './notice-turns.svelte';
import { ScheduleModel } from './schedule.svelte';
import { StaffModel } from './staff.svelte';
import { TimetableModel } from './timetable.svelte';

export interface ScreenOptions {
  readonly initial?: ContentState | undefined;
  readonly initialSchedule?: ScheduleState | undefined;
  /** Hears each of a patient's own choices (the record of use). */
  readonly onAction?: (action: KioskAction) => void;
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
  /** The slides and their loop; undefined while there are none to show now (standby), or an urgent notice shows. */
  kiosk = $state.raw<KioskModel | undefined>(undefined);
  /** The urgent notices on screen, in turn; undefined while there are none. */
  urgent = $state.raw<NoticeTurns | undefined>(undefined);
  /** The information notices current now, for the band on every screen. */
  readonly info: readonly Notice[];
  readonly mode: KioskMode;
  readonly #clock: Clock;
  readonly #onAction: (action: KioskAction) => void;
  /** The slide a patient is reading when its time ends: it stays until they move on. */
  #kept: string | undefined;
  #visible: { from: Deck; key: string; deck: Deck | null } | undefined;
  #urgentNotices: readonly Notice[] = [];

  constructor(api: KioskApi, clock: Clock = systemClock, options: ScreenOptions = {}) {
    this.#clock = clock;
    this.#onAction = options.onAction ?? (() => undefined);
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

  /** A slide kept for its reader goes once they move on or leave. */
  #afterView(): void {
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
      kiosk?.dispose();
      this.kiosk = undefined;
    } else if (kiosk === undefined) {
      this.kiosk = new KioskModel(deck, this.#clock, {
        onView: () => this.#afterView(),
        onAction: this.#onAction,
      });
    } else {
      kiosk.replaceDeck(deck);
    }
  }
}
