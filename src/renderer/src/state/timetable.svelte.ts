import { systemClock, type Clock, type TimerHandle } from '../../../shared/clock';
import type { Deck, Notice } from '../../../shared/content';
import {
  followsTheClock,
  nextTimetableChange,
  noticesCurrentAt,
  slidesShownAt,
  type Timetable,
} from '../../../shared/timetable';

/**
 * Looked at again at least this often while anything follows the clock, however far the next
 * change: a clock set by hand, or a night in suspend, is caught within it (timers count elapsed
 * time, not the time of day).
 */
export const TIMETABLE_RECHECK_MS = 60_000;

/**
 * What the kiosk's clock allows now: the slides whose `show:` is true and the notices that are
 * current. Decided here, in the page, with its one clock: a timer is set to the next moment that
 * changes anything, so the loop changes at that moment, with nobody to ask and no reload.
 */
export class TimetableModel {
  /** The notices current now, in file-name order. */
  notices = $state.raw<readonly Notice[]>([]);
  /** The ids of the slides shown now, in the deck's order. */
  shown: readonly string[] = [];
  #timetable: Timetable = { deck: null, notices: [], timeZone: 'UTC' };
  #timer: TimerHandle | undefined;
  #key = '';
  readonly #clock: Clock;
  readonly #onChange: () => void;

  /** `onChange` hears of each change the clock brings (not of those `follow` brings). */
  constructor(clock: Clock = systemClock, onChange: () => void = () => undefined) {
    this.#clock = clock;
    this.#onChange = onChange;
  }

  /** New content, or a new time zone: decided again at once. */
  follow(deck: Deck | null, notices: readonly Notice[], timeZone: string): void {
    this.#timetable = { deck, notices, timeZone };
    this.#decide();
  }

  stop(): void {
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #decide(): boolean {
    const timetable = this.#timetable;
    const now = this.#clock.now();
    const shown = timetable.deck === null ? [] : slidesShownAt(timetable.deck, now, timetable.timeZone);
    const notices = noticesCurrentAt(timetable.notices, now, timetable.timeZone);
    this.shown = shown;
    // Same ids, same objects: a notice current all along stays the same notice on screen.
    if (!sameNotices(notices, this.notices)) this.notices = notices;
    const key = [...shown, '|', ...notices.map((notice) => notice.id)].join('\n');
    const changed = key !== this.#key;
    this.#key = key;
    this.#wait(now);
    return changed;
  }

  #wait(now: number): void {
    this.stop();
    if (!followsTheClock(this.#timetable)) return;
    const next = nextTimetableChange(this.#timetable, now);
    const delay = next === null ? TIMETABLE_RECHECK_MS : Math.min(next - now, TIMETABLE_RECHECK_MS);
    this.#timer = this.#clock.setTimeout(
      () => {
        this.#timer = undefined;
        if (this.#decide()) this.#onChange();
      },
      Math.max(0, delay),
    );
  }
}

function sameNotices(a: readonly Notice[], b: readonly Notice[]): boolean {
  return a.length === b.length && a.every((notice, index) => notice === b[index]);
}
