import type { ContentState } from '../../shared/content';
import { FIRST_CONTENT_ELEMENT_ID, FIRST_SCHEDULE_ELEMENT_ID, type ScheduleState } from '../../shared/ipc';

/**
 * The page, with the content it should show first written into it: the first frame can then be
 * the first slide, with no round trip to ask for it. The content goes in a JSON data block, which
 * the browser never runs (so the Content-Security-Policy need not allow anything more); every `<`
 * is escaped, so no text in the content can end the block early.
 */
export function withFirstContent(html: string, state: ContentState): string {
  return withPageData(html, FIRST_CONTENT_ELEMENT_ID, state);
}

/** The same for the schedule: the first frame is then the closed screen at night, not a slide. */
export function withFirstSchedule(html: string, state: ScheduleState): string {
  return withPageData(html, FIRST_SCHEDULE_ELEMENT_ID, state);
}

function withPageData(html: string, id: string, value: unknown): string {
  const json = JSON.stringify(value).replaceAll('<', '\\u003c');
  const block = `<script type="application/json" id="${id}">${json}</script>`;
  const at = html.indexOf('</head>');
  return at === -1 ? `${block}${html}` : `${html.slice(0, at)}${block}\n  ${html.slice(at)}`;
}
