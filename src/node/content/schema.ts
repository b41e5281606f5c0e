import { z } from 'zod';
import { canonicalLanguage, englishLanguageName, isKnownLanguage } from '../../shared/languages';
import { MAX_LINK_BYTES } from '../../shared/links';
import { UI_WORD_KEYS, UI_WORDS, type PluralText, type WordSpec } from '../../shared/ui-words';
import { scheduleSchema, toWeeklyHours } from '../time/opening-hours';
import { timeZoneSchema } from '../time/wall-clock';
import { ACCESSIBILITY_SETTINGS, accessibilitySchema } from './accessibility-schema';
import { includeSchema } from './include-schema';
import { BRAND_SETTINGS, brandSchema } from './brand-schema';
import { SHOW_SETTINGS, showSchema } from './show-schema';

/**
 * The schema of the files clinic staff edit. Keys are snake_case because people type them by
 * hand in YAML; the renderer receives the camelCase {@link Deck} built from them.
 * Strict objects: a misspelt key is an error, not a silently ignored setting.
 * Messages leave out the setting's name: the loader puts it in front, with where it is.
 */

const seconds = (min: number, max: number) =>
  z
    .number({ error: `must be a number of seconds from ${min} to ${max}` })
    .min(min, { error: `must be at least ${min} seconds` })
    .max(max, { error: `must be at most ${max} seconds` });

const text = z
  .string({ error: 'must be text: if it is a number or yes/no, put it in quotes' })
  .trim()
  .min(1, { error: 'is empty: write the text after the colon, or remove the line' });

/** Text staff write after a setting's colon (a title, a summary), for the other files' schemas. */
export const textSchema = text;

const languageCode = z
  .string({ error: 'must be a language code such as en or es' })
  .refine((code) => canonicalLanguage(code) !== undefined && isKnownLanguage(code), {
    error: (issue) =>
      `"${String(issue.input)}" is not a language code: use a code such as en (English), es (Spanish), fr (French), zh (Chinese) or ar (Arabic)`,
  })
  .transform((code) => canonicalLanguage(code) ?? code);

/** A plain string is the default language's text; a map gives one text per language. */
const localizedText = z.union([text, z.record(z.string(), text)], {
  error: 'must be text, or one text per language such as {en: Welcome, es: Bienvenido}',
});

export const MAX_LANGUAGES = 6;
export const MAX_SLIDES = 20;

/** `languages:` in kiosk.yaml: the first is the default language. */
export const languageListSchema = z
  .array(languageCode, { error: 'must be a list of language codes such as [en, es]' })
  .min(1, { error: 'is empty: list at least one language, such as [en]' })
  .max(MAX_LANGUAGES, { error: `lists too many languages: the kiosk offers at most ${MAX_LANGUAGES}` });

export const SETTING_DEFAULTS = {
  secondsPerSlide: 10,
  idleSeconds: 60,
  warningSeconds: 10,
  language: 'en',
  attractLanguages: 'default',
} as const;

const attractSchema = z.strictObject({
  seconds_per_slide: seconds(2, 600).default(SETTING_DEFAULTS.secondsPerSlide),
  languages: z
    .enum(['default', 'rotate'], {
      error: 'must be rotate (each slide in every language in turn) or default (the default language only)',
    })
    .default(SETTING_DEFAULTS.attractLanguages),
  /** Left out, or hide: a slide's QR code shows once a patient touches the screen, not in the loop. */
  qr_code: z
    .enum(['show', 'hide'], {
      error: 'must be show (QR codes in the loop too) or hide (only once a patient touches the screen)',
    })
    .optional(),
});

const touchSchema = z.strictObject({
  idle_seconds: seconds(5, 3600).default(SETTING_DEFAULTS.idleSeconds),
  warning_seconds: seconds(0, 60)
    .int({ error: 'must be a whole number of seconds' })
    .default(SETTING_DEFAULTS.warningSeconds),
});

export const DEFAULT_RECORD_DAYS = 90;

const recordsSchema = z.strictObject({
  keep_days: z
    .number({ error: 'must be a number of days from 0 (keep no record) to 730' })
    .int({ error: 'must be a whole number of days' })
    .min(0, { error: 'must be 0 (keep no record) or more' })
    .max(730, { error: 'must be at most 730 days (two years)' })
    .default(DEFAULT_RECORD_DAYS),
});

const TEXT_SETTINGS = ['title', 'subtitle', 'disclaimer'] as const;
type TextSetting = (typeof TEXT_SETTINGS)[number];

const kioskFileShape = z.strictObject({
  title: localizedText,
  subtitle: localizedText.optional(),
  disclaimer: localizedText.optional(),
  language: languageCode.optional(),
  languages: languageListSchema.optional(),
  attract: attractSchema.prefault({}),
  touch: touchSchema.prefault({}),
  /** Opening hours (see src/node/time/opening-hours.ts); without them the kiosk is always open. */
  schedule: scheduleSchema.optional(),
  timezone: timeZoneSchema.optional(),
  /** Folders of shared slides in the same repository (see include.ts). */
  include: includeSchema.optional(),
  /** The clinic's logo, colours and font (brand-schema.ts). */
  brand: brandSchema.optional(),
  /** How long the record of what was shown and how it was used is kept. */
  records: recordsSchema.prefault({}),
  /** Listen, its volume, the loop's invitation to listen, and motion (accessibility-schema.ts). */
  accessibility: accessibilitySchema.optional(),
});

type KioskFileShape = z.output<typeof kioskFileShape>;

export const kioskFileSchema = kioskFileShape
  .superRefine((file, context) => {
    const languages = languagesOf(file);
    if (file.languages !== undefined && file.language !== undefined && file.language !== languages[0]) {
      context.addIssue({
        code: 'custom',
        path: ['language'],
        message: `disagrees with languages, whose first entry is the default language: remove the language: line`,
      });
    }
    const seen = new Set<string>();
    file.languages?.forEach((code, index) => {
      if (seen.has(code)) {
        context.addIssue({
          code: 'custom',
          path: ['languages', index],
          message: `${code} is listed twice: keep it once`,
        });
      }
      seen.add(code);
    });
    for (const setting of TEXT_SETTINGS) checkLocalizedText(file, setting, languages, context);
  })
  .transform((file) => {
    const languages = languagesOf(file);
    return {
      languages,
      title: localize(file.title, languages),
      subtitle: file.subtitle === undefined ? undefined : localize(file.subtitle, languages),
      disclaimer: file.disclaimer === undefined ? undefined : localize(file.disclaimer, languages),
      attract: file.attract,
      touch: file.touch,
      openingHours: file.schedule === undefined ? undefined : toWeeklyHours(file.schedule),
      timeZone: file.timezone,
      include: file.include === undefined ? [] : [file.include].flat(),
      brand: file.brand,
      recordDays: file.records.keep_days,
      access: file.accessibility,
    };
  });

function languagesOf(file: KioskFileShape): [string, ...string[]] {
  const [first = file.language ?? SETTING_DEFAULTS.language, ...rest] = file.languages ?? [];
  return [first, ...rest.filter((code) => code !== first)];
}

function checkLocalizedText(
  file: KioskFileShape,
  setting: TextSetting,
  languages: readonly string[],
  context: z.RefinementCtx,
): void {
  const value = file[setting];
  if (value === undefined || typeof value === 'string') return;
  const [defaultLanguage] = languages;
  const given = new Set<string>();
  for (const key of Object.keys(value)) {
    const code = canonicalLanguage(key);
    if (code === undefined || !languages.includes(code)) {
      context.addIssue({
        code: 'custom',
        path: [setting, key],
        message:
          code === undefined
            ? `"${key}" is not a language code: use one of ${languages.join(', ')}`
            : `is a text in ${englishLanguageName(code)}, which is not in languages: add ${code} to languages, or remove this line`,
      });
    } else {
      given.add(code);
    }
  }
  if (defaultLanguage !== undefined && !given.has(defaultLanguage)) {
    context.addIssue({
      code: 'custom',
      path: [setting],
      message: `has no text in ${englishLanguageName(defaultLanguage)}, the default language: add a line "${defaultLanguage}: ..." to it`,
    });
  }
}

/** Every language gets a text: its own where given, the default language's otherwise. */
function localize(
  value: string | Record<string, string>,
  languages: readonly string[],
): Record<string, string> {
  const [defaultLanguage = SETTING_DEFAULTS.language] = languages;
  const byCode = new Map<string, string>();
  if (typeof value === 'string') byCode.set(defaultLanguage, value);
  else for (const [key, text] of Object.entries(value)) byCode.set(canonicalLanguage(key) ?? key, text);
  const fallback = byCode.get(defaultLanguage) ?? '';
  return Object.fromEntries(languages.map((code) => [code, byCode.get(code) ?? fallback]));
}

/** `link:` on a slide: a web page for patients to read at home, given as a QR code. */
const link = z
  .string({ error: 'must be a web address such as https://example.org/back-pain' })
  .trim()
  .superRefine((value, context) => {
    const problem = linkProblem(value);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
  });

function linkProblem(value: string): string | undefined {
  if (/\s/.test(value)) return 'has a space in it: copy the address from the browser’s address bar';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a web address: write it in full, such as https://example.org/back-pain`;
  }
  if (url.protocol !== 'https:')
    return `must start with https:// (a secure address): the kiosk gives patients no other kind of link`;
  if (url.username !== '' || url.password !== '')
    return 'has a user name or password in it: give the page’s address alone';
  if (!url.hostname.includes('.'))
    return `"${url.hostname}" is not a public web address: patients open it on their own phones`;
  const bytes = new TextEncoder().encode(value).length;
  if (bytes > MAX_LINK_BYTES)
    return `is ${bytes} characters long: a QR code an ordinary phone reads from an arm’s length holds at most ${MAX_LINK_BYTES}; use a shorter address for the same page`;
  return undefined;
}

export const slideFrontMatterSchema = z.strictObject({
  title: text,
  summary: text,
  image: z.string({ error: 'must be a path such as images/picture.svg' }).trim().min(1).optional(),
  seconds: seconds(2, 600).optional(),
  /** When the slide is shown (show-schema.ts); a translation follows its slide. */
  show: showSchema.optional(),
  link: link.optional(),
  link_text: text.max(80, { error: 'is longer than 80 characters: it sits beside the QR code' }).optional(),
  /** This language's recording of the slide, played by Listen in place of the computer's voice. */
  audio: z.string({ error: 'must be a path such as audio/welcome.mp3' }).trim().min(1).optional(),
});

/** The setting names each part of a file accepts, to suggest the right one for a misspelt key. */
export const KNOWN_SETTINGS: Readonly<Record<string, readonly string[]>> = {
  kiosk: Object.keys(kioskFileShape.shape),
  'kiosk.attract': Object.keys(attractSchema.shape),
  'kiosk.touch': Object.keys(touchSchema.shape),
  'kiosk.brand': BRAND_SETTINGS,
  'kiosk.records': Object.keys(recordsSchema.shape),
  'kiosk.accessibility': ACCESSIBILITY_SETTINGS,
  slide: Object.keys(slideFrontMatterSchema.shape),
  'slide.show': SHOW_SETTINGS,
  ui: UI_WORD_KEYS.map((key) => UI_WORDS[key].name),
};

export type KioskSettings = z.output<typeof kioskFileSchema>;
export type SlideFrontMatter = z.output<typeof slideFrontMatterSchema>;

/** One word of the kiosk's own in a staff file: short, since it sits on a button or a line. */
const wordText = z
  .string({ error: 'must be text: if it is a number or yes/no, put it in quotes' })
  .trim()
  .min(1, { error: 'is empty: write the word after the colon, or remove the line' })
  .max(200, { error: 'is longer than 200 characters: the kiosk’s words sit on buttons and short lines' });

/** A word's text, with only the `{names}` the kiosk fills in for that word. */
function wordTextFor(spec: WordSpec) {
  return wordText.superRefine((text, context) => {
    for (const [, name = ''] of text.matchAll(/\{(\w*)\}/g)) {
      if (spec.fills?.includes(name)) continue;
      context.addIssue({
        code: 'custom',
        message:
          spec.fills === undefined
            ? `has {${name}}, which nothing fills in here: write the text without the braces`
            : `has {${name}}, which is not filled in: this word may use ${spec.fills.map((fill) => `{${fill}}`).join(' and ')}`,
      });
    }
  });
}

/** A word that holds a number: one text for every count, or one per plural form of the language. */
function pluralWordFor(spec: WordSpec) {
  const text = wordTextFor(spec);
  return z.union(
    [
      text,
      z.strictObject({
        zero: text.optional(),
        one: text.optional(),
        two: text.optional(),
        few: text.optional(),
        many: text.optional(),
        other: text,
      }),
    ],
    { error: 'must be text, or one text per plural form such as {one: ..., other: ...}' },
  );
}

/** `ui/<language>.yaml`: any of the kiosk's own words (src/shared/ui-words.ts), by the names staff use. */
export const uiWordsFileSchema = z.strictObject(
  Object.fromEntries(
    UI_WORD_KEYS.map((key) => {
      const spec: WordSpec = UI_WORDS[key];
      return [spec.name, (spec.plural ? pluralWordFor(spec) : wordTextFor(spec)).optional()];
    }),
  ),
);

export type UiWordsFile = Readonly<Record<string, string | PluralText | undefined>>;
