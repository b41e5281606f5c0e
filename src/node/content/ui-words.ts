import type { ContentProblem } from '../../shared/content';
import { canonicalLanguage, englishLanguageName, isKnownLanguage } from '../../shared/languages';
import {
  baseLanguage,
  BUILT_IN_WORD_LANGUAGES,
  FALLBACK_WORD_LANGUAGE,
  isOwnSource,
  UI_WORD_KEYS,
  UI_WORDS,
  wordSources,
  type PluralText,
  type UiWordKey,
  type UiWordOverrides,
} from '../../shared/ui-words';
import { readFailure } from './file-system';
import { error, isEditorLeftover, KIOSK_FILE, MAX_FOLDER_ENTRIES, warning } from './files';
import type { ContentFolder } from './folder';
import { uiWordsFileSchema, type UiWordsFile } from './schema';
import { validate, type FileKind } from './validate';
import { parseLocatedYaml } from './yaml-source';

/** The folder of staff words: `ui/de.yaml` holds German words for the buttons and messages. */
export const UI_FOLDER = 'ui';

const UI_KIND: FileKind = { owner: 'a word with plural forms', settings: 'ui' };
const WORDS_FILE = /^(.+)\.ya?ml$/i;

export type StaffWords = Record<string, UiWordOverrides>;

/**
 * Reads the staff's own words for the kiosk's buttons and messages: `ui/<language>.yaml` for each
 * language the kiosk offers (its base language's file too: `ui/pt.yaml` serves `pt-BR`), and
 * `ui/en.yaml`, since English is what any word a language lacks falls back to. Every file is read
 * as kiosk.yaml is: bounded in size and depth, each mistake located. Then says, for each language
 * offered, which words it has none of its own for, and what shows instead.
 */
export async function loadUiWords(
  folder: ContentFolder,
  languages: readonly string[],
  problems: ContentProblem[],
): Promise<StaffWords> {
  const wanted = new Set([...languages, ...languages.map(baseLanguage), FALLBACK_WORD_LANGUAGE]);
  const words: StaffWords = {};
  const seen = new Map<string, string>();
  for (const name of await listWordFiles(folder, problems)) {
    const file = `${UI_FOLDER}/${name}`;
    const match = WORDS_FILE.exec(name);
    const code = match?.[1] === undefined ? undefined : canonicalLanguage(match[1]);
    if (code === undefined || !isKnownLanguage(code)) {
      problems.push(
        warning(
          file,
          match === null
            ? 'is not a words file, so it is not read: name each file after its language, such as de.yaml for German'
            : `"${match[1] ?? ''}" is not a language code, so this file is not read: name it after its language, such as de.yaml for German`,
        ),
      );
      continue;
    }
    const twin = seen.get(code);
    if (twin !== undefined) {
      problems.push(
        error(
          file,
          `gives ${englishLanguageName(code)} words again, after ${twin}: keep one of the two files`,
        ),
      );
      continue;
    }
    seen.set(code, file);
    if (!wanted.has(code)) {
      problems.push(
        warning(
          file,
          `has words in ${englishLanguageName(code)}, which is not in languages in kiosk.yaml: add ${code} there to use them`,
        ),
      );
      continue;
    }
    const read = await readWordsFile(folder, file, problems);
    if (read !== undefined) words[code] = read;
  }
  for (const language of languages) reportMissingWords(language, words, problems);
  return words;
}

async function listWordFiles(folder: ContentFolder, problems: ContentProblem[]): Promise<string[]> {
  const found = await folder.find(UI_FOLDER);
  if (found.kind === 'missing') return [];
  if (found.kind !== 'folder') {
    problems.push(
      error(
        UI_FOLDER,
        found.kind === 'outside'
          ? 'the ui folder is a shortcut to a folder outside the content folder: put the words files themselves in a folder named "ui"'
          : 'the ui folder cannot be read: "ui" must be a folder next to kiosk.yaml, holding files such as de.yaml',
      ),
    );
    return [];
  }
  try {
    const names = await folder.fs.readdir(`${await folder.realRoot()}/${UI_FOLDER}`, MAX_FOLDER_ENTRIES);
    return names.filter((name) => !isEditorLeftover(name)).sort();
  } catch (thrown) {
    problems.push(
      error(
        UI_FOLDER,
        readFailure(thrown) === 'timeout'
          ? 'the ui folder did not answer: if the content folder is on a network share or a USB stick, check that it is connected'
          : 'the ui folder cannot be read: check that it is an ordinary folder',
      ),
    );
    return [];
  }
}

async function readWordsFile(
  folder: ContentFolder,
  file: string,
  problems: ContentProblem[],
): Promise<UiWordOverrides | undefined> {
  const source = await folder.readText(file, problems);
  if (source === undefined) return undefined;
  const parsed = parseLocatedYaml(source, file);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const given: UiWordsFile | undefined = validate(uiWordsFileSchema, parsed.yaml, file, UI_KIND, problems);
  if (given === undefined) return undefined;
  const words: Partial<Record<UiWordKey, string | PluralText>> = {};
  for (const key of UI_WORD_KEYS) {
    const text = given[UI_WORDS[key].name];
    if (text === undefined) continue;
    // A plural word given as one text is that text for every count.
    words[key] = typeof text === 'string' && 'plural' in UI_WORDS[key] ? { other: text } : text;
  }
  return words as UiWordOverrides;
}

/** Words a language shows in English because neither the kiosk nor the staff give them in it. */
function reportMissingWords(language: string, words: StaffWords, problems: ContentProblem[]): void {
  const sources = wordSources(language);
  const builtIn = new Set<string>(BUILT_IN_WORD_LANGUAGES);
  const missing = UI_WORD_KEYS.filter((key) => {
    const source = sources.find((candidate) =>
      candidate.from === 'staff'
        ? words[candidate.language]?.[key] !== undefined
        : builtIn.has(candidate.language),
    );
    return source !== undefined && !isOwnSource(source, language);
  });
  if (missing.length === 0) return;
  const name = englishLanguageName(language);
  const names = missing.map((key) => UI_WORDS[key].name).join(', ');
  const ownFile = [language, baseLanguage(language)].find((code) => words[code] !== undefined);
  problems.push(
    ownFile === undefined
      ? warning(
          KIOSK_FILE,
          `${name} (${language}) has no built-in words for the kiosk's buttons and messages, so they show in English: to show them in ${name}, add ${UI_FOLDER}/${language}.yaml with these words: ${names}`,
        )
      : warning(
          `${UI_FOLDER}/${ownFile}.yaml`,
          `has no ${name} for ${missing.length === 1 ? 'this word' : `these ${missing.length} words`}, so ${missing.length === 1 ? 'it shows' : 'they show'} in English: ${names}`,
        ),
  );
}
