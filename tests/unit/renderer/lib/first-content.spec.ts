import { describe, expect, it, vi } from 'vitest';
import { withFirstContent } from '../../../../src/node/http/first-content';
import { readFirstContent } from '../../../../src/renderer/src/lib/first-content';
import { deck, state } from '../fake-api';

const PAGE = '<!doctype html><html><head><title>Kiosk</title></head><body><div id="app"></div></body></html>';

function pageWith(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('the content the page comes with', () => {
  it('is read back by the page exactly as the kiosk wrote it into the page', () => {
    const given = state(deck(['One', 'Two']));
    expect(readFirstContent(pageWith(withFirstContent(PAGE, given)))).toEqual(given);
  });

  it('stays text, whatever the content says: a title cannot end the block and add markup', () => {
    const hostile = state(deck(['</script><script>window.hacked = 1</script><!--']));
    const document = pageWith(withFirstContent(PAGE, hostile));
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
