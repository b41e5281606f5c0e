import type { KioskApi } from '../../../shared/kiosk-api';
import { systemClock, type Clock, type TimerHandle } from '../../../shared/clock';
import { DEFAULT_WAKE_SECONDS, type PreviewMoment, type ScheduleState } from '../../../shared/ipc';
import { reportError } from '../lib/errors';

type ScheduleApi = Pick<KioskApi, 'getSchedule' | 'onScheduleChanged'>;

/**
 * Opening hours as the screen sees them. Outside them the screen is black; a touch wakes it for
 * `wakeSeconds`, and every further touch keeps it awake as long again. Closing time never cuts a
 * patient off mid-read: a screen in use when the clinic closes stays awake until they leave.
 */
export class ScheduleModel {
  /** What main says: inside opening hours or not. */
  open = $state(true);
  /** Outside opening hours, but woken by a touch. */
  awake = $state(false);
  /** The kiosk's time zone, as main (or the preview) works it out; undefined until it says. */
  timeZone = $state<string | undefined>(undefined);
  /** In the browser preview: the moment it shows, for its staff note. */
  preview = $state.raw<PreviewMoment | undefined>(undefined);
  #wakeMs = DEFAULT_WAKE_SECONDS * 1000;
  #timer: TimerHandle | undefined;
  #onChange: () => void = () => undefined;
  readonly #api: ScheduleApi;
  readonly #clock: Clock;

  /** `initial`: the schedule the page came with, so that its first frame is already right. */
  constructor(api: ScheduleApi, clock: Clock = systemClock, initial?: ScheduleState) {
    this.#api = api;
    this.#clock = clock;
    if (initial !== undefined) this.#take(initial);
  }

  get closed(): boolean {
    return !this.open && !this.awake;
  }

  /**
   * Follows main's opening hours; `onChange` hears of every change (the hours, a touch that wakes
   * the screen, the end of that). Returns the function that stops following.
   */
  start(isInUse: () => boolean, onChange: () => void = () => undefined): () => void {
    this.#onChange = onChange;
    const apply = (state: ScheduleState) => {
      const closing = this.open && !state.open;
      this.#take(state);
      if (state.open) this.#sleepTimerOff();
      else if (closing && isInUse()) this.wake();
      this.#onChange();
    };
    const unsubscribe = this.#api.onScheduleChanged(apply);
    this.#api.getSchedule().then(apply, (error: unknown) => reportError(error, 'reading the opening hours'));
    return () => {
      unsubscribe();
      this.#sleepTimerOff();
      this.#onChange = () => undefined;
    };
  }

  /** A touch outside opening hours: show the slides for a while. */
  wake = (): void => {
    if (this.open) return;
    const waking = !this.awake;
    this.awake = true;
    this.#clock.clearTimeout(this.#timer);
    this.#timer = this.#clock.setTimeout(() => {
      this.awake = false;
      this.#onChange();
    }, this.#wakeMs);
    if (waking) this.#onChange();
  };

  #take(state: ScheduleState): void {
    this.#wakeMs = state.wakeSeconds * 1000;
    this.open = state.open;
    this.timeZone = state.timeZone;
    this.preview = state.preview;
  }

  #sleepTimerOff(): void {
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.awake = false;
  }
}
