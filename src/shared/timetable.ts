import type { Deck, Notice, ShowTimes, WallTime } from './content';
import { DAY_MS, nextWallClockChange, wallClock, wallDate, type WallClock } from './wall-clock';

/**
 * What shows at a moment: the slides whose `show:` allows it and the notices that are current,
 * read on the kiosk's wall clock. The page decides with it at each moment (with its one clock,
 * and a timer to the next change), and `content:check` looks ahead with it; both read the wall
 * clock the same way.
 */

/** Far enough to see every boundary of a weekly pattern, plus a day for a daylight-saving shift. */
export const TIMETABLE_HORIZON_MS = 8 * DAY_MS;

export function isShownAt(show: ShowTimes | undefined, wall: WallClock): boolean {
  if (show === undefined) return true;
  const date = wallDate(wall);
  if (show.from !== undefined && date < show.from) return false;
  if (show.until !== undefined && date > show.until) return false;
  if (show.days !== undefined && !show.days.includes(wall.weekday)) return false;
  if (show.hours === undefined) return true;
  return show.hours.some((interval) => wall.minuteOfDay >= interval.start && wall.minuteOfDay < interval.end);
}

/** -1, 0 or 1 as `wall` is before, at or after the moment `time`. */
function compareWall(wall: WallClock, time: WallTime): number {
  const date = wallDate(wall);
  if (date !== time.date) return date < time.date ? -1 : 1;
  return Math.sign(wall.minuteOfDay - time.minute);
}

export function isNoticeCurrentAt(notice: Notice, wall: WallClock): boolean {
  if (notice.from !== undefined && compareWall(wall, notice.from) < 0) return false;
  return notice.until === undefined || compareWall(wall, notice.until) < 0;
}

/** The ids of the deck's slides shown at `instant`, in the deck's order. */
export function slidesShownAt(deck: Deck, instant: number, timeZone: string): string[] {
  const wall = wallClock(instant, timeZone);
  return deck.slides.filter((slide) => isShownAt(slide.show, wall)).map((slide) => slide.id);
}

export function noticesCurrentAt(notices: readonly Notice[], instant: number, timeZone: string): Notice[] {
  const wall = wallClock(instant, timeZone);
  return notices.filter((notice) => isNoticeCurrentAt(notice, wall));
}

/** What there is to follow: the deck's slides (if any) and the notices. */
export interface Timetable {
  readonly deck: Deck | null;
  readonly notices: readonly Notice[];
  readonly timeZone: string;
}

/** One string for everything shown at an instant: equal strings, equal screens. */
function shownKey(timetable: Timetable, instant: number): string {
  const wall = wallClock(instant, timetable.timeZone);
  const slides = timetable.deck?.slides.filter((slide) => isShownAt(slide.show, wall)) ?? [];
  const notices = timetable.notices.filter((notice) => isNoticeCurrentAt(notice, wall));
  return [...slides.map((slide) => slide.id), '|', ...notices.map((notice) => notice.id)].join('\n');
}

/** Whether anything in the timetable depends on the time at all: if not, there is nothing to wait for. */
export function followsTheClock(timetable: Timetable): boolean {
  return (
    timetable.notices.some((notice) => notice.from !== undefined || notice.until !== undefined) ||
    (timetable.deck?.slides.some((slide) => slide.show !== undefined) ?? false)
  );
}

/**
 * The first instant after `now` at which the slides shown or the notices current change, within
 * `horizonMs`; null when nothing changes within it.
 */
export function nextTimetableChange(
  timetable: Timetable,
  now: number,
  horizonMs = TIMETABLE_HORIZON_MS,
): number | null {
  if (!followsTheClock(timetable)) return null;
  const slides = timetable.deck?.slides ?? [];
  return nextWallClockChange({
    timeZone: timetable.timeZone,
    now,
    horizonMs,
    boundariesOn: (date) => {
      // Midnight: the day, and so the weekday and the date ranges, change.
      const minutes = new Set<number>([0]);
      for (const slide of slides)
        for (const interval of slide.show?.hours ?? []) minutes.add(interval.start).add(interval.end);
      for (const notice of timetable.notices) {
        for (const time of [notice.from, notice.until]) if (time?.date === date) minutes.add(time.minute);
      }
      return minutes;
    },
    stateAt: (instant) => shownKey(timetable, instant),
  });
}
