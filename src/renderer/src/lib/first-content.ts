import type { ContentState } from '../../../shared/content';
import { FIRST_CONTENT_ELEMENT_ID, FIRST_SCHEDULE_ELEMENT_ID, type ScheduleState } from '../../../shared/ipc';
import { reportError } from './errors';

/**
 * The content the page came with (src/node/http/first-content.ts), so that its first frame can
 * show the first slide; undefined if there is none, or it cannot be read, in which case the page
 * asks for the content as usual.
 */
export function readFirstContent(document: Document): ContentState | undefined {
  const text = document.getElementById(FIRST_CONTENT_ELEMENT_ID)?.textContent;
  if (text === undefined || text === '') return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return isContentState(value) ? value : undefined;
  } catch (error) {
    reportError(error, 'reading the content the page came with');
    return undefined;
  }
}

/** Enough of a check to trust the shape: it was written by the kiosk itself, a moment ago. */
function isContentState(value: unknown): value is ContentState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<Record<keyof ContentState, unknown>>;
  return (
    typeof state.standbyTitle === 'string' && Array.isArray(state.problems) && typeof state.deck === 'object'
  );
}

/**
 * The schedule the page came with (open or closed, and in the browser preview the moment it
 * shows), so that its first frame is the right one; undefined if there is none.
 */
export function readFirstSchedule(document: Document): ScheduleState | undefined {
  const text = document.getElementById(FIRST_SCHEDULE_ELEMENT_ID)?.textContent;
  if (text === undefined || text === '') return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return isScheduleState(value) ? value : undefined;
  } catch (error) {
    reportError(error, 'reading the schedule the page came with');
    return undefined;
  }
}

function isScheduleState(value: unknown): value is ScheduleState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<Record<keyof ScheduleState, unknown>>;
  const preview = state.preview as Partial<Record<string, unknown>> | undefined;
  return (
    typeof state.open === 'boolean' &&
    typeof state.timeZone === 'string' &&
    typeof state.wakeSeconds === 'number' &&
    (preview === undefined || (typeof preview === 'object' && typeof preview.now === 'number'))
  );
}
