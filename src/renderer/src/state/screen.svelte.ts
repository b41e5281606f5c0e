import { systemClock, type Clock } from '../../../shared/clock';
import type { ContentState, Deck } from '../../../shared/content';
import type { KioskMode } from '../../../shared/ipc';
import type { KioskApi } from '../../../shared/kiosk-api';
import { ContentModel } from './content.svelte';
import { KioskModel } from './kiosk.svelte';
import { ScheduleModel } from './schedule.svelte';
import { StaffModel } from './staff.svelte';

/**
 * Everything on screen, and the one place its mode is decided: the staff area over everything,
 * then the closed screen outside opening hours, then the kiosk's own mode (the loop, touch, or
 * "Still there?"). The kiosk itself exists while there is a deck to show; new content goes to
 * the same kiosk, so a patient keeps their place.
 */
export class ScreenModel {
  readonly content: ContentModel;
  readonly schedule: ScheduleModel;
  readonly staff: StaffModel;
  /** The slides and their loop; undefined while there are none to show (standby). */
  kiosk = $state.raw<KioskModel | undefined>(undefined);
  readonly mode: KioskMode;
  readonly #clock: Clock;

  constructor(api: KioskApi, clock: Clock = systemClock, initial?: ContentState) {
    this.#clock = clock;
    this.content = new ContentModel(api, (state) => this.#show(state.deck), initial);
    this.schedule = new ScheduleModel(api, clock);
    this.staff = new StaffModel(api, clock);
    this.mode = $derived(
      this.staff.isOpen ? 'staff' : this.schedule.closed ? 'closed' : (this.kiosk?.view.mode ?? 'attract'),
    );
    if (initial !== undefined) this.#show(initial.deck);
  }

  /** Follows the content and the opening hours; returns the function that stops it all. */
  start(): () => void {
    const stopContent = this.content.start();
    // A patient reading when the clinic closes: the kiosk's own mode, whatever the screen shows.
    const stopSchedule = this.schedule.start(() => {
      const mode = this.kiosk?.view.mode;
      return mode === 'touch' || mode === 'warning';
    });
    return () => {
      stopContent();
      stopSchedule();
      this.#show(null);
    };
  }

  /** True while the staff area is open over the slides: keys and swipes are then not the patient's. */
  get suspended(): boolean {
    return this.staff.isOpen;
  }

  #show(deck: Deck | null): void {
    const kiosk = this.kiosk;
    if (deck === null) {
      kiosk?.dispose();
      this.kiosk = undefined;
    } else if (kiosk === undefined) {
      this.kiosk = new KioskModel(deck, this.#clock);
    } else {
      kiosk.replaceDeck(deck);
    }
  }
}
