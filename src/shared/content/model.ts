import { z } from 'zod';

/**
 * What the renderer is given: the content folder, parsed, validated and ready to show. Written as
 * zod schemas because the last good content is read back from disk, where it may have been
 * damaged; `types.ts` re-exports the types, so the renderer never bundles zod.
 */

export const problemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** Path relative to the content folder, with forward slashes, e.g. `slides/03-muscles.md`. */
  file: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  message: z.string(),
});

export const slideSchema = z.object({
  /** The slide's file name without `.md`, e.g. `01-natural-pain-relief`; the same in every language. */
  id: z.string(),
  /** The language the text is written in: the default language where a translation is missing. */
  language: z.string(),
  title: z.string(),
  summary: z.string(),
  /** URL of the picture relative to the app's page (`content/images/x.svg`), if the slide has one. */
  image: z.string().optional(),
  /** How long the slide stays up in the attract loop, with the deck's default already applied. */
  seconds: z.number().positive(),
  /** The "Learn more" text, rendered from Markdown to inert HTML (no raw HTML, no live links). */
  bodyHtml: z.string(),
});

/** The deck in one language: every slide is there, in the same order, whatever was translated. */
export const localizedDeckSchema = z.object({
  /** BCP 47 code: the page's `lang` while this language shows. */
  language: z.string(),
  title: z.string(),
  subtitle: z.string().optional(),
  disclaimer: z.string().optional(),
  slides: z.array(slideSchema).min(1),
});

/** The deck itself is the default language's; the other languages follow in `translations`. */
export const deckSchema = localizedDeckSchema.extend({
  idleSeconds: z.number().positive(),
  /** 0 means no "Still there?" warning: the kiosk returns to the loop straight away. */
  warningSeconds: z.number().min(0),
  /** `attract.languages: rotate`: the loop shows each slide in every language in turn. */
  rotateLanguages: z.boolean(),
  /** The other languages of `languages:`, in that order, with missing translations already filled in. */
  translations: z.array(localizedDeckSchema),
});

/**
 * What the kiosk shows. `deck` is null only when no content could be loaded at all, in which
 * case the renderer shows a calm standby screen titled `standbyTitle`.
 */
export const contentStateSchema = z.object({
  deck: deckSchema.nullable(),
  standbyTitle: z.string(),
  /** The language of the standby screen: the default language, when it could be read. */
  standbyLanguage: z.string().optional(),
  /** What is wrong with the content folder as it is now on disk, whatever is being shown. */
  problems: z.array(problemSchema),
  /** True when the folder has errors and `deck` is the last good content, kept from before. */
  fromLastGood: z.boolean().optional(),
});

type DeepReadonly<T> = T extends readonly (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]: DeepReadonly<T[Key]> }
    : T;

export type ContentProblem = DeepReadonly<z.output<typeof problemSchema>>;
export type ProblemSeverity = ContentProblem['severity'];
export type Slide = DeepReadonly<z.output<typeof slideSchema>>;
export type LocalizedDeck = DeepReadonly<z.output<typeof localizedDeckSchema>>;
export type Deck = DeepReadonly<z.output<typeof deckSchema>>;
export type ContentState = DeepReadonly<z.output<typeof contentStateSchema>>;
