import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, loadContentSafely } from '../../../../src/node/content/load';
import { formatProblem } from '../../../../src/shared/content';
import { KIOSK_YAML, memoryFs, pictureUrl, png, ROOT, slide } from './memory-fs';
import { diskFs as fs } from './memory-fs';

const fixture = (name: string) => join(__dirname, '../../../fixtures', name);

async function load(name: string) {
  const state = await loadContent(fixture(name), fs);
  return { ...state, messages: state.problems.map(formatProblem) };
}

describe('loading a content folder', () => {
  it('reads the deck settings and every slide in file-name order', async () => {
    const { deck, problems } = await load('three-slides');
    expect(problems).toEqual([]);
    expect(deck).toMatchObject({
      title: 'Test clinic',
      subtitle: 'Three short slides',
      disclaimer: 'Test disclaimer shown on every screen.',
      language: 'en',
      idleSeconds: 6,
      warningSeconds: 3,
      rotateLanguages: false,
      translations: [],
    });
    expect(deck?.slides.map((slide) => [slide.id, slide.title, slide.seconds, slide.language])).toEqual([
      ['01-first', 'First slide', 2, 'en'],
      ['02-second', 'Second slide', 2, 'en'],
      ['03-third', 'Third slide', 4, 'en'],
    ]);
  });

  it('gives pictures as page-relative URLs under content/, each part of the path encoded', async () => {
    const { deck } = await load('three-slides');
    expect(deck?.slides[0]?.image).toEqual(pictureUrl('content/images/square.svg'));
    expect(deck?.slides[1]?.image).toBeUndefined();

    const files = memoryFs({
      'kiosk.yaml': KIOSK_YAML,
      'slides/01-a.md': slide('A', 'image: "images/my picture #1.png"\n'),
      'images/my picture #1.png': png(10, 10),
    });
    const state = await loadContent(ROOT, files);
    expect(state.deck?.slides[0]?.image).toEqual(pictureUrl('content/images/my%20picture%20%231.png'));
  });

  it('renders the longer text from Markdown', async () => {
    const { deck } = await load('three-slides');
    expect(deck?.slides[0]?.bodyHtml).toContain('<li>one point</li>');
  });

  it('fills in the defaults for settings that are left out', async () => {
    const { deck } = await load('unsafe-markdown');
    expect(deck).toMatchObject({
      language: 'en',
      idleSeconds: 60,
      warningSeconds: 10,
      rotateLanguages: false,
    });
    expect(deck?.subtitle).toBeUndefined();
    expect(deck?.slides[0]?.seconds).toBe(30);
  });

  it('orders slides numerically, so 2 comes before 10', async () => {
    const files = memoryFs({
      'kiosk.yaml': 'title: T\n',
      'slides/10-ten.md': slide('Ten'),
      'slides/2-two.md': slide('Two'),
    });
    const { deck } = await loadContent(ROOT, files);
    expect(deck?.slides.map((slide) => slide.title)).toEqual(['Two', 'Ten']);
  });

  it('reads Windows line endings and a byte-order mark as if they were not there', async () => {
    const files = memoryFs({
      'kiosk.yaml': '\uFEFFtitle: Windows clinic\r\n',
      'slides/01-a.md': '\uFEFF---\r\ntitle: From Notepad\r\nsummary: Saved on Windows.\r\n---\r\nBody.\r\n',
    });
    const { deck, problems } = await loadContent(ROOT, files);
    expect(problems).toEqual([]);
    expect(deck?.title).toBe('Windows clinic');
    expect(deck?.slides[0]?.title).toBe('From Notepad');
  });
});

describe('content problems', () => {
  it('names the file, line and column, and says how to fix it, for every mistake at once', async () => {
    const { messages } = await load('content-broken');
    expect(messages).toEqual([
      'kiosk.yaml:3:22 attract.seconds_per_slide must be at least 2 seconds',
      'kiosk.yaml:6:3 unknown setting "colour": check the spelling, or remove it',
      // A mistake in kiosk.yaml does not stop the slides being checked.
      'slides/02-no-title.md:2:1 title is missing: every slide needs a title',
      'slides/03-no-front-matter.md:1:1 this slide has no front matter: start the file with a line of three dashes (---), then the title: and summary: lines, then another line of ---',
      'slides/04-bad-image.md:4:8 image "../../secret.png" is outside the content folder: put the picture in the images folder, such as images/picture.png',
      'slides/05-missing-image.md:4:8 image "images/nowhere.svg" was not found: check the file name, or put the picture in the images folder',
      'slides/06-bad-yaml.md:3:19 a quote or bracket is opened here but never closed: close it, or put the whole text in quotes',
    ]);
  });

  it('keeps nothing from a kiosk.yaml with errors, but keeps the clinic title for the standby screen', async () => {
    const { deck, standbyTitle } = await load('content-broken');
    expect(deck).toBeNull();
    expect(standbyTitle).toBe('Broken content');
  });

  it('falls back to a plain standby title when kiosk.yaml cannot be read at all', async () => {
    const { standbyTitle } = await load('content-bad-yaml');
    expect(standbyTitle).toBe('Welcome');
  });

  it('leaves out a broken slide, keeps the good ones, and explains each problem', async () => {
    const state = await loadContent(fixture('content-broken'), {
      ...fs,
      readFile: (path, limit) =>
        path.endsWith('kiosk.yaml')
          ? Promise.resolve(Buffer.from('title: Fixed\n'))
          : fs.readFile(path, limit),
      stat: (path) =>
        path.endsWith('kiosk.yaml')
          ? Promise.resolve({
              isFile: () => true,
              isDirectory: () => false,
              size: 13,
              mtimeMs: 0,
              ctimeMs: 0,
            })
          : fs.stat(path),
    });
    const messages = state.problems.map(formatProblem);
    expect(state.deck?.slides.map((slide) => slide.id)).toEqual([
      '01-good',
      '04-bad-image',
      '05-missing-image',
    ]);
    expect(messages).toEqual([
      'slides/02-no-title.md:2:1 title is missing: every slide needs a title',
      'slides/03-no-front-matter.md:1:1 this slide has no front matter: start the file with a line of three dashes (---), then the title: and summary: lines, then another line of ---',
      'slides/04-bad-image.md:4:8 image "../../secret.png" is outside the content folder: put the picture in the images folder, such as images/picture.png',
      'slides/05-missing-image.md:4:8 image "images/nowhere.svg" was not found: check the file name, or put the picture in the images folder',
      'slides/06-bad-yaml.md:3:19 a quote or bracket is opened here but never closed: close it, or put the whole text in quotes',
    ]);
    expect(state.deck?.slides[1]?.image).toBeUndefined();
    expect(state.problems.every((problem) => problem.severity === 'error')).toBe(true);
  });

  it('points a YAML syntax error at its line', async () => {
    const { deck, messages } = await load('content-bad-yaml');
    expect(deck).toBeNull();
    expect(messages).toEqual(['kiosk.yaml:4:1 this line is indented with a tab: use spaces instead']);
  });

  it('explains a colon inside a value in plain words', async () => {
    const { problems } = await loadContent(
      ROOT,
      memoryFs({ 'kiosk.yaml': 'title: Clinic: the best\n', 'slides/01-a.md': slide('A') }),
    );
    expect(problems.map(formatProblem)).toEqual([
      'kiosk.yaml:1:8 this value has a colon in it, or the next line is indented too far: put text that contains ": " in quotes, and line up settings that belong together',
    ]);
  });

  it('says so when the slides folder is empty', async () => {
    const { deck, standbyTitle, messages } = await load('content-no-slides');
    expect(deck).toBeNull();
    expect(standbyTitle).toBe('Empty clinic');
    expect(messages).toEqual([
      'slides there are no slides: add at least one file ending in .md to the slides folder',
    ]);
  });

  it('says so when the folder has no kiosk.yaml', async () => {
    const { deck, problems } = await loadContent(ROOT, memoryFs({ 'slides/01-a.md': slide('A') }));
    expect(deck).toBeNull();
    expect(problems.map(formatProblem)).toEqual([
      'kiosk.yaml kiosk.yaml is missing or cannot be read: it must sit at the top of the content folder',
    ]);
  });

  it('says so, in one problem, when the content folder itself cannot be found', async () => {
    const { deck, messages } = await load('does-not-exist');
    expect(deck).toBeNull();
    expect(messages).toEqual([
      expect.stringMatching(
        /^\. the content folder .*does-not-exist cannot be found: if it is on a network share or a USB stick, check that it is connected$/,
      ),
    ]);
  });
});

describe('a file system that misbehaves', () => {
  it('becomes a standby state with one problem, never an exception', async () => {
    // A folder listing that is no list makes the loader itself throw.
    const broken = {
      ...memoryFs({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('A') }),
      readdir: () => Promise.resolve(null as unknown as string[]),
    };
    const state = await loadContentSafely(ROOT, broken);
    expect(state.deck).toBeNull();
    expect(state.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^\. the content folder could not be read: /),
    ]);
  });
});

describe('unsafe content', () => {
  it('never passes raw HTML, links or remote pictures through to the page', async () => {
    const { deck } = await load('unsafe-markdown');
    const html = deck?.slides[0]?.bodyHtml ?? '';
    expect(html).not.toMatch(/<script|<img|<a\s|href=/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('A link that must not navigate');
  });
});
