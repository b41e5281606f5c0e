import type { LiveContent } from '../node/content/live';
import { scheduleConfigOf, scheduleStateAt } from '../node/time/opening-hours';
import { formatClockTime } from '../node/time/clock-time';
import { repeat, shiftedClock, systemClock, type Clock } from '../shared/clock';
import type { WallTime } from '../shared/content';
import type { ScheduleState } from '../shared/ipc';
import { instantsOfWallTime } from '../shared/wall-clock';

/** As often as the kiosk itself looks at its opening hours (src/main/schedule.ts). */
export const PREVIEW_SCHEDULE_TICK_MS = 15_000;

/**
 * A moment that never happens on the kiosk's clock (the hour the clocks skip): said to the person
 * who asked for it, with `--at` in the terminal, or in the workbench.
 */
export class PreviewMomentError extends Error {
  override readonly name = 'PreviewMomentError';
}

export interface PreviewScheduleOptions {
  readonly content: Pick<LiveContent, 'getContent' | 'onChange'>;
  /** `--at`: the moment to show first, on the kiosk's wall clock; left out, the present. */
  readonly at?: WallTime;
  readonly clock?: Clock;
  readonly onChange: (state: ScheduleState) => void;
}

export interface PreviewSchedule {
  current(): ScheduleState;
  /**
   * Shows another moment from now on (null: the present, open at any hour) and tells the page at
   * once. Throws a PreviewMomentError, changing nothing, for a moment the clocks skip.
   */
  setAt(at: WallTime | null): ScheduleState;
  stop(): void;
}

/**
 * The opening hours as the browser preview shows them. At a moment (`--at`, or one chosen in the
 * workbench), exactly as the kiosk would have them then (closed outside its hours) and from there
 * on as time passes; without, always open (staff check content at any hour), while its staff note
 * says whether the kiosk itself is closed now. Worked out with the kiosk's own code, from the same
 * content.
 */
export function startPreviewSchedule(options: PreviewScheduleOptions): PreviewSchedule {
  const base = options.clock ?? systemClock;
  let at = options.at === undefined ? null : momentOf(options.at, options.content);
  let clock = clockAt(base, at);

  const compute = (): ScheduleState => {
    const now = clock.now();
    const kiosk = scheduleStateAt(scheduleConfigOf(options.content.getContent()), now);
    const preview = { at, now, kioskOpen: kiosk.open, kioskNextChangeAt: kiosk.nextChangeAt };
    return at === null ? { ...kiosk, open: true, nextChangeAt: null, preview } : { ...kiosk, preview };
  };
  // `now` moves on at every tick: only a change to what the page shows is worth sending.
  const shown = ({ preview, ...state }: ScheduleState) =>
    JSON.stringify({ ...state, kioskOpen: preview?.kioskOpen, next: preview?.kioskNextChangeAt });
  let state = compute();
  const publish = () => {
    const next = compute();
    const changed = shown(next) !== shown(state);
    state = next;
    if (changed) options.onChange(next);
  };
  const stopTicking = repeat(base, PREVIEW_SCHEDULE_TICK_MS, publish);
  const stopFollowing = options.content.onChange(publish);
  return {
    current() {
      state = compute();
      return state;
    },
    setAt(wallTime) {
      const moment = wallTime === null ? null : momentOf(wallTime, options.content);
      at = moment;
      clock = clockAt(base, moment);
      state = compute();
      options.onChange(state);
      return state;
    },
    stop() {
      stopTicking();
      stopFollowing();
    },
  };
}

/** The preview's clock: the present, or `at` and the time since it was chosen. */
function clockAt(base: Clock, at: number | null): Clock {
  return at === null ? base : shiftedClock(base, at - base.now());
}

/** The instant of `at` in the kiosk's time zone: the first, when the clocks show it twice. */
function momentOf(at: WallTime, content: Pick<LiveContent, 'getContent'>): number {
  const { timeZone } = scheduleConfigOf(content.getContent());
  const [first] = instantsOfWallTime(at.date, at.minute, timeZone);
  if (first === undefined) {
    throw new PreviewMomentError(
      `${at.date} ${formatClockTime(at.minute)} never happens in ${timeZone}: the clocks go forward an hour then. Choose a time outside that hour.`,
    );
  }
  return first;
}
