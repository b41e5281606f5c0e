import type { z } from 'zod';
import { canonicalLanguage, isKnownLanguage } from '../../shared/languages';
import { isEditorLeftover } from './files';
import type { ContentFolder } from './folder';
import { slideFrontMatterSchema, type SlideFrontMatter } from './schema';
import type { ContentProblem } from '../../shared/content';
import { SLIDE_KIND, validate, type FileKind } from './validate';
import { parseLocatedYaml, type LocatedYaml } from './yaml-source';

/** A slide file's name read as what it is: `01-pain.md` is a slide, `01-pain.es.md` its Spanish translation. */
export interface SlideFileName {
  readonly name: string;
  /** The slide it shows or translates: `01-pain`. */
  readonly id: string;
  /** Set for a translation, in canonical spelling. */
  readonly language?: string;
}

const slideOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const TRANSLATION = /^(.+)\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$/i;

/**
 * Slide files in the order they show. Editors leave hidden and backup files beside the ones
 * people mean: those are not slides. `01-intro.faq.md` is a slide, since faq is no language.
 */
export function classifySlideFiles(names: readonly string[], languages: readonly string[]): SlideFileName[] {
  return names
    .filter((name) => /\.md$/i.test(name) && !isEditorLeftover(name))
    .map((name): SlideFileName => {
      const match = TRANSLATION.exec(name);
      const code = match?.[2] === undefined ? undefined : canonicalLanguage(match[2]);
      if (
        match?.[1] !== undefined &&
        code !== undefined &&
        (languages.includes(code) || isKnownLanguage(code))
      ) {
        return { name, id: match[1], language: code };
      }
      return { name, id: name.replace(/\.md$/i, '') };
    })
    .sort(compareSlideFiles);
}

/** The order slides show in: by name, numbers by value (2 before 10), a slide before its translations. */
export function compareSlideFiles(a: SlideFileName, b: SlideFileName): number {
  return slideOrder.compare(a.id, b.id) || slideOrder.compare(a.name, b.name);
}

export interface SlideSource {
  readonly frontMatter: SlideFrontMatter;
  readonly yaml: LocatedYaml;
  readonly body: string;
}

/** Reads one slide file (a slide or a translation): its settings, checked, and its Markdown text. */
export function readSlideFile(
  folder: ContentFolder,
  file: string,
  problems: ContentProblem[],
): Promise<SlideSource | undefined> {
  return readFrontMatterFile(folder, file, problems, {
    schema: slideFrontMatterSchema,
    kind: SLIDE_KIND,
    noFrontMatter:
      'this slide has no front matter: start the file with a line of three dashes (---), then the title: and summary: lines, then another line of ---',
  });
}

/** What a file of settings and text is checked against, and what to say when it has no settings. */
export interface FrontMatterRules<Schema extends z.ZodType> {
  readonly schema: Schema;
  readonly kind: FileKind;
  readonly noFrontMatter: string;
}

/** Reads a file of settings between two --- lines and Markdown text below them (a slide, a notice). */
export async function readFrontMatterFile<Schema extends z.ZodType>(
  folder: ContentFolder,
  file: string,
  problems: ContentProblem[],
  rules: FrontMatterRules<Schema>,
): Promise<{ frontMatter: z.output<Schema>; yaml: LocatedYaml; body: string } | undefined> {
  const source = await folder.readText(file, problems);
  if (source === undefined) return undefined;

  const split = splitFrontMatter(source);
  if (!split) {
    problems.push({ severity: 'error', file, line: 1, column: 1, message: rules.noFrontMatter });
    return undefined;
  }

  const parsed = parseLocatedYaml(split.frontMatter, file, 1);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const frontMatter = validate(rules.schema, parsed.yaml, file, rules.kind, problems);
  return frontMatter === undefined ? undefined : { frontMatter, yaml: parsed.yaml, body: split.body };
}

/** The settings between the first two lines of three dashes, and the text after them. */
function splitFrontMatter(text: string): { frontMatter: string; body: string } | undefined {
  const isFence = (line: string) => /^---[ \t]*$/.test(line);
  const firstEnd = text.indexOf('\n');
  if (firstEnd === -1 || !isFence(text.slice(0, firstEnd))) return undefined;
  let start = firstEnd + 1;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const lineEnd = end === -1 ? text.length : end;
    if (isFence(text.slice(start, lineEnd))) {
      return {
        frontMatter: text.slice(firstEnd + 1, Math.max(firstEnd + 1, start - 1)),
        body: text.slice(end === -1 ? text.length : end + 1),
      };
    }
    if (end === -1) return undefined;
    start = end + 1;
  }
  return undefined;
}
