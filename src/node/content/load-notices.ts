import type { ContentProblem, Notice, NoticeText } from '../../shared/content';
import { englishLanguageName } from '../../shared/languages';
import { readFailure } from './file-system';
import { error, MAX_FOLDER_ENTRIES, warning } from './files';
import type { ContentFolder } from './folder';
import { renderMarkdown } from './markdown';
import {
  NOTICE_KIND,
  NOTICE_ONLY_SETTINGS,
  NOTICE_TRANSLATION_KIND,
  noticeFrontMatterSchema,
  noticeTranslationSchema,
} from './notice-schema';
import { classifySlideFiles, readFrontMatterFile, type SlideFileName } from './slide-files';

/**
 * The notices: files in `notices/`, named and translated as slides are (`snow.md`, `snow.es.md`),
 * read through the same content folder with the same limits. The folder is optional. A notice
 * with a mistake is left out and its problem told, as a slide's is; the slides are never affected.
 */

export const NOTICES_FOLDER = 'notices';
/** More notices than this at once would be noise, not notice: the first ones by name are read. */
export const MAX_NOTICES = 10;

const NO_FRONT_MATTER =
  'this notice has no front matter: start the file with a line of three dashes (---), then the title: and level: lines, then another line of ---';

export async function loadNotices(
  folder: ContentFolder,
  languages: readonly string[],
  problems: ContentProblem[],
): Promise<Notice[]> {
  const names = await listNotices(folder, problems);
  if (names === undefined) return [];
  const files = classifySlideFiles(names, languages);
  const originals = files.filter((file) => file.language === undefined);
  if (originals.length > MAX_NOTICES) {
    problems.push(
      error(
        NOTICES_FOLDER,
        `there are ${originals.length} notices, more than the ${MAX_NOTICES} the kiosk shows: it shows the first ${MAX_NOTICES} by name; delete the ones that are over`,
      ),
    );
  }
  const translations = files.filter((file) => file.language !== undefined);
  for (const translation of translations) {
    if (!languages.includes(translation.language ?? '')) {
      problems.push(
        warning(
          `${NOTICES_FOLDER}/${translation.name}`,
          `is a translation into ${englishLanguageName(translation.language ?? '')}, which is not in languages in kiosk.yaml: add ${translation.language ?? ''} there to show it`,
        ),
      );
    } else if (!originals.some((original) => original.id === translation.id)) {
      problems.push(
        error(
          `${NOTICES_FOLDER}/${translation.name}`,
          `translates ${NOTICES_FOLDER}/${translation.id}.md, which does not exist: give the translation the same name as its notice, with .${translation.language ?? ''} before .md`,
        ),
      );
    }
  }
  const loaded = await Promise.all(
    originals.slice(0, MAX_NOTICES).map(async (file) => {
      const own: ContentProblem[] = [];
      return { notice: await loadNotice(folder, file, translations, languages, own), own };
    }),
  );
  const notices: Notice[] = [];
  for (const { notice, own } of loaded) {
    problems.push(...own);
    if (notice) notices.push(notice);
  }
  return notices;
}

/** The names in `notices/`; none when there is no such folder, which is usual. */
async function listNotices(folder: ContentFolder, problems: ContentProblem[]): Promise<string[] | undefined> {
  const found = await folder.find(NOTICES_FOLDER);
  if (found.kind === 'missing') return undefined;
  if (found.kind === 'folder') {
    try {
      return await folder.fs.readdir(`${await folder.realRoot()}/${NOTICES_FOLDER}`, MAX_FOLDER_ENTRIES);
    } catch (thrown) {
      problems.push(
        error(
          NOTICES_FOLDER,
          readFailure(thrown) === 'timeout'
            ? 'the notices folder did not answer: if the content folder is on a network share or a USB stick, check that it is connected'
            : 'the notices folder cannot be read: check that it is an ordinary folder',
        ),
      );
      return undefined;
    }
  }
  problems.push(
    error(
      NOTICES_FOLDER,
      found.kind === 'outside'
        ? 'the notices folder is a shortcut to a folder outside the content folder: put the notices themselves in a folder named "notices"'
        : 'the notices folder cannot be read: "notices" must be a folder next to kiosk.yaml',
    ),
  );
  return undefined;
}

async function loadNotice(
  folder: ContentFolder,
  original: SlideFileName,
  translations: readonly SlideFileName[],
  languages: readonly string[],
  problems: ContentProblem[],
): Promise<Notice | undefined> {
  const [defaultLanguage = 'en', ...otherLanguages] = languages;
  const file = `${NOTICES_FOLDER}/${original.name}`;
  const source = await readFrontMatterFile(folder, file, problems, {
    schema: noticeFrontMatterSchema,
    kind: NOTICE_KIND,
    noFrontMatter: NO_FRONT_MATTER,
  });
  if (!source) return undefined;
  const { title, level, from, until, when_closed: whenClosed } = source.frontMatter;
  if (level === 'info' && whenClosed === 'show') {
    problems.push({
      ...warning(file, ''),
      ...source.yaml.locate(['when_closed']),
      message:
        'when_closed: show is for urgent notices: an info band shows only while the slides do, so it is not shown when the kiosk is closed',
    });
  }
  const texts: NoticeText[] = [{ language: defaultLanguage, title, bodyHtml: renderMarkdown(source.body) }];
  for (const language of otherLanguages) {
    const translation = translations.find((name) => name.id === original.id && name.language === language);
    if (!translation) continue;
    const translationFile = `${NOTICES_FOLDER}/${translation.name}`;
    const translated = await readFrontMatterFile(folder, translationFile, problems, {
      schema: noticeTranslationSchema,
      kind: NOTICE_TRANSLATION_KIND,
      noFrontMatter: NO_FRONT_MATTER,
    });
    if (!translated) continue;
    for (const setting of NOTICE_ONLY_SETTINGS) {
      if (translated.frontMatter[setting] === undefined) continue;
      problems.push({
        ...warning(translationFile, ''),
        ...translated.yaml.locateKey([setting]),
        message: `${setting}: is not used in a translation: it is ${file}'s, so set it there, and remove it here`,
      });
    }
    texts.push({ language, title: translated.frontMatter.title, bodyHtml: renderMarkdown(translated.body) });
  }
  for (const language of otherLanguages) {
    if (texts.some((text) => text.language === language)) continue;
    problems.push(
      warning(
        file,
        `has no ${englishLanguageName(language)} translation yet, so it shows in ${englishLanguageName(defaultLanguage)} there: add ${NOTICES_FOLDER}/${original.id}.${language}.md`,
      ),
    );
  }
  return {
    id: original.id,
    level,
    ...(from === undefined ? {} : { from }),
    ...(until === undefined ? {} : { until }),
    whenClosed: whenClosed === 'show',
    texts,
  };
}

/**
 * The notices to show while the folder has errors and the last good content is shown: each notice
 * as it is on disk now, or, where its file has an error, as it last was without one. So deleting
 * a notice takes effect whatever else is wrong in the folder, and a mistake made while editing
 * one leaves its last good version up until it is fixed.
 */
export function noticesToShow(
  loaded: { readonly notices?: readonly Notice[]; readonly problems: readonly ContentProblem[] },
  kept: readonly Notice[] | undefined,
): Notice[] {
  const broken = loaded.problems
    .filter((problem) => problem.severity === 'error' && problem.file.startsWith(`${NOTICES_FOLDER}/`))
    .map((problem) => problem.file.slice(NOTICES_FOLDER.length + 1).toLowerCase());
  // Its own file, or one of its translations (`snow.md`, `snow.es.md`).
  const isBroken = (id: string) =>
    broken.some((name) => name === `${id.toLowerCase()}.md` || name.startsWith(`${id.toLowerCase()}.`));
  const fresh = loaded.notices ?? [];
  const stillBroken = (kept ?? []).filter(
    (notice) => isBroken(notice.id) && !fresh.some((shown) => shown.id === notice.id),
  );
  return [...fresh, ...stillBroken].sort((a, b) => noticeOrder.compare(a.id, b.id));
}

const noticeOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
