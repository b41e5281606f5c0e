import type { Deck } from '../../shared/content';
import type { UsageSummary } from '../../shared/usage';
import { DAY_MS, wallClock, wallDate } from '../../shared/wall-clock';
import type { UsageRecord } from './events';

/** How many slides the staff panel lists as the most read. */
const TOP_TOPICS = 5;

/**
 * The record at a glance, for the staff panel: sessions on each of the last `days` days of the
 * kiosk's calendar, the slides most looked at, and the languages patients read in.
 */
export function summarize(
  records: readonly UsageRecord[],
  options: { now: number; days: number; timeZone: string; deck: Deck | null; recording: boolean },
): UsageSummary {
  const { now, days, timeZone } = options;
  const dates = Array.from({ length: days }, (_, index) =>
    wallDate(wallClock(now - (days - 1 - index) * DAY_MS, timeZone)),
  );
  const sessionsOn = new Map(dates.map((date) => [date, 0]));
  const reads = new Map<string, number>();
  const languages = new Map<string, Set<number>>();
  for (const record of records) {
    switch (record.type) {
      case 'session': {
        const date = wallDate(wallClock(record.start, timeZone));
        const count = sessionsOn.get(date);
        if (count !== undefined) sessionsOn.set(date, count + 1);
        break;
      }
      case 'viewed':
      case 'details':
        reads.set(record.id, (reads.get(record.id) ?? 0) + 1);
        languages.set(record.language, (languages.get(record.language) ?? new Set()).add(record.session));
        break;
      default:
        break;
    }
  }
  const titleOf = (id: string) => options.deck?.slides.find((slide) => slide.id === id)?.title ?? id;
  return {
    days: dates.map((date) => ({ date, sessions: sessionsOn.get(date) ?? 0 })),
    topics: [...reads]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOP_TOPICS)
      .map(([id, count]) => ({ id, title: titleOf(id), count })),
    languages: [...languages]
      .map(([language, sessions]) => ({ language, sessions: sessions.size }))
      .sort((a, b) => b.sessions - a.sessions || a.language.localeCompare(b.language)),
    recording: options.recording,
  };
}
