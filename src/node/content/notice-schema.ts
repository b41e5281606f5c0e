import { z } from 'zod';
import { NOTICE_LEVELS, type WallTime } from '../../shared/content';
import { parseWallTime, WALL_TIME_EXAMPLE } from '../time/wall-time';
import { textSchema } from './schema';
import type { FileKind } from './validate';

/**
 * The settings of a file in `notices/`: its title, its level, when it starts and ends (on the
 * kiosk's wall clock), and whether an urgent one shows outside opening hours too. A translation
 * gives only its own title; the rest is its notice's.
 */

const wallTime = (edge: 'start' | 'end') =>
  z.string({ error: WALL_TIME_EXAMPLE }).transform((text, context): WallTime => {
    const parsed = parseWallTime(text, edge);
    if (typeof parsed === 'string') {
      context.addIssue({ code: 'custom', message: parsed, input: text });
      return z.NEVER;
    }
    return parsed;
  });

const isBefore = (a: WallTime, b: WallTime) => a.date < b.date || (a.date === b.date && a.minute < b.minute);

const noticeShape = z.strictObject({
  title: textSchema,
  level: z.enum(NOTICE_LEVELS, {
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? 'is missing: every notice needs a level: urgent (it replaces the slides) or info (a band on every screen)'
        : 'must be urgent (it replaces the slides) or info (a band on every screen)',
  }),
  from: wallTime('start').optional(),
  until: wallTime('end').optional(),
  when_closed: z
    .enum(['show', 'hide'], {
      error: 'must be show (an urgent notice shows outside opening hours too) or hide',
    })
    .default('hide'),
});

export const noticeFrontMatterSchema = noticeShape.superRefine((notice, context) => {
  if (notice.from !== undefined && notice.until !== undefined && !isBefore(notice.from, notice.until)) {
    context.addIssue({
      code: 'custom',
      path: ['until'],
      message: 'is not after from: the notice would never be shown; the end must come after the start',
    });
  }
});

/** The settings a translation leaves to its notice: read only to say so. */
export const NOTICE_ONLY_SETTINGS = ['level', 'from', 'until', 'when_closed'] as const;

/** A translation gives its own title only. */
export const noticeTranslationSchema = z.strictObject({
  title: textSchema,
  level: z.unknown().optional(),
  from: z.unknown().optional(),
  until: z.unknown().optional(),
  when_closed: z.unknown().optional(),
});

export type NoticeFrontMatter = z.output<typeof noticeFrontMatterSchema>;

export const NOTICE_KIND: FileKind = {
  owner: 'every notice',
  settings: 'notice',
  known: { notice: Object.keys(noticeShape.shape) },
};

export const NOTICE_TRANSLATION_KIND: FileKind = {
  owner: 'every notice',
  settings: 'notice',
  known: { notice: Object.keys(noticeShape.shape) },
};
