import { parseWallTime, WALL_TIME_EXAMPLE } from '../node/time/wall-time';
import type { WallTime } from '../shared/content';

/** `{"at":"2026-12-07 19:30"}` is a few dozen bytes: anything near this is not a moment. */
export const MAX_MOMENT_REQUEST_BYTES = 1024;
/** The longest moment worth reading: `2026-12-07 19:30` and some spaces. */
const MAX_MOMENT_TEXT = 40;

export type MomentRequest =
  { readonly ok: true; readonly at: WallTime | null } | { readonly ok: false; readonly message: string };

/**
 * The body of a POST to /api/moment (a PreviewMomentRequest), checked: a moment written as staff
 * write them, or null for the present. What is wrong is said as the workbench shows it.
 */
export function parseMomentRequest(body: unknown): MomentRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('at' in body)) {
    return { ok: false, message: 'Not a moment: send {"at": "YYYY-MM-DD HH:MM"} or {"at": null}.' };
  }
  const { at } = body as { readonly at: unknown };
  if (at === null) return { ok: true, at: null };
  if (typeof at !== 'string' || at.length > MAX_MOMENT_TEXT) {
    return { ok: false, message: `The moment ${WALL_TIME_EXAMPLE}.` };
  }
  const moment = parseWallTime(at, 'start');
  return typeof moment === 'string'
    ? { ok: false, message: `The moment ${moment}.` }
    : { ok: true, at: moment };
}
