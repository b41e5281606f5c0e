import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../../src/node/content/load';
import { formatProblem } from '../../../../src/shared/content';
import { MAX_LINK_BYTES } from '../../../../src/shared/links';
import { KIOSK_YAML, memoryFs, ROOT, slide } from './memory-fs';

async function load(files: Record<string, string>) {
  const state = await loadContent(ROOT, memoryFs({ 'kiosk.yaml': KIOSK_YAML, ...files }));
  return { deck: state.deck, messages: state.problems.map(formatProblem) };
}

const linked = (link: string, extra = '') => slide('A', `link: ${link}\n${extra}`);

describe('a slide’s link', () => {
  it('is kept exactly as written, with its text', async () => {
    const link = 'https://example.org/back-pain?topic=exercise&utm_source=kiosk#start';
    const { deck, messages } = await load({
      'slides/01-a.md': linked(link, 'link_text: Exercises on our website\n'),
    });
    expect(messages).toEqual([]);
    expect(deck?.slides[0]).toMatchObject({ link, linkText: 'Exercises on our website' });
  });

  it.each([
    ['http://example.org/back', 'must start with https:// (a secure address)'],
    ['javascript:alert(1)', 'must start with https:// (a secure address)'],
    ['file:///C:/leaflet.pdf', 'must start with https:// (a secure address)'],
    ['example.org/back', '"example.org/back" is not a web address: write it in full'],
    ['https://staff:secret@example.org/back', 'has a user name or password in it'],
    ['https://intranet/back', '"intranet" is not a public web address'],
    ['"https://example.org/back pain"', 'has a space in it'],
  ])('refuses %s', async (link, message) => {
    const { deck, messages } = await load({ 'slides/01-a.md': linked(link), 'slides/02-b.md': slide('B') });
    expect(messages).toEqual([expect.stringContaining(`slides/01-a.md:4:7 link ${message}`)]);
    expect(deck?.slides.map((shown) => shown.title)).toEqual(['B']);
  });

  it(`refuses a link longer than a QR code read from an arm’s length holds (${MAX_LINK_BYTES} bytes)`, async () => {
    const longest = `https://example.org/${'a'.repeat(MAX_LINK_BYTES - 20)}`;
    expect((await load({ 'slides/01-a.md': linked(longest) })).messages).toEqual([]);
    const { messages } = await load({ 'slides/01-a.md': linked(`${longest}b`) });
    expect(messages).toEqual([
      `slides/01-a.md:4:7 link is ${MAX_LINK_BYTES + 1} characters long: a QR code an ordinary phone reads from an arm’s length holds at most ${MAX_LINK_BYTES}; use a shorter address for the same page`,
    ]);
  });

  it('refuses a link text too long to sit beside the code, and warns of one with no link', async () => {
    const tooLong = await load({
      'slides/01-a.md': linked('https://example.org/a', `link_text: ${'x'.repeat(81)}\n`),
    });
    expect(tooLong.messages).toEqual([
      'slides/01-a.md:5:12 link_text is longer than 80 characters: it sits beside the QR code',
    ]);
    const alone = await load({ 'slides/01-a.md': slide('A', 'link_text: Our website\n') });
    expect(alone.messages).toEqual([
      'slides/01-a.md:4:12 link_text has no link to go with it, so it is not shown: add a line such as "link: https://example.org/back-pain", or remove link_text',
    ]);
  });

  it('is the slide’s in a translation that gives none, with the translation’s own text only', async () => {
    const { deck } = await load({
      'kiosk.yaml': 'title: Test\nlanguages: [en, es, fr]\n',
      'slides/01-a.md': linked('https://example.org/a', 'link_text: Our website\n'),
      'slides/01-a.es.md': slide('A es', 'link_text: Nuestra web\n'),
      'slides/01-a.fr.md': slide('A fr', 'link: https://example.org/fr/a\n'),
    });
    expect(deck?.translations.map((edition) => edition.slides[0])).toEqual([
      expect.objectContaining({ link: 'https://example.org/a', linkText: 'Nuestra web' }),
      expect.objectContaining({ link: 'https://example.org/fr/a' }),
    ]);
    expect(deck?.translations[1]?.slides[0]).not.toHaveProperty('linkText');
  });

  it('shows in the loop only when kiosk.yaml asks', async () => {
    const hidden = await load({ 'slides/01-a.md': linked('https://example.org/a') });
    expect(hidden.deck).not.toHaveProperty('qrCodeInLoop');
    const shown = await load({
      'kiosk.yaml': 'title: Test\nattract:\n  qr_code: show\n',
      'slides/01-a.md': linked('https://example.org/a'),
    });
    expect(shown.deck?.qrCodeInLoop).toBe(true);
    const wrong = await load({
      'kiosk.yaml': 'title: Test\nattract:\n  qr_code: yes\n',
      'slides/01-a.md': slide('A'),
    });
    expect(wrong.messages).toEqual([
      'kiosk.yaml:3:12 attract.qr_code must be show (QR codes in the loop too) or hide (only once a patient touches the screen)',
    ]);
  });
});
