/**
 * The kiosk's own words (its buttons and messages): which there are, the name staff give each in
 * `ui/<language>.yaml`, and where each comes from for a language. The words themselves are in the
 * page's tables (src/renderer/src/i18n/); the content loader reads the staff's, and both use
 * {@link wordSources} so that `content:check` tells exactly what the screen will show.
 */

export interface WordSpec {
  /** The word's name in a staff file: snake_case, as every other setting. */
  readonly name: string;
  /** One text per plural form of the language (Intl.PluralRules), for a number in it. */
  readonly plural?: true;
  /** The `{names}` filled in with numbers. */
  readonly fills?: readonly string[];
}

export const UI_WORDS = {
  touchToLearnMore: { name: 'touch_to_learn_more' },
  previous: { name: 'previous' },
  next: { name: 'next' },
  allTopics: { name: 'all_topics' },
  learnMore: { name: 'learn_more' },
  close: { name: 'close' },
  backToStart: { name: 'back_to_start' },
  stillThere: { name: 'still_there' },
  returningIn: { name: 'returning_in', plural: true, fills: ['count'] },
  stayHere: { name: 'stay_here' },
  slideOf: { name: 'slide_of', fills: ['current', 'count'] },
  slideProgress: { name: 'slide_progress', fills: ['current', 'count'] },
  chooseTopic: { name: 'choose_topic' },
  language: { name: 'language' },
  standby: { name: 'standby' },
  notice: { name: 'notice' },
  scanToRead: { name: 'scan_to_read' },
  qrCode: { name: 'qr_code' },
  listen: { name: 'listen' },
  repeat: { name: 'repeat' },
  louder: { name: 'louder' },
  quieter: { name: 'quieter' },
  largerText: { name: 'larger_text' },
  highContrast: { name: 'high_contrast' },
  readingHelp: { name: 'reading_help' },
  inviteToListen: { name: 'invite_to_listen' },
  noVoice: { name: 'no_voice' },
  listenFailed: { name: 'listen_failed' },
} as const satisfies Record<string, WordSpec>;

export type UiWordKey = keyof typeof UI_WORDS;

export const UI_WORD_KEYS = Object.keys(UI_WORDS) as UiWordKey[];

/** A word that holds a number: its text for each plural form the language has, `other` always. */
export type PluralText = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;

/** Every word, in one language. */
export type UiWords = {
  readonly [Key in UiWordKey]: (typeof UI_WORDS)[Key] extends { plural: true } ? PluralText : string;
};

/** Some words, in one language: what a staff file gives. */
export type UiWordOverrides = Partial<UiWords>;

/**
 * The languages the page has all the words for, by their base code (`pt` serves `pt-BR`; `zh`,
 * in simplified characters, serves every Chinese; `fil` is Filipino, which `tl`, Tagalog, is
 * written as). src/renderer/src/i18n/index.ts has one table for each, and a test keeps the two
 * lists the same.
 */
export const BUILT_IN_WORD_LANGUAGES = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'nl',
  'pl',
  'ar',
  'zh',
  'vi',
  'uk',
  'ru',
  'tr',
  'hi',
  'fil',
] as const;

/** English: the language every other falls back to, word by word. */
export const FALLBACK_WORD_LANGUAGE = 'en';

export interface WordSource {
  readonly from: 'staff' | 'built-in';
  readonly language: string;
}

/** `pt-BR` → `pt`: the language a regional or script code belongs to. */
export function baseLanguage(code: string): string {
  return (code.split('-')[0] ?? code).toLowerCase();
}

/**
 * Where each word for `language` is looked for, first found wins: the staff's words for the
 * language itself (`ui/pt-BR.yaml`), then for its base language (`ui/pt.yaml`), then the built-in
 * words of its base language, then English (the staff's, then the built-in ones).
 */
export function wordSources(language: string): WordSource[] {
  const base = baseLanguage(language);
  const sources: WordSource[] = [{ from: 'staff', language }];
  if (base !== language) sources.push({ from: 'staff', language: base });
  if ((BUILT_IN_WORD_LANGUAGES as readonly string[]).includes(base))
    sources.push({ from: 'built-in', language: base });
  if (base !== FALLBACK_WORD_LANGUAGE) {
    sources.push(
      { from: 'staff', language: FALLBACK_WORD_LANGUAGE },
      { from: 'built-in', language: FALLBACK_WORD_LANGUAGE },
    );
  }
  return sources;
}

/** True when a source gives words in `language` itself, not in the English fallback. */
export function isOwnSource(source: WordSource, language: string): boolean {
  return baseLanguage(source.language) === baseLanguage(language);
}
