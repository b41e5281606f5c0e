import type { ContentProblem, ContentState, WallTime } from '../../shared/content';
import { isShownAt, TIMETABLE_HORIZON_MS } from '../../shared/timetable';
import { DAY_MS, nextWallClockChange, wallClock, wallDate } from '../../shared/wall-clock';
import { formatClockTime } from '../time/clock-time';
import { isOpenAt, scheduleConfigOf } from '../time/opening-hours';
import { systemTimeZone } from '../time/wall-clock';
import { SLIDES_FOLDER, warning } from './files';
import { NOTICES_FOLDER } from './load-notices';

/**
 * What `content:check` says about the content's times, looking ahead from the moment it runs: the
 * slides and notices whose time is over, and the times the kiosk is open with no slide to show
 * (it then shows its standby screen). They depend on the day the check runs, so they are told by
 * the check, never by the kiosk's loader.
 */

/** How far ahead to look, at most, for dates written in the content. */
const MAX_LOOK_AHEAD_MS = 400 * DAY_MS;
/** Times with no slide told one by one; the rest are counted. */
const GAPS_TOLD = 3;
/** Changes looked at, at most: a year of a busy week's changes. */
const MAX_STEPS = 5_000;
const CLOSED = 'closed';

export function timetableWarnings(
  state: ContentState,
  now: number,
  fallbackZone: string = systemTimeZone(),
): ContentProblem[] {
  const timeZone = state.timeZone ?? fallbackZone;
  const today = wallDate(wallClock(now, timeZone));
  const problems: ContentProblem[] = [];
  for (const slide of state.deck?.slides ?? []) {
    const until = slide.show?.until;
    if (until !== undefined && until < today) {
      problems.push(
        warning(
          `${SLIDES_FOLDER}/${slide.id}.md`,
          `show: ended on ${until}, so this slide is no longer shown: delete it, or move it out of the slides folder`,
        ),
      );
    }
  }
  for (const notice of state.notices ?? []) {
    if (notice.until !== undefined && !isAfterNow(notice.until, now, timeZone)) {
      problems.push(
        warning(
          `${NOTICES_FOLDER}/${notice.id}.md`,
          `ended at ${describeWallTime(notice.until)}, so this notice is no longer shown: delete it`,
        ),
      );
    }
  }
  problems.push(...gapWarnings(state, now, timeZone));
  return problems;
}

function isAfterNow(time: WallTime, now: number, timeZone: string): boolean {
  const wall = wallClock(now, timeZone);
  const date = wallDate(wall);
  return time.date > date || (time.date === date && time.minute > wall.minuteOfDay);
}

function describeWallTime(time: WallTime): string {
  return time.minute === 24 * 60 ? `the end of ${time.date}` : `${time.date} ${formatClockTime(time.minute)}`;
}

/**
 * Looking ahead: the times when the kiosk is open and no slide is shown, and the slides with a
 * `show:` that are never shown while it is open, as warnings.
 */
function gapWarnings(state: ContentState, now: number, timeZone: string): ContentProblem[] {
  const deck = state.deck;
  if (!deck?.slides.some((slide) => slide.show !== undefined)) return [];
  const { hours } = scheduleConfigOf(state, timeZone);
  // What the screen shows: nothing while closed, else the ids of the slides shown ('' for none).
  const stateAt = (instant: number) => {
    if (hours !== null && !isOpenAt(hours, instant)) return CLOSED;
    const wall = wallClock(instant, timeZone);
    return deck.slides
      .filter((slide) => isShownAt(slide.show, wall))
      .map((slide) => slide.id)
      .join('\n');
  };
  const end = now + lookAhead(state, now);

  const gaps: { start: number; end: number | null }[] = [];
  const seen = new Set<string>();
  let time = now;
  for (let step = 0; time < end && step < MAX_STEPS; step += 1) {
    const next = nextWallClockChange({
      timeZone,
      now: time,
      horizonMs: TIMETABLE_HORIZON_MS,
      boundariesOn: (_date, weekday) => {
        const minutes = new Set<number>([0]);
        for (const interval of hours?.week[weekday] ?? []) minutes.add(interval.start).add(interval.end);
        for (const slide of deck.slides)
          for (const interval of slide.show?.hours ?? []) minutes.add(interval.start).add(interval.end);
        return minutes;
      },
      stateAt,
    });
    const shown = stateAt(time);
    if (shown === '') {
      const last = gaps.at(-1);
      if (last?.end === time) last.end = next;
      else gaps.push({ start: time, end: next });
      // Nothing changes for a week and more: it stays so.
      if (next === null) break;
    } else if (shown !== CLOSED) {
      for (const id of shown.split('\n')) seen.add(id);
    }
    time = next ?? time + TIMETABLE_HORIZON_MS;
  }
  const today = wallDate(wallClock(now, timeZone));
  const neverSeen = deck.slides
    .filter((slide) => slide.show !== undefined && !seen.has(slide.id))
    .filter((slide) => slide.show?.until === undefined || slide.show.until >= today)
    .map((slide) =>
      warning(
        `${SLIDES_FOLDER}/${slide.id}.md`,
        `is never shown while the kiosk is open: its show: times fall when the kiosk is closed; change them, or the opening hours`,
      ),
    );
  if (gaps.length === 0) return neverSeen;

  const told = gaps
    .slice(0, GAPS_TOLD)
    .map((gap) =>
      warning(
        SLIDES_FOLDER,
        `no slide is shown ${describeGap(gap, now, timeZone)}, while the kiosk is open: it shows its standby screen then; give one slide no show: at all, or show: times that cover it`,
      ),
    );
  const more = gaps.length - told.length;
  if (more > 0) {
    told.push(
      warning(
        SLIDES_FOLDER,
        `and ${more} more ${more === 1 ? 'time' : 'times'} like these after that, while the kiosk is open`,
      ),
    );
  }
  return [...neverSeen, ...told];
}

/** Far enough to pass every date the content names, and a week more. */
function lookAhead(state: ContentState, now: number): number {
  const dates = (state.deck?.slides ?? []).flatMap((slide) => [slide.show?.from, slide.show?.until]);
  const latest = dates.reduce<number>((far, date) => {
    if (date === undefined) return far;
    const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
    return Math.max(far, Date.UTC(year, month - 1, day) + 2 * DAY_MS - now);
  }, 0);
  return Math.min(MAX_LOOK_AHEAD_MS, latest + TIMETABLE_HORIZON_MS);
}

function describeGap(gap: { start: number; end: number | null }, now: number, timeZone: string): string {
  const from = gap.start === now ? 'from now' : `from ${describeInstant(gap.start, timeZone)}`;
  if (gap.end === null) return `${from} on`;
  const startDay = wallDate(wallClock(gap.start, timeZone));
  const endDay = wallDate(wallClock(gap.end, timeZone));
  const to =
    startDay === endDay
      ? formatClockTime(wallClock(gap.end, timeZone).minuteOfDay)
      : describeInstant(gap.end, timeZone);
  return `${from} to ${to}`;
}

/** `Saturday 12 December 2026 at 09:00`, on the kiosk's wall clock. */
export function describeInstant(instant: number, timeZone: string): string {
  const wall = wallClock(instant, timeZone);
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(Date.UTC(wall.year, wall.month - 1, wall.day));
  return `${day.replace(',', '')} at ${formatClockTime(wall.minuteOfDay)}`;
}
