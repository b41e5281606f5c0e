import type { KioskApi } from '../../../shared/kiosk-api';
import { systemClock, type Clock, type TimerHandle } from '../../../shared/clock';
import { DEFAULT_WAKE_SECONDS, type ScheduleState } from '../../../shared/ipc';
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
  #wakeMs = DEFAULT_WAKE_SECONDS * 1000;
  #timer: TimerHandle | undefined;
  readonly #api: ScheduleApi;
  readonly #clock: Clock;

  constructor(api: ScheduleApi, clock: Clock = systemClock) {
    this.#api = api;
    this.#clock = clock;
  }

  get closed(): boolean {
    return !this.open && !this.awake;
  }

  /** Follows main's opening hours; returns the function that stops following. */
  start(isInUse: () => boolean): () => void {
    const apply = (state: ScheduleState) => {
      this.#wakeMs = state.wakeSeconds * 1000;
      const closing = this.open && !state.open;
      this.open = state.open;
      if (state.open) this.#sleepTimerOff();
      else if (closing && isInUse()) this.wake();
    };
    const unsubscribe = this.#api.onScheduleChanged(apply);
    this.#api.getSchedule().then(apply, (error: unknown) => reportError(error, 'reading the opening hours'));
    return () => {
      unsubscribe();
      this.#sleepTimerOff();
    };
  }

  /** A touch outside opening hours: show the slides for a while. */
  wake = (): void => {
    if (this.open) return;
    this.awake = true;
    this.#clock.clearTimeout(this.#timer);
    this.#timer = this.#clock.setTimeout(() => {
      this.awake = false;
    }, this.#wakeMs);
  };

  #sleepTimerOff(): void {
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.awake = false;
  }
}
