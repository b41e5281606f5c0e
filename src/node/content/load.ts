import { z } from 'zod';
import type { ContentProblem, ContentState, Deck } from '../../shared/content';
import { describeError } from '../../shared/describe-error';
import { readFailure, type ContentFileSystem } from './file-system';
import { error, KIOSK_FILE } from './files';
import { ContentFolder } from './folder';
import { resolveIncludes } from './include';
import { loadBrand } from './brand';
import { loadNotices } from './load-notices';
import { edition, loadSlides, type SlideSettings } from './load-slides';
import type { KeepPicture } from './pictures';
import { deckRevision } from './revision';
import { kioskFileSchema, languageListSchema, SETTING_DEFAULTS } from './schema';
import { loadUiWords } from './ui-words';
import { KIOSK_KIND, validate } from './validate';
import { parseLocatedYaml } from './yaml-source';

export { KIOSK_FILE, SLIDES_FOLDER } from './files';
export { nodeContentFileSystem, type ContentFileSystem } from './file-system';

const FALLBACK_STANDBY_TITLE = 'Welcome';

export interface LoadOptions {
  /** Given each good picture's bytes as it is checked (the kiosk keeps a copy to serve). */
  readonly keepPicture?: KeepPicture;
  /** The repository checkout the folder is in: where `include:` may reach (include.ts). */
  readonly repositoryRoot?: string;
}

/**
 * Reads a content folder into what the kiosk shows. Never throws for bad content: every problem
 * is returned, located and explained, and whatever is valid is kept (a broken slide is left out,
 * a broken translation falls back to the default language). `deck` is null only when there is
 * nothing valid to show. Whether content with errors is shown at all is the caller's choice.
 *
 * A mistake in kiosk.yaml does not stop the slides being checked: they are read with the
 * settings that could be read, so staff see every problem at once.
 */
export async function loadContent(
  root: string,
  fs: ContentFileSystem,
  options: LoadOptions = {},
): Promise<ContentState> {
  const problems: ContentProblem[] = [];
  const folder = new ContentFolder(root, fs);
  try {
    await folder.realRoot();
  } catch (thrown) {
    return standby(FALLBACK_STANDBY_TITLE, [error('.', unreachable(root, thrown))]);
  }
  const { settings, checkWith, standbyTitle, standbyLanguage, locate } = await loadSettings(folder, problems);
  let common: Omit<ContentState, 'deck' | 'deckRevision' | 'problems'> = {
    standbyTitle,
    ...(standbyLanguage === undefined ? {} : { standbyLanguage }),
    ...(settings?.openingHours === undefined ? {} : { openingHours: settings.openingHours }),
    ...(settings?.timeZone === undefined ? {} : { timeZone: settings.timeZone }),
  };

  const included =
    settings === undefined || settings.include.length === 0
      ? []
      : await resolveIncludes(
          folder,
          settings.include,
          {
            locate,
            ...(options.repositoryRoot === undefined ? {} : { repositoryRoot: options.repositoryRoot }),
          },
          problems,
        );
  const brand =
    settings?.brand === undefined || locate === undefined
      ? undefined
      : await loadBrand(folder, settings.brand, locate, problems, options.keepPicture);
  if (brand !== undefined) common = { ...common, brand };
  if (settings !== undefined) common = { ...common, recordDays: settings.recordDays };
  const slides = await loadSlides(folder, settings ?? checkWith, problems, options.keepPicture, included);
  const notices = await loadNotices(folder, (settings ?? checkWith).languages, problems);
  // Notices show with or without slides: an urgent one matters most when nothing else can show.
  if (notices.length > 0) common = { ...common, notices };
  const uiWords = await loadUiWords(folder, (settings ?? checkWith).languages, problems);
  // With no slides to show, the standby screen still speaks with the staff's words.
  const standbyWords = Object.keys(uiWords).length === 0 ? {} : { uiWords };
  if (!settings)
    return { deck: null, deckRevision: null, ...common, ...standbyWords, problems: sortProblems(problems) };
  const [first, ...others] = settings.languages.map((language) => edition(settings, slides, language));
  if (slides.length === 0 || first === undefined)
    return { deck: null, deckRevision: null, ...common, ...standbyWords, problems: sortProblems(problems) };
  const deck: Deck = {
    ...first,
    ...(Object.keys(uiWords).length === 0 ? {} : { uiWords }),
    idleSeconds: settings.touch.idle_seconds,
    warningSeconds: settings.touch.warning_seconds,
    rotateLanguages: settings.attract.languages === 'rotate' && others.length > 0,
    ...(settings.attract.qr_code === 'show' ? { qrCodeInLoop: true } : {}),
    ...(settings.access === undefined ? {} : { access: settings.access }),
    translations: others,
  };
  return { deck, deckRevision: deckRevision(deck), ...common, problems: sortProblems(problems) };
}

function standby(standbyTitle: string, problems: ContentProblem[]): ContentState {
  return { deck: null, deckRevision: null, standbyTitle, problems };
}

function unreachable(root: string, thrown: unknown): string {
  const reason = readFailure(thrown);
  const where = `the content folder ${root}`;
  if (reason === 'missing')
    return `${where} cannot be found: if it is on a network share or a USB stick, check that it is connected`;
  if (reason === 'timeout')
    return `${where} did not answer: if it is on a network share or a USB stick, check that it is connected`;
  return `${where} cannot be read (${describeError(thrown)})`;
}

const fileOrder = new Intl.Collator('en', { numeric: true });

/** In the order a person reads the folder: the folder, kiosk.yaml, then the slides by name, each from its top. */
function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  const rank = (file: string) => (file === '.' ? 0 : file === KIOSK_FILE ? 1 : 2);
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
export async function loadContentSafely(
  root: string,
  fs: ContentFileSystem,
  options: LoadOptions = {},
): Promise<ContentState> {
  try {
    return await loadContent(root, fs, options);
  } catch (thrown) {
    return standby(FALLBACK_STANDBY_TITLE, [
      error('.', `the content folder could not be read: ${describeError(thrown)}`),
    ]);
  }
}

/** Settings to check the slides with when kiosk.yaml has mistakes: its languages if they can be read. */
const CHECK_DEFAULTS: SlideSettings = {
  languages: [SETTING_DEFAULTS.language],
  attract: {
    seconds_per_slide: SETTING_DEFAULTS.secondsPerSlide,
    languages: SETTING_DEFAULTS.attractLanguages,
  },
};

async function loadSettings(folder: ContentFolder, problems: ContentProblem[]) {
  const source = await folder.readText(KIOSK_FILE, problems);
  if (source === undefined) return { checkWith: CHECK_DEFAULTS, standbyTitle: FALLBACK_STANDBY_TITLE };
  const parsed = parseLocatedYaml(source, KIOSK_FILE);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return { checkWith: CHECK_DEFAULTS, standbyTitle: FALLBACK_STANDBY_TITLE };
  }
  const settings = validate(kioskFileSchema, parsed.yaml, KIOSK_FILE, KIOSK_KIND, problems);
  if (settings === undefined) {
    return { checkWith: checkSettingsOf(parsed.yaml.value), standbyTitle: standbyTitleOf(parsed.yaml.value) };
  }
  const [language] = settings.languages;
  return {
    settings,
    checkWith: settings,
    standbyTitle: settings.title[language] ?? FALLBACK_STANDBY_TITLE,
    standbyLanguage: language,
    locate: (path: readonly PropertyKey[]) => parsed.yaml.locate(path),
  };
}

const languagesOnly = z.object({ languages: languageListSchema }).loose();

/** The languages a kiosk.yaml with mistakes elsewhere still names, to check the translations against. */
function checkSettingsOf(value: unknown): SlideSettings {
  const parsed = languagesOnly.safeParse(value);
  return parsed.success && parsed.data.languages.length > 0
    ? { ...CHECK_DEFAULTS, languages: parsed.data.languages as SlideSettings['languages'] }
    : CHECK_DEFAULTS;
}

/** Even when another setting is wrong, the standby screen should carry the clinic's own title. */
function standbyTitleOf(value: unknown): string {
  const title: unknown =
    typeof value === 'object' && value !== null ? (value as { title?: unknown }).title : undefined;
  const text: unknown = typeof title === 'object' && title !== null ? Object.values(title)[0] : title;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : FALLBACK_STANDBY_TITLE;
}
