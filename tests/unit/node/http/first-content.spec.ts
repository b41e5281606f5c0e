import { describe, expect, it } from 'vitest';
import { withFirstContent } from '../../../../src/node/http/first-content';
import type { ContentState } from '../../../../src/shared/content';

const PAGE = '<!doctype html><html><head><title>Kiosk</title></head><body></body></html>';
const state = (standbyTitle: string): ContentState => ({
  deck: null,
  deckRevision: null,
  standbyTitle,
  problems: [],
});

describe('the page with its first content', () => {
  it('carries the content as a JSON block in the head, which the browser never runs', () => {
    const page = withFirstContent(PAGE, state('Clinic'));
    const block =
      /<head>.*<script type="application\/json" id="kiosk-first-content">(.*)<\/script>\s*<\/head>/s.exec(
        page,
      );
    expect(JSON.parse(block?.[1] ?? 'null')).toEqual(state('Clinic'));
  });

  it('escapes every < so that no text in the content can end the block or start a comment', () => {
    const page = withFirstContent(PAGE, state('</script><script>alert(1)</script><!--'));
    const block = page.slice(page.indexOf('id="kiosk-first-content">'), page.indexOf('</head>'));
    expect(block.match(/</g)).toHaveLength(1); // only the block's own closing tag
    expect(JSON.parse(block.slice(block.indexOf('>') + 1, block.lastIndexOf('</script>')))).toEqual(
      state('</script><script>alert(1)</script><!--'),
    );
  });
});
