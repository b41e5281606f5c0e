import { englishLanguageName } from '../shared/languages';
import { loadContentSafely, type ContentFileSystem } from '../node/content/load';
import { formatProblem, type ContentState } from '../shared/content';
import { timetableWarnings } from '../node/content/timetable-check';

export interface CheckResult {
  readonly lines: readonly string[];
  /** 0 when the kiosk would show the folder as it is, 1 when it has errors. */
  readonly exitCode: 0 | 1;
}

/** `npm run content:check [DIR]`: every problem in the same form as the log, or a one-line summary. */
export async function checkContentFolder(
  dir: string,
  fs: ContentFileSystem,
  now: number = Date.now(),
): Promise<CheckResult> {
  return describeCheck(await loadContentSafely(dir, fs), now);
}

/**
 * The check's answer for content as loaded, with what its times mean from `now` on (slides and
 * notices whose time is over, and times the kiosk is open with no slide to show).
 */
export function describeCheck(state: ContentState, now: number = Date.now()): CheckResult {
  const problems = [...state.problems, ...timetableWarnings(state, now)];
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  const lines: string[] = [];
  if (errors.length > 0) {
    lines.push(
      `${count(errors.length, 'error')}:`,
      ...errors.map((problem) => `  ${formatProblem(problem)}`),
    );
  }
  if (warnings.length > 0) {
    lines.push(
      `${count(warnings.length, 'warning')}:`,
      ...warnings.map((problem) => `  ${formatProblem(problem)}`),
    );
  }
  if (errors.length > 0 || state.deck === null) {
    lines.push(
      'Fix the errors above, save, and check again. Until then the kiosk keeps showing the last content that had no errors.',
    );
    return { lines, exitCode: 1 };
  }
  lines.push(`OK: ${summary(state)}.`);
  return { lines, exitCode: 0 };
}

function summary(state: ContentState): string {
  const deck = state.deck;
  if (deck === null) return 'nothing to show';
  const editions = [deck, ...deck.translations];
  const languages = editions.map((edition) => englishLanguageName(edition.language));
  const pictures = new Set(
    editions.flatMap((edition) => edition.slides.flatMap((slide) => slide.image ?? [])),
  );
  const recordings = editions.flatMap((edition) => edition.slides.flatMap((slide) => slide.audio ?? []));
  const timed = deck.slides.filter((slide) => slide.show !== undefined).length;
  const notices = state.notices?.length ?? 0;
  return [
    count(deck.slides.length, 'slide') + (timed === 0 ? '' : ` (${timed} shown at set times)`),
    `${count(languages.length, 'language')} (${languages.join(', ')})`,
    count(pictures.size, 'picture'),
    ...(recordings.length === 0 ? [] : [count(new Set(recordings).size, 'recording')]),
    ...(notices === 0 ? [] : [count(notices, 'notice')]),
  ].join(', ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
