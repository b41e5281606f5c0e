import { z } from 'zod';

/**
 * Time zones as kiosk.yaml names them. Reading the wall clock itself is in src/shared/wall-clock.ts,
 * so that the page (which decides what shows at each moment) reads it the same way; it is
 * re-exported here for the Node side.
 */
export {
  DAY_MS,
  MINUTE_MS,
  nextWallClockChange,
  offsetsAround,
  wallClock,
  weekdayOf,
  type WallClock,
} from '../../shared/wall-clock';

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** `timezone:` in kiosk.yaml. */
export const timeZoneSchema = z
  .string({ error: 'must be a time zone name such as Europe/London or America/New_York' })
  .trim()
  .refine(isValidTimeZone, {
    error: 'is not a time zone this computer knows: use a name such as Europe/London or America/New_York',
  });

/** The computer's own time zone: what opening hours mean when kiosk.yaml names none. */
export function systemTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}
