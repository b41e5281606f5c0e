import { describeError } from '../../shared/describe-error';
import {
  error,
  joinPath,
  KIOSK_FILE,
  readContentText,
  SLIDES_FOLDER,
  warning,
  type ContentFileSystem,
} from './files';
import { englishLanguageName } from '../../shared/languages';
import { renderMarkdown } from './markdown';
import { loadPicture } from './pictures';
import { kioskFileSchema, MAX_SLIDES, type KioskSettings } from './schema';
import { classifySlideFiles, readSlideFile, type SlideFileName, type SlideSource } from './slide-files';
import type { ContentProblem, ContentState, Deck, LocalizedDeck, Slide } from '../../shared/content';
import { KIOSK_KIND, validate } from './validate';
import { deckRevision } from './revision';
import { parseLocatedYaml } from './yaml-source';

export { joinPath, KIOSK_FILE, SLIDES_FOLDER, type ContentFileSystem } from './files';

const FALLBACK_STANDBY_TITLE = 'Welcome';

/**
 * Reads a content folder into what the kiosk shows. Never throws for bad content: every problem
 * is returned, located and explained, and whatever is valid is kept (a broken slide is left out,
 * a broken translation falls back to the default language). `deck` is null only when there is
 * nothing valid to show. Whether content with errors is shown at all is the caller's choice.
 */
export async function loadContent(root: string, fs: ContentFileSystem): Promise<ContentState> {
  const problems: ContentProblem[] = [];
  const { settings, standbyTitle, standbyLanguage } = await loadSettings(root, fs, problems);
  const common = {
    standbyTitle,
    ...(standbyLanguage === undefined ? {} : { standbyLanguage }),
    ...(settings?.openingHours === undefined ? {} : { openingHours: settings.openingHours }),
    ...(settings?.timeZone === undefined ? {} : { timeZone: settings.timeZone }),
  };
  if (!settings) return { deck: null, deckRevision: null, ...common, problems: sortProblems(problems) };

  const slides = await loadSlides(root, fs, settings, problems);
  const [first, ...others] = settings.languages.map((language) => edition(settings, slides, language));
  if (slides.length === 0 || first === undefined)
    return { deck: null, deckRevision: null, ...common, problems: sortProblems(problems) };
  const deck: Deck = {
    ...first,
    idleSeconds: settings.touch.idle_seconds,
    warningSeconds: settings.touch.warning_seconds,
    rotateLanguages: settings.attract.languages === 'rotate' && others.length > 0,
    translations: others,
  };
  return { deck, deckRevision: deckRevision(deck), ...common, problems: sortProblems(problems) };
}

const fileOrder = new Intl.Collator('en', { numeric: true });

/** In the order a person reads the folder: kiosk.yaml, then the slides by name, each from its top. */
function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  const rank = (file: string) => (file === KIOSK_FILE ? 0 : 1);
  return [...problems].sort(
    (a, b) =>
      rank(a.file) - rank(b.file) ||
      fileOrder.compare(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

/**
 * {@link loadContent} for callers that must never fail: whatever it throws (a file system that
 * misbehaves) becomes a calm standby state with one problem saying so.
 */
export async function loadContentSafely(root: string, fs: ContentFileSystem): Promise<ContentState> {
  try {
    return await loadContent(root, fs);
  } catch (thrown) {
    return {
      deck: null,
      deckRevision: null,
      standbyTitle: FALLBACK_STANDBY_TITLE,
      problems: [error('.', `the content folder could not be read: ${describeError(thrown)}`)],
    };
  }
}

async function loadSettings(root: string, fs: ContentFileSystem, problems: ContentProblem[]) {
  const source = await readContentText(fs, root, KIOSK_FILE, problems);
  if (source === undefined) return { standbyTitle: FALLBACK_STANDBY_TITLE };
  const parsed = parseLocatedYaml(source, KIOSK_FILE);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return { standbyTitle: FALLBACK_STANDBY_TITLE };
  }
  const settings = validate(kioskFileSchema, parsed.yaml, KIOSK_FILE, KIOSK_KIND, problems);
  if (settings === undefined) return { standbyTitle: standbyTitleOf(parsed.yaml.value) };
  const [language] = settings.languages;
  return {
    settings,
    standbyTitle: settings.title[language] ?? FALLBACK_STANDBY_TITLE,
    standbyLanguage: language,
  };
}

/** Even when another setting is wrong, the standby screen should carry the clinic's own title. */
function standbyTitleOf(value: unknown): string {
  const title: unknown =
    typeof value === 'object' && value !== null ? (value as { title?: unknown }).title : undefined;
  const text: unknown = typeof title === 'object' && title !== null ? Object.values(title)[0] : title;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : FALLBACK_STANDBY_TITLE;
}

/** One slide in every language it has, the default language first. */
interface LoadedSlide {
  readonly original: Slide;
  readonly translated: ReadonlyMap<string, Slide>;
}

async function loadSlides(
  root: string,
  fs: ContentFileSystem,
  settings: KioskSettings,
  problems: ContentProblem[],
): Promise<LoadedSlide[]> {
  let names: string[];
  try {
    names = await fs.readdir(joinPath(root, SLIDES_FOLDER));
  } catch {
    problems.push(
      error(SLIDES_FOLDER, 'the slides folder is missing: create a folder named "slides" next to kiosk.yaml'),
    );
    return [];
  }

  const files = classifySlideFiles(names, settings.languages);
  const originals = files.filter((file) => file.language === undefined);
  if (originals.length === 0) {
    problems.push(
      error(SLIDES_FOLDER, 'there are no slides: add at least one file ending in .md to the slides folder'),
    );
    return [];
  }
  if (originals.length > MAX_SLIDES) {
    problems.push(
      error(
        SLIDES_FOLDER,
        `there are ${originals.length} slides, more than the ${MAX_SLIDES} the kiosk can show: remove some, or move them out of the slides folder`,
      ),
    );
  }
  const translations = files.filter((file) => file.language !== undefined);
  checkTranslationNames(translations, originals, settings.languages, problems);

  // The slides are read side by side, not one file after another: the file system answers each
  // read in its own time. Each slide keeps its own problems, told in file order all the same.
  const loaded = await Promise.all(
    originals.map(async (file) => {
      const own: ContentProblem[] = [];
      return { slide: await loadSlide(root, fs, file, translations, settings, own), own };
    }),
  );
  const slides: LoadedSlide[] = [];
  for (const { slide, own } of loaded) {
    problems.push(...own);
    if (slide) slides.push(slide);
  }
  return slides;
}

/** Translations that can never show: named for the default language, a language not offered, or no slide. */
function checkTranslationNames(
  translations: readonly SlideFileName[],
  originals: readonly SlideFileName[],
  languages: readonly string[],
  problems: ContentProblem[],
): void {
  const [defaultLanguage] = languages;
  for (const { name, id, language = '' } of translations) {
    const file = `${SLIDES_FOLDER}/${name}`;
    const original = `${SLIDES_FOLDER}/${id}.md`;
    if (language === defaultLanguage) {
      problems.push(
        error(
          file,
          `is named as a translation into ${englishLanguageName(language)}, the default language: the default language's text belongs in ${original}`,
        ),
      );
    } else if (!languages.includes(language)) {
      problems.push(
        warning(
          file,
          `is a translation into ${englishLanguageName(language)}, which is not in languages in kiosk.yaml: add ${language} there to show it`,
        ),
      );
    } else if (!originals.some((slide) => slide.id === id)) {
      problems.push(
        error(
          file,
          `translates ${original}, which does not exist: give the translation the same name as its slide, with .${language} before .md`,
        ),
      );
    }
  }
}

async function loadSlide(
  root: string,
  fs: ContentFileSystem,
  original: SlideFileName,
  translations: readonly SlideFileName[],
  settings: KioskSettings,
  problems: ContentProblem[],
): Promise<LoadedSlide | undefined> {
  const [defaultLanguage, ...otherLanguages] = settings.languages;
  const file = `${SLIDES_FOLDER}/${original.name}`;
  const source = await readSlideFile(root, fs, file, problems);
  if (!source) return undefined;
  const image = await imageOf(root, fs, file, source, problems);
  const slide = toSlide(original.id, defaultLanguage, source, {
    image,
    seconds: source.frontMatter.seconds ?? settings.attract.seconds_per_slide,
  });

  const translated = new Map<string, Slide>();
  for (const language of otherLanguages) {
    const translation = translations.find((name) => name.id === original.id && name.language === language);
    if (!translation) {
      problems.push(
        warning(
          file,
          `has no ${englishLanguageName(language)} translation yet, so it shows in ${englishLanguageName(defaultLanguage)} there: add ${SLIDES_FOLDER}/${original.id}.${language}.md`,
        ),
      );
      continue;
    }
    const translationFile = `${SLIDES_FOLDER}/${translation.name}`;
    const translationSource = await readSlideFile(root, fs, translationFile, problems);
    if (!translationSource) continue;
    // Whatever a translation leaves out (its picture, its time) is the original's.
    const ownImage = translationSource.frontMatter.image === undefined;
    translated.set(
      language,
      toSlide(original.id, language, translationSource, {
        image: ownImage ? slide.image : await imageOf(root, fs, translationFile, translationSource, problems),
        seconds: translationSource.frontMatter.seconds ?? slide.seconds,
      }),
    );
  }
  return { original: slide, translated };
}

async function imageOf(
  root: string,
  fs: ContentFileSystem,
  file: string,
  source: SlideSource,
  problems: ContentProblem[],
): Promise<string | undefined> {
  const { image } = source.frontMatter;
  if (image === undefined) return undefined;
  return loadPicture(root, fs, image, { file, ...source.yaml.locate(['image']) }, problems);
}

function toSlide(
  id: string,
  language: string,
  source: SlideSource,
  { image, seconds }: { image: string | undefined; seconds: number },
): Slide {
  return {
    id,
    language,
    title: source.frontMatter.title,
    summary: source.frontMatter.summary,
    ...(image === undefined ? {} : { image }),
    seconds,
    bodyHtml: renderMarkdown(source.body),
  };
}

function edition(settings: KioskSettings, slides: readonly LoadedSlide[], language: string): LocalizedDeck {
  const subtitle = settings.subtitle?.[language];
  const disclaimer = settings.disclaimer?.[language];
  return {
    language,
    title: settings.title[language] ?? '',
    ...(subtitle === undefined ? {} : { subtitle }),
    ...(disclaimer === undefined ? {} : { disclaimer }),
    slides: slides.map((slide) => slide.translated.get(language) ?? slide.original),
  };
}
