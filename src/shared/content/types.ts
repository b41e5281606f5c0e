/** The content model's types (from the schemas in `model.ts`) and how a problem is written out. */
export type { ContentProblem, ContentState, Deck, LocalizedDeck, ProblemSeverity, Slide } from './model';
import type { ContentProblem } from './model';

/** `slides/03-muscles.md:2:8 title is missing: ...`: the form used in the log, the preview and `content:check`. */
export function formatProblem(problem: ContentProblem): string {
  const where = [problem.file, problem.line, problem.line === undefined ? undefined : problem.column]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where} ${problem.message}`;
}

export function hasErrors(problems: readonly ContentProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
