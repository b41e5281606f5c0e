import type { ContentProblem, LocalizedDeck, ShowTimes, Slide } from '../../shared/content';
import { englishLanguageName } from '../../shared/languages';
import { readFailure } from './file-system';
import { error, MAX_FOLDER_ENTRIES, SLIDES_FOLDER, warning } from './files';
import type { ContentFolder } from './folder';
import { renderMarkdown } from './markdown';
import { loadAudio } from './audio';
import { loadPicture, type KeepPicture } from './pictures';
import { MAX_SLIDES, type KioskSettings } from './schema';
import { checkTextFits } from './text-fit';
import {
  classifySlideFiles,
  compareSlideFiles,
  readSlideFile,
  type SlideFileName,
  type SlideSource,
} from './slide-files';

/** What reading the slides needs of the settings: their languages and the loop's default time. */
export type SlideSettings = Pick<KioskSettings, 'languages' | 'attract'>;

/** The names in the slides folder, or undefined (with a problem) when it cannot be listed. */
async function listSlides(folder: ContentFolder, problems: ContentProblem[]): Promise<string[] | undefined> {
  const found = await folder.find(SLIDES_FOLDER);
  if (found.kind === 'folder') {
    try {
      return await folder.fs.readdir(`${await folder.realRoot()}/${SLIDES_FOLDER}`, MAX_FOLDER_ENTRIES);
    } catch (thrown) {
      problems.push(
        error(
          SLIDES_FOLDER,
          readFailure(thrown) === 'timeout'
            ? 'the slides folder did not answer: if the content folder is on a network share or a USB stick, check that it is connected'
            : 'the slides folder cannot be read: check that it is an ordinary folder',
        ),
      );
      return undefined;
    }
  }
  problems.push(
    error(
      SLIDES_FOLDER,
      found.kind === 'missing'
        ? 'the slides folder is missing: create a folder named "slides" next to kiosk.yaml'
        : found.kind === 'outside'
          ? 'the slides folder is a shortcut to a folder outside the content folder: put the slides themselves in a folder named "slides"'
          : 'the slides folder cannot be read: "slides" must be a folder next to kiosk.yaml',
    ),
  );
  return undefined;
}

/** One slide in every language it has, the default language first. */
export interface LoadedSlide {
  readonly original: Slide;
  readonly translated: ReadonlyMap<string, Slide>;
}

/** Where a slide file comes from: the content folder itself (label '') or a shared folder (`../common/`). */
interface SlideOrigin {
  readonly folder: ContentFolder;
  readonly label: string;
}

interface FoundSlideFile extends SlideFileName {
  readonly origin: SlideOrigin;
}

/** A problem of a shared folder's file, named as staff find it from kiosk.yaml: `../common/slides/...`. */
function relabel(problem: ContentProblem, label: string): ContentProblem {
  return label === '' ? problem : { ...problem, file: `${label}${problem.file}` };
}

/**
 * The slides, in file-name order, each in every language it has: the content folder's own and
 * those of its shared folders (include.ts), where a slide of the folder itself replaces a shared
 * one of the same name. Only the first {@link MAX_SLIDES} are read: a folder of thousands of files
 * costs a listing, nothing more.
 */
export async function loadSlides(
  folder: ContentFolder,
  settings: SlideSettings,
  problems: ContentProblem[],
  keep?: KeepPicture,
  included: readonly SlideOrigin[] = [],
): Promise<LoadedSlide[]> {
  const origins: SlideOrigin[] = [{ folder, label: '' }, ...included];
  const files: FoundSlideFile[] = [];
  let listed = false;
  for (const origin of origins) {
    // A site may show shared slides only, with no slides folder of its own.
    const sharedOnly = origin.folder === folder && included.length > 0;
    if (sharedOnly && (await folder.find(SLIDES_FOLDER)).kind === 'missing') continue;
    const own: ContentProblem[] = [];
    const names = await listSlides(origin.folder, own);
    problems.push(...own.map((problem) => relabel(problem, origin.label)));
    if (names === undefined) continue;
    listed = true;
    const taken = new Set(files.filter((file) => file.language === undefined).map((file) => file.id));
    for (const file of classifySlideFiles(names, settings.languages)) {
      // The content folder's own slide (or an earlier shared folder's) replaces a shared one of
      // the same name, with its translations.
      if (!taken.has(file.id)) files.push({ ...file, origin });
    }
  }
  if (!listed) return [];
  files.sort(compareSlideFiles);

  const allOriginals = files.filter((file) => file.language === undefined);
  if (allOriginals.length === 0) {
    problems.push(
      error(SLIDES_FOLDER, 'there are no slides: add at least one file ending in .md to the slides folder'),
    );
    return [];
  }
  const originals = allOriginals.slice(0, MAX_SLIDES);
  if (allOriginals.length > MAX_SLIDES) {
    const firstLeftOut = allOriginals[MAX_SLIDES];
    problems.push(
      error(
        SLIDES_FOLDER,
        `there are ${allOriginals.length >= MAX_FOLDER_ENTRIES ? 'thousands of' : allOriginals.length} slides, more than the ${MAX_SLIDES} the kiosk can show: it shows the first ${MAX_SLIDES} and leaves out ${firstLeftOut === undefined ? '' : `${firstLeftOut.origin.label}${firstLeftOut.name}`} and the ones after it; remove some, or move them out of the slides folder`,
      ),
    );
  }
  const shown = new Set(originals.map((file) => file.id));

  // The slides are read side by side, not one file after another: the file system answers each
  // read in its own time. Each slide keeps its own problems, told in file order all the same.
  const loaded = await Promise.all(
    originals.map(async (file) => {
      const own: ContentProblem[] = [];
      const translations = files.filter(
        (other) => other.language !== undefined && other.origin === file.origin && other.id === file.id,
      );
      const slide = await loadSlide(file.origin.folder, file, translations, settings, own, keep);
      return { slide, own: own.map((problem) => relabel(problem, file.origin.label)) };
    }),
  );
  for (const origin of origins) {
    const own: ContentProblem[] = [];
    const originFiles = files.filter((file) => file.origin === origin);
    const originOriginals = originFiles.filter((file) => file.language === undefined);
    const translations = originFiles.filter(
      (file) =>
        file.language !== undefined && (shown.has(file.id) || !originOriginals.some((o) => o.id === file.id)),
    );
    checkTranslationNames(translations, originOriginals, settings.languages, own);
    problems.push(...own.map((problem) => relabel(problem, origin.label)));
  }
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
  folder: ContentFolder,
  original: SlideFileName,
  translations: readonly SlideFileName[],
  settings: SlideSettings,
  problems: ContentProblem[],
  keep: KeepPicture | undefined,
): Promise<LoadedSlide | undefined> {
  const [defaultLanguage, ...otherLanguages] = settings.languages;
  const file = `${SLIDES_FOLDER}/${original.name}`;
  const source = await readSlideFile(folder, file, problems);
  if (!source) return undefined;
  const image = await fileOf('image', folder, file, source, problems, keep);
  const slide = toSlide(original.id, defaultLanguage, source, {
    image,
    seconds: source.frontMatter.seconds ?? settings.attract.seconds_per_slide,
    show: source.frontMatter.show,
    link: source.frontMatter.link,
    audio: await fileOf('audio', folder, file, source, problems, keep),
  });
  checkLinkText(file, source, slide, problems);
  checkFit(file, source, slide, problems);

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
    const translationSource = await readSlideFile(folder, translationFile, problems);
    if (!translationSource) continue;
    if (translationSource.frontMatter.show !== undefined) {
      problems.push({
        ...warning(translationFile, ''),
        ...translationSource.yaml.locateKey(['show']),
        message: `show: is not used in a translation: it is shown whenever ${file} is, so set show: there, and remove it here`,
      });
    }
    // Whatever a translation leaves out (its picture, its time) is the original's.
    const ownImage = translationSource.frontMatter.image === undefined;
    translated.set(
      language,
      toSlide(original.id, language, translationSource, {
        image: ownImage
          ? slide.image
          : await fileOf('image', folder, translationFile, translationSource, problems, keep),
        seconds: translationSource.frontMatter.seconds ?? slide.seconds,
        show: slide.show,
        // The page in the translation's language where it gives one, else the slide's.
        link: translationSource.frontMatter.link ?? slide.link,
        // A recording is in its own file's language: a translation without one is read by the computer.
        audio: await fileOf('audio', folder, translationFile, translationSource, problems, keep),
      }),
    );
    checkLinkText(translationFile, translationSource, translated.get(language), problems);
    checkFit(translationFile, translationSource, translated.get(language), problems);
  }
  return { original: slide, translated };
}

/** The file a slide names in `setting` (its picture or its recording), checked and kept; undefined if none. */
async function fileOf(
  setting: 'image' | 'audio',
  folder: ContentFolder,
  file: string,
  source: SlideSource,
  problems: ContentProblem[],
  keep: KeepPicture | undefined,
): Promise<string | undefined> {
  const path = source.frontMatter[setting];
  if (path === undefined) return undefined;
  const load = setting === 'image' ? loadPicture : loadAudio;
  return load(folder, path, { file, ...source.yaml.locate([setting]) }, problems, keep);
}

function toSlide(
  id: string,
  language: string,
  source: SlideSource,
  {
    image,
    seconds,
    show,
    link,
    audio,
  }: {
    image: string | undefined;
    seconds: number;
    show: ShowTimes | undefined;
    link: string | undefined;
    audio?: string | undefined;
  },
): Slide {
  // A link's text is in its file's language: a translation without one shows none of the slide's.
  const linkText = link === undefined ? undefined : source.frontMatter.link_text;
  return {
    id,
    language,
    title: source.frontMatter.title,
    summary: source.frontMatter.summary,
    ...(image === undefined ? {} : { image }),
    seconds,
    bodyHtml: renderMarkdown(source.body),
    ...(show === undefined ? {} : { show }),
    ...(link === undefined ? {} : { link }),
    ...(linkText === undefined ? {} : { linkText }),
    ...(audio === undefined ? {} : { audio }),
  };
}

/** Staff hear of a title and summary too long for some screen, where the title is written. */
function checkFit(
  file: string,
  source: SlideSource,
  slide: Slide | undefined,
  problems: ContentProblem[],
): void {
  if (slide === undefined) return;
  const text = { ...slide, hasPicture: slide.image !== undefined, hasLink: slide.link !== undefined };
  const problem = checkTextFits(file, text, slide.language, source.yaml.locate(['title']));
  if (problem !== undefined) problems.push(problem);
}

/** A link's text with no link to go with it shows nowhere: say so. */
function checkLinkText(
  file: string,
  source: SlideSource,
  slide: Slide | undefined,
  problems: ContentProblem[],
): void {
  if (source.frontMatter.link_text === undefined || slide?.link !== undefined) return;
  problems.push({
    ...warning(
      file,
      'link_text has no link to go with it, so it is not shown: add a line such as "link: https://example.org/back-pain", or remove link_text',
    ),
    ...source.yaml.locate(['link_text']),
  });
}

/** The deck in one language: each slide's translation where it has one, its own text otherwise. */
export function edition(
  settings: KioskSettings,
  slides: readonly LoadedSlide[],
  language: string,
): LocalizedDeck {
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
