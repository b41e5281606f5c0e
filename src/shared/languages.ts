/**
 * Language codes as staff write them (`en`, `es`, `zh-Hant`), checked and named with the `Intl`
 * data every JavaScript runtime carries, so no list of languages is kept by hand.
 */

export const LANGUAGE_CODE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** `EN` and `en` are the same language: codes are compared in their canonical spelling. */
export function canonicalLanguage(code: string): string | undefined {
  if (!LANGUAGE_CODE_PATTERN.test(code)) return undefined;
  try {
    return Intl.getCanonicalLocales(code)[0];
  } catch {
    return undefined;
  }
}

/** True for codes the runtime can name: `sp` (a typo for `es`) is well formed but is no language. */
export function isKnownLanguage(code: string): boolean {
  try {
    return languageNames('en', 'none').of(code) !== undefined;
  } catch {
    return false;
  }
}

/** The language's name in English, for messages to staff: "Spanish". */
export function englishLanguageName(code: string): string {
  return displayName('en', code);
}

/** The language's name in itself, as a patient looks for it: "Español", "中文", "العربية". */
export function nativeLanguageName(code: string): string {
  const name = displayName(code, code);
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

function displayName(inLanguage: string, code: string): string {
  try {
    return languageNames(inLanguage, 'code').of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Making an `Intl.DisplayNames` costs about half a millisecond (its data is loaded each time), and
 * the loader asks once per slide file: each one is made once, for the few languages a kiosk has.
 */
const namers = new Map<string, Intl.DisplayNames>();

function languageNames(inLanguage: string, fallback: 'code' | 'none'): Intl.DisplayNames {
  const key = `${inLanguage} ${fallback}`;
  let namer = namers.get(key);
  if (namer === undefined) {
    namer = new Intl.DisplayNames([inLanguage], { type: 'language', fallback });
    namers.set(key, namer);
  }
  return namer;
}

/** Scripts written from right to left that a clinic might plausibly show. */
const RIGHT_TO_LEFT_SCRIPTS = new Set([
  'Arab',
  'Hebr',
  'Syrc',
  'Thaa',
  'Nkoo',
  'Adlm',
  'Rohg',
  'Mand',
  'Samr',
]);

/** Decided by the language's usual script (ar, fa, ur → Arabic; he, yi → Hebrew), or one the code names. */
export function isRightToLeft(code: string): boolean {
  try {
    const script = new Intl.Locale(code).maximize().script;
    return script !== undefined && RIGHT_TO_LEFT_SCRIPTS.has(script);
  } catch {
    return false;
  }
}
