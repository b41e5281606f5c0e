import type { ContentState } from '../../../shared/content';
import { FIRST_CONTENT_ELEMENT_ID, FIRST_SCHEDULE_ELEMENT_ID, type ScheduleState } from '../../../shared/ipc';
import { reportError } from './errors';

/**
 * The content the page came with (src/node/http/first-content.ts), so that its first frame can
 * show the first slide; undefined if there is none, or it cannot be read, in which case the page
 * asks for the content as usual.
 */
export function readFirstContent(document: Document): ContentState | undefined {
  return readPageData(document, FIRST_CONTENT_ELEMENT_ID, isContentState, 'the content');
}

/** A JSON block the kiosk wrote into the page, if it is there and has the expected shape. */
function readPageData<T>(
  document: Document,
  id: string,
  isExpected: (value: unknown) => value is T,
  what: string,
): T | undefined {
  const text = document.getElementById(id)?.textContent;
  if (text === undefined || text === '') return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return isExpected(value) ? value : undefined;
  } catch (error) {
    reportError(error, `reading ${what} the page came with`);
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
  return readPageData(document, FIRST_SCHEDULE_ELEMENT_ID, isScheduleState, 'the schedule');
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
