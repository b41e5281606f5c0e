import type { z } from 'zod';
import { KNOWN_SETTINGS } from './schema';
import type { ContentProblem } from '../../shared/content';
import type { LocatedYaml } from './yaml-source';

/** Who the file belongs to, for the words of a message ("every slide needs a title") and its known settings. */
export interface FileKind {
  readonly owner: string;
  readonly settings: string;
  /** The setting names of each part of the file, where they are not in KNOWN_SETTINGS. */
  readonly known?: Readonly<Record<string, readonly string[]>>;
}

export const KIOSK_KIND: FileKind = { owner: 'the kiosk', settings: 'kiosk' };
export const SLIDE_KIND: FileKind = { owner: 'every slide', settings: 'slide' };

/**
 * Checks parsed YAML against a schema. Every issue becomes a problem at the line and column of
 * the value (or, for a setting that should not be there, of its name), in words staff can act on.
 */
export function validate<Schema extends z.ZodType>(
  schema: Schema,
  yaml: LocatedYaml,
  file: string,
  kind: FileKind,
  problems: ContentProblem[],
): z.output<Schema> | undefined {
  // reportInput: an empty value (null) and a missing one (no input) read as missing, a wrong one does not.
  const result = schema.safeParse(yaml.value ?? {}, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of flatten(result.error.issues)) {
    if (issue.code === 'unrecognized_keys') {
      for (const name of issue.keys) {
        const path = [...issue.path, name];
        problems.push({
          severity: 'error',
          file,
          ...yaml.locateKey(path),
          message: unknownSetting(name, knownSettings(kind, issue.path)),
        });
      }
      continue;
    }
    problems.push({ severity: 'error', file, ...yaml.locate(issue.path), message: describe(issue, kind) });
  }
  return undefined;
}

/**
 * A setting that may be text or one text per language fails both ways at once: report only the
 * way the person was writing it (the map's own issues, when they wrote a map).
 */
function flatten(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union') return [issue];
    const attempted = issue.errors.filter(
      (branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
    );
    const [branch] = attempted;
    if (attempted.length !== 1 || branch === undefined) return [issue];
    return flatten(branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })));
  });
}

function describe(issue: z.core.$ZodIssue, kind: FileKind): string {
  // Staff count list entries by eye, not from zero: "in languages", not "languages.1".
  const inList = typeof issue.path.at(-1) === 'number';
  const key = issue.path
    .filter((part) => typeof part !== 'number')
    .map(String)
    .join('.');
  const missing =
    (issue.code === 'invalid_type' || issue.code === 'invalid_union') &&
    (issue.input === undefined || issue.input === null);
  if (missing && key !== '' && !inList) return `${key} is missing: ${kind.owner} needs a ${key}`;
  if (issue.path.length === 0) return 'the settings should be a list of lines, each "name: value"';
  return inList ? `in ${key}, ${issue.message}` : `${key} ${issue.message}`;
}

function knownSettings(kind: FileKind, path: readonly PropertyKey[]): readonly string[] {
  return (kind.known ?? KNOWN_SETTINGS)[[kind.settings, ...path.map(String)].join('.')] ?? [];
}

function unknownSetting(name: string, known: readonly string[]): string {
  const guess = closest(name, known);
  return guess === undefined
    ? `unknown setting "${name}": check the spelling, or remove it`
    : `unknown setting "${name}": did you mean "${guess}"? Check the spelling, or remove it`;
}

/** The known name a typo most likely meant: at most two letters off, or differing only in case. */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (best === undefined || distance < best.distance))
      best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
