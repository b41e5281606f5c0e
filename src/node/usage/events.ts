import { z } from 'zod';
import { MAX_USAGE_BATCH, MAX_USAGE_NAME, SESSION_ENDS, type UsageEvent } from '../../shared/usage';

/**
 * The record's events, checked: what the page sends (any of it may be wrong, or hostile) and what
 * is read back from disk (which a power cut may have cut short). Names are bounded and free of
 * control characters, times are plausible, durations are at most a day.
 */

const name = z
  .string()
  .min(1)
  .max(MAX_USAGE_NAME)
  .refine((text) => !/\p{Cc}/u.test(text));
/** An epoch millisecond from 2020 to 2100: a clock far off that is not a time worth recording. */
const time = z
  .number()
  .int()
  .min(Date.UTC(2020, 0, 1))
  .max(Date.UTC(2100, 0, 1));
const seconds = z
  .number()
  .min(0)
  .max(24 * 60 * 60);

export const usageEventSchema: z.ZodType<UsageEvent> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('shown'),
    what: z.enum(['slide', 'notice']),
    id: name,
    language: name,
    start: time,
    seconds,
  }),
  z.strictObject({ type: z.literal('session'), start: time, seconds, ended: z.enum(SESSION_ENDS) }),
  z.strictObject({ type: z.literal('viewed'), session: time, at: time, id: name, language: name }),
  z.strictObject({ type: z.literal('details'), session: time, at: time, id: name, language: name }),
  z.strictObject({ type: z.literal('topics'), session: time, at: time }),
  z.strictObject({ type: z.literal('language'), session: time, at: time, language: name }),
  z.strictObject({ type: z.literal('qr'), session: time, at: time, id: name }),
  z.strictObject({ type: z.literal('listen'), session: time, at: time, id: name }),
]);

/** A batch from the page, or undefined if any of it is not an event: the batch is then refused whole. */
export function parseUsageBatch(args: readonly unknown[]): [readonly UsageEvent[]] | undefined {
  const [events] = args;
  if (args.length !== 1 || !Array.isArray(events) || events.length > MAX_USAGE_BATCH) return undefined;
  const parsed = z.array(usageEventSchema).safeParse(events);
  return parsed.success ? [parsed.data] : undefined;
}

/** Written when the kiosk starts a day's file or its time zone changes: what its times mean. */
export interface ZoneRecord {
  readonly type: 'zone';
  readonly at: number;
  readonly timeZone: string;
}

export type UsageRecord = UsageEvent | ZoneRecord;

const zoneSchema: z.ZodType<ZoneRecord> = z.strictObject({
  type: z.literal('zone'),
  at: time,
  timeZone: z.string().min(1).max(100),
});

export const usageRecordSchema: z.ZodType<UsageRecord> = z.union([usageEventSchema, zoneSchema]);
