import type { z } from 'zod';
import { CONTENT_URL_PREFIX } from '../ipc';
import { renderMarkdown } from './markdown';
import { kioskFileSchema, slideFrontMatterSchema, type KioskFile } from './schema';
import type { ContentProblem, ContentState, Deck, Slide } from './types';
import { parseLocatedYaml, type LocatedYaml } from './yaml-source';

/** The file-system calls the loader needs; `node:fs/promises` satisfies it as it is. */
export interface ContentFileSystem {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<{ isFile(): boolean }>;
}

export const KIOSK_FILE = 'kiosk.yaml';
export const SLIDES_FOLDER = 'slides';
const FALLBACK_STANDBY_TITLE = 'Welcome';

const slideOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Reads a content folder into what the kiosk shows. Never throws for bad content: every problem
 * is returned, located and explained, and whatever is valid is kept (a broken slide is left out,
 * the others still show). `deck` is null only when there is nothing valid to show.
 */
export async function loadContent(root: string, fs: ContentFileSystem): Promise<ContentState> {
  const problems: ContentProblem[] = [];
  const settings = await loadSettings(root, fs, problems);
  const slides = settings ? await loadSlides(root, fs, settings, problems) : [];
  const standbyTitle = settings?.title ?? FALLBACK_STANDBY_TITLE;

  if (!settings || slides.length === 0) return { deck: null, standbyTitle, problems };

  const deck: Deck = {
    title: settings.title,
    ...(settings.subtitle === undefined ? {} : { subtitle: settings.subtitle }),
    ...(settings.disclaimer === undefined ? {} : { disclaimer: settings.disclaimer }),
    language: settings.language,
    idleSeconds: settings.touch.idle_seconds,
    warningSeconds: settings.touch.warning_seconds,
    slides,
  };
  return { deck, standbyTitle, problems };
}

async function loadSettings(root: string, fs: ContentFileSystem, problems: ContentProblem[]) {
  const source = await readText(fs, joinPath(root, KIOSK_FILE), KIOSK_FILE, problems);
  if (source === undefined) return undefined;
  const parsed = parseLocatedYaml(source, KIOSK_FILE);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  return validate(kioskFileSchema, parsed.yaml, KIOSK_FILE, 'the kiosk', problems);
}

async function loadSlides(
  root: string,
  fs: ContentFileSystem,
  settings: KioskFile,
  problems: ContentProblem[],
) {
  const folder = joinPath(root, SLIDES_FOLDER);
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    problems.push(
      error(SLIDES_FOLDER, 'the slides folder is missing: create a folder named "slides" next to kiosk.yaml'),
    );
    return [];
  }

  const slideFiles = names.filter(isSlideFileName).sort(slideOrder.compare);
  if (slideFiles.length === 0) {
    problems.push(
      error(SLIDES_FOLDER, 'there are no slides: add at least one file ending in .md to the slides folder'),
    );
    return [];
  }

  const slides: Slide[] = [];
  for (const name of slideFiles) {
    const slide = await loadSlide(root, fs, name, settings.attract.seconds_per_slide, problems);
    if (slide) slides.push(slide);
  }
  return slides;
}

/** Editors leave hidden and backup files beside the ones people mean: those are not slides. */
function isSlideFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.md') && !name.startsWith('.') && !name.startsWith('~');
}

async function loadSlide(
  root: string,
  fs: ContentFileSystem,
  name: string,
  defaultSeconds: number,
  problems: ContentProblem[],
): Promise<Slide | undefined> {
  const file = `${SLIDES_FOLDER}/${name}`;
  const source = await readText(fs, joinPath(root, file), file, problems);
  if (source === undefined) return undefined;

  const split = splitFrontMatter(source);
  if (!split) {
    problems.push({
      ...error(
        file,
        'this slide has no front matter: start the file with a line of three dashes (---), then the title: and summary: lines, then another line of ---',
      ),
      line: 1,
      column: 1,
    });
    return undefined;
  }

  const parsed = parseLocatedYaml(split.frontMatter, file, 1);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const frontMatter = validate(slideFrontMatterSchema, parsed.yaml, file, 'every slide', problems);
  if (!frontMatter) return undefined;

  const image =
    frontMatter.image === undefined
      ? undefined
      : await checkImage(root, fs, file, frontMatter.image, parsed.yaml, problems);
  return {
    id: name.replace(/\.md$/i, ''),
    title: frontMatter.title,
    summary: frontMatter.summary,
    ...(image === undefined ? {} : { image }),
    seconds: frontMatter.seconds ?? defaultSeconds,
    bodyHtml: renderMarkdown(split.body),
  };
}

/**
 * Pictures must be files inside the content folder: anything else could show something the clinic
 * never chose, or reach outside the folder. A bad picture is left out and the slide still shows.
 */
async function checkImage(
  root: string,
  fs: ContentFileSystem,
  file: string,
  image: string,
  yaml: LocatedYaml,
  problems: ContentProblem[],
): Promise<string | undefined> {
  const at = { file, ...yaml.locate(['image']) };
  const segments = image.split('/');
  if (
    /^[a-z][a-z0-9+.-]*:/i.test(image) ||
    image.startsWith('/') ||
    image.includes('\\') ||
    segments.includes('..')
  ) {
    problems.push({
      ...at,
      severity: 'warning',
      message: `image "${image}" must be a picture inside the content folder, such as images/picture.svg`,
    });
    return undefined;
  }
  try {
    if (!(await fs.stat(joinPath(root, image))).isFile()) throw new Error('not a file');
  } catch {
    problems.push({
      ...at,
      severity: 'warning',
      message: `image "${image}" was not found: check the file name, or put the picture in the images folder`,
    });
    return undefined;
  }
  return CONTENT_URL_PREFIX + segments.filter((segment) => segment !== '' && segment !== '.').join('/');
}

function splitFrontMatter(source: string): { frontMatter: string; body: string } | undefined {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---[ \t]*\n([\s\S]*?)\n?^---[ \t]*$\n?/m.exec(text);
  if (match?.index !== 0) return undefined;
  return { frontMatter: match[1] ?? '', body: text.slice(match[0].length) };
}

function validate<Schema extends z.ZodType>(
  schema: Schema,
  yaml: LocatedYaml,
  file: string,
  owner: string,
  problems: ContentProblem[],
): z.output<Schema> | undefined {
  const result = schema.safeParse(yaml.value ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({
      severity: 'error',
      file,
      ...yaml.locate(issue.path),
      message: describeIssue(issue, owner),
    });
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue, owner: string): string {
  const key = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((name) => `"${name}"`).join(', ');
    return `unknown setting ${names}: check the spelling, or remove it`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `${key} is missing: ${owner} needs a ${key}`;
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) {
    return 'the file should be a list of settings, one "name: value" per line';
  }
  return key === '' ? issue.message : `${key} ${issue.message}`;
}

async function readText(fs: ContentFileSystem, path: string, file: string, problems: ContentProblem[]) {
  try {
    return await fs.readFile(path, 'utf8');
  } catch {
    problems.push(
      error(
        file,
        file === KIOSK_FILE
          ? 'kiosk.yaml is missing or cannot be read: it must sit at the top of the content folder'
          : 'this file cannot be read',
      ),
    );
    return undefined;
  }
}

function error(file: string, message: string): ContentProblem {
  return { severity: 'error', file, message };
}

/** Forward slashes work on every system Electron runs on, so the loader needs no `node:path`. */
export function joinPath(...parts: string[]): string {
  return parts
    .map((part, index) => (index === 0 ? part.replace(/[\\/]+$/, '') : part.replace(/^[\\/]+|[\\/]+$/g, '')))
    .join('/');
}
