import { z } from 'zod';
import {
  NOTICE_LEVELS,
  WEEKDAYS,
  type Brand,
  type ContentProblem,
  type ContentState,
  type Deck,
  type LocalizedDeck,
  type Notice,
  type ShowTimes,
  type Slide,
  type WallTime,
  type WeeklyHours,
} from '../../shared/content';
import { UI_WORD_KEYS, UI_WORDS, type UiWordOverrides } from '../../shared/ui-words';

/**
 * The page's content types (src/shared/content.ts) as zod schemas, for what is read back from
 * disk, where it may have been damaged. Each schema is typed by the type it checks, so the two
 * cannot drift apart.
 */

export const problemSchema: z.ZodType<ContentProblem> = z.object({
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  message: z.string(),
});

const intervalSchema = z.object({ start: z.number().min(0).max(1440), end: z.number().min(0).max(1440) });

const showTimesSchema: z.ZodType<ShowTimes> = z.object({
  days: z.array(z.enum(WEEKDAYS)).optional(),
  hours: z.array(intervalSchema).optional(),
  from: z.string().optional(),
  until: z.string().optional(),
});

export const slideSchema: z.ZodType<Slide> = z.object({
  show: showTimesSchema.optional(),
  id: z.string(),
  language: z.string(),
  title: z.string(),
  summary: z.string(),
  image: z.string().optional(),
  seconds: z.number().positive(),
  bodyHtml: z.string(),
  link: z.string().optional(),
  linkText: z.string().optional(),
  audio: z.string().optional(),
});

const localizedDeckShape = z.object({
  language: z.string(),
  title: z.string(),
  subtitle: z.string().optional(),
  disclaimer: z.string().optional(),
  slides: z.array(slideSchema).min(1),
});

export const localizedDeckSchema: z.ZodType<LocalizedDeck> = localizedDeckShape;

const pluralTextSchema = z.object({
  zero: z.string().optional(),
  one: z.string().optional(),
  two: z.string().optional(),
  few: z.string().optional(),
  many: z.string().optional(),
  other: z.string(),
});

/** Built from the list of words, so it cannot miss one: each a text, or plural forms where the word has them. */
const uiWordsSchema = z.object(
  Object.fromEntries(
    UI_WORD_KEYS.map((key) => [key, ('plural' in UI_WORDS[key] ? pluralTextSchema : z.string()).optional()]),
  ),
) as unknown as z.ZodType<UiWordOverrides>;

export const deckSchema: z.ZodType<Deck> = localizedDeckShape.extend({
  uiWords: z.record(z.string(), uiWordsSchema).optional(),
  idleSeconds: z.number().positive(),
  warningSeconds: z.number().min(0),
  rotateLanguages: z.boolean(),
  qrCodeInLoop: z.boolean().optional(),
  access: z
    .object({
      listen: z.boolean(),
      volume: z.object({
        start: z.number().min(0).max(100),
        lowest: z.number().min(0).max(100),
        highest: z.number().min(0).max(100),
      }),
      inviteToListen: z.boolean(),
      reducedMotion: z.boolean(),
    })
    .optional(),
  translations: z.array(localizedDeckSchema),
});

export const weeklyHoursSchema: z.ZodType<WeeklyHours> = z.object({
  week: z.record(z.enum(WEEKDAYS), z.array(intervalSchema)),
  wakeSeconds: z.number().positive(),
});

const wallTimeSchema: z.ZodType<WallTime> = z.object({
  date: z.string(),
  minute: z.number().min(0).max(1440),
});

export const noticeSchema: z.ZodType<Notice> = z.object({
  id: z.string(),
  level: z.enum(NOTICE_LEVELS),
  from: wallTimeSchema.optional(),
  until: wallTimeSchema.optional(),
  whenClosed: z.boolean(),
  texts: z.array(z.object({ language: z.string(), title: z.string(), bodyHtml: z.string() })).min(1),
});

export const brandSchema: z.ZodType<Brand> = z.object({
  palette: z.record(z.string(), z.string()).optional(),
  logo: z.string().optional(),
  font: z.string().optional(),
});

export const contentStateSchema: z.ZodType<ContentState> = z.object({
  deck: deckSchema.nullable(),
  deckRevision: z.string().nullable(),
  standbyTitle: z.string(),
  standbyLanguage: z.string().optional(),
  problems: z.array(problemSchema),
  fromLastGood: z.boolean().optional(),
  openingHours: weeklyHoursSchema.optional(),
  timeZone: z.string().optional(),
  notices: z.array(noticeSchema).optional(),
  brand: brandSchema.optional(),
  recordDays: z.number().min(0).optional(),
  uiWords: z.record(z.string(), uiWordsSchema).optional(),
});
