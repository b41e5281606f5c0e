import { describe, expect, it, vi } from 'vitest';
import { readFirstContent, readFirstSchedule } from '../../../../src/renderer/src/lib/first-content';
import { deck, state } from '../fake-api';

const PAGE = '<!doctype html><html><head><title>Kiosk</title></head><body><div id="app"></div></body></html>';

function pageWith(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('the content the page comes with', () => {
  /** The page as the kiosk serves it (src/node/http/first-content.ts): the JSON, with every < escaped. */
  const served = (json: string) =>
    PAGE.replace(
      '</head>',
      `<script type="application/json" id="kiosk-first-content">${json.replaceAll('<', '\\u003c')}</script></head>`,
    );

  it('is read back by the page exactly as the kiosk wrote it into the page', () => {
    const given = state(deck(['One', 'Two']));
    expect(readFirstContent(pageWith(served(JSON.stringify(given))))).toEqual(given);
  });

  it('gives back text that looked like markup as the same text', () => {
    const hostile = state(deck(['</script><script>window.hacked = 1</script><!--']));
    const document = pageWith(served(JSON.stringify(hostile)));
    expect(document.querySelectorAll('script')).toHaveLength(1);
    expect(readFirstContent(document)?.deck?.slides[0]?.title).toBe(
      '</script><script>window.hacked = 1</script><!--',
    );
  });

  it('is nothing when the page came without it, or with something that is not content', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(readFirstContent(pageWith(PAGE))).toBeUndefined();
    const broken = PAGE.replace(
      '</head>',
      '<script type="application/json" id="kiosk-first-content">{"deck":</script></head>',
    );
    expect(readFirstContent(pageWith(broken))).toBeUndefined();
    const wrong = PAGE.replace(
      '</head>',
      '<script type="application/json" id="kiosk-first-content">[1,2]</script></head>',
    );
    expect(readFirstContent(pageWith(wrong))).toBeUndefined();
  });
});

describe('the schedule the page comes with', () => {
  const served = (json: string) =>
    PAGE.replace(
      '</head>',
      `<script type="application/json" id="kiosk-first-schedule">${json}</script></head>`,
    );

  it('is read back, with the moment the preview shows', () => {
    const schedule = {
      open: false,
      nextChangeAt: null,
      timeZone: 'Europe/London',
      wakeSeconds: 120,
      preview: { at: 1, now: 2, kioskOpen: false, kioskNextChangeAt: null },
    };
    expect(readFirstSchedule(pageWith(served(JSON.stringify(schedule))))).toEqual(schedule);
  });

  it('is left out when it is not a schedule', () => {
    expect(readFirstSchedule(pageWith(served('{"open": "yes"}')))).toBeUndefined();
    expect(readFirstSchedule(pageWith(PAGE))).toBeUndefined();
  });
});
