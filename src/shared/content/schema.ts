import { z } from 'zod';

/**
 * The schema of the files clinic staff edit. Keys are snake_case because people type them by
 * hand in YAML; the renderer receives the camelCase {@link Deck} built from them.
 * Strict objects: a misspelt key is an error, not a silently ignored setting.
 */

const seconds = (min: number, max: number) =>
  z
    .number({ error: `must be a number of seconds from ${min} to ${max}` })
    .min(min, { error: `must be at least ${min} seconds` })
    .max(max, { error: `must be at most ${max} seconds` });

const text = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} is empty` });

export const SETTING_DEFAULTS = {
  secondsPerSlide: 10,
  idleSeconds: 60,
  warningSeconds: 10,
  language: 'en',
} as const;

export const kioskFileSchema = z.strictObject({
  title: text('title'),
  subtitle: text('subtitle').optional(),
  disclaimer: text('disclaimer').optional(),
  language: z
    .string({ error: 'language must be a language code such as en or es' })
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
      error: 'language must be a language code such as en, es or zh-Hant',
    })
    .default(SETTING_DEFAULTS.language),
  attract: z
    .strictObject({
      seconds_per_slide: seconds(2, 600).default(SETTING_DEFAULTS.secondsPerSlide),
    })
    .prefault({}),
  touch: z
    .strictObject({
      idle_seconds: seconds(5, 3600).default(SETTING_DEFAULTS.idleSeconds),
      warning_seconds: seconds(0, 60)
        .int({ error: 'must be a whole number of seconds' })
        .default(SETTING_DEFAULTS.warningSeconds),
    })
    .prefault({}),
});

export const slideFrontMatterSchema = z.strictObject({
  title: text('title'),
  summary: text('summary'),
  image: z.string({ error: 'image must be a path such as images/picture.svg' }).trim().min(1).optional(),
  seconds: seconds(2, 600).optional(),
});

export type KioskFile = z.infer<typeof kioskFileSchema>;
export type SlideFrontMatter = z.infer<typeof slideFrontMatterSchema>;
