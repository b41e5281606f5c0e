import { describe, expect, it } from 'vitest';
import {
  contrastProblems,
  derivePalette,
  type BrandColours,
} from '../../../../src/node/content/brand-schema';
import { contrast, MIN_TEXT_CONTRAST, parseHex, type Rgb } from '../../../../src/node/content/colour';
import { loadContent } from '../../../../src/node/content/load';
import { formatProblem } from '../../../../src/shared/content';
import { memoryFs, pictureUrl, png, ROOT, slide } from './memory-fs';

const hex = (text: string): Rgb => parseHex(text) ?? [0, 0, 0];
const colours = (accent: string, background: string, text: string): BrandColours => ({
  accent: hex(accent),
  background: hex(background),
  text: hex(text),
});

const WOFF2 = new Uint8Array([0x77, 0x4f, 0x46, 0x32, 0, 1, 0, 0, 0, 0, 0, 0]);

async function load(brand: string, files: Record<string, string | Uint8Array> = {}) {
  return loadContent(
    ROOT,
    memoryFs({ 'kiosk.yaml': `title: Clinic\nbrand:\n${brand}`, 'slides/01-a.md': slide('A'), ...files }),
  );
}
const messages = async (brand: string, files: Record<string, string | Uint8Array> = {}) =>
  (await load(brand, files)).problems.map(formatProblem);

describe('contrast', () => {
  it('is 21:1 for black on white and 1:1 for a colour on itself, as WCAG 2 defines it', () => {
    expect(contrast(hex('#000'), hex('#fff'))).toBeCloseTo(21);
    expect(contrast(hex('#1f6f6b'), hex('#1f6f6b'))).toBe(1);
    expect(contrast(hex('#ffffff'), hex('#1f6f6b'))).toBeCloseTo(5.92, 1);
  });
});

describe('the palette derived from the clinic’s colours', () => {
  it('uses the clinic’s colours exactly as given, and derives the rest', () => {
    const palette = derivePalette(colours('#7a2e8e', '#fbf8f3', '#2a2233'));
    expect(palette).toMatchObject({
      '--accent': '#7a2e8e',
      '--accent-strong': '#7a2e8e',
      '--bg': '#fbf8f3',
      '--ink': '#2a2233',
      '--on-accent': '#ffffff',
    });
  });

  it('keeps every text at 4.5:1 or more on what it sits on, for colours that pass', () => {
    for (const set of [
      colours('#1f6f6b', '#f3f7f5', '#12343b'),
      colours('#7a2e8e', '#fbf8f3', '#2a2233'),
      colours('#ffd166', '#14213d', '#f1f1f1'),
    ]) {
      expect(contrastProblems(set, new Set(['accent', 'background', 'text']))).toEqual([]);
      const palette = derivePalette(set);
      const on = (text: string, background: string) =>
        contrast(hex(palette[text as `--${string}`] ?? ''), hex(palette[background as `--${string}`] ?? ''));
      for (const [text, background] of [
        ['--ink', '--bg'],
        ['--ink', '--surface'],
        ['--ink', '--accent-soft'],
        ['--ink-soft', '--bg'],
        ['--ink-soft', '--surface'],
        ['--accent-strong', '--bg'],
        ['--accent-strong', '--surface'],
        ['--accent-strong', '--accent-soft'],
        ['--on-accent', '--accent'],
      ])
        expect(on(text!, background!), `${text} on ${background}`).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
  });
});

describe('brand: in kiosk.yaml', () => {
  it('gives the page the derived palette', async () => {
    const state = await load('  accent: "#7a2e8e"\n  background: "#fbf8f3"\n  text: "#2a2233"\n');
    expect(state.problems).toEqual([]);
    expect(state.brand?.palette?.['--accent']).toBe('#7a2e8e');
  });

  it('refuses an accent too light to read, saying by how much to darken it, never adjusting it', async () => {
    const state = await load('  accent: "#7fc4bd"\n');
    expect(state.brand).toBeUndefined();
    expect(state.problems.map(formatProblem)).toEqual([
      'kiosk.yaml:3:11 brand.accent "#7fc4bd" is 1.8:1 on the background, under the 4.5:1 that text needs (the title at the top, the touch bar’s words, the countdown): make accent darker by about 40%, such as accent: "#4c7671" (4.5:1)',
    ]);
    // The colour it suggests passes, on every background the accent is text on.
    const palette = derivePalette(colours('#4c7671', '#f3f7f5', '#12343b'));
    expect(contrast(hex('#4c7671'), hex(palette['--surface'] ?? ''))).toBeGreaterThanOrEqual(
      MIN_TEXT_CONTRAST,
    );
  });

  it('refuses text too close to the background', async () => {
    expect(await messages('  background: "#ffffff"\n  text: "#999999"\n')).toEqual([
      'kiosk.yaml:4:9 brand.text "#999999" is 2.8:1 on the background, under the 4.5:1 that text needs (the slides’ text, the text of “Learn more”, the panels’ headings): make text darker by about 25%, such as text: "#737373" (4.5:1)',
    ]);
  });

  it('says which colour to add when a dark background leaves the kiosk’s own colours unreadable', async () => {
    const problems = await messages('  background: "#14213d"\n');
    expect(problems).toHaveLength(2);
    // The text it suggests is readable there (the accent still is not, and is told apart).
    const suggested = /text: "(#[0-9a-f]{6})"/.exec(problems[0] ?? '')?.[1] ?? '';
    const after = contrastProblems(colours('#1f6f6b', '#14213d', suggested), new Set(['background', 'text']));
    expect(after.map((problem) => problem.message)).toEqual([expect.stringContaining('the accent colour')]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^kiosk\.yaml:3:15 brand\.background makes the text colour \(not given, so the kiosk's own "#12343b"\) 1\.\d:1 on the background, .*: make text lighter by about \d+%, such as text: "#[0-9a-f]{6}"/,
    );
    expect(problems[1]).toMatch(/brand\.background makes the accent colour .*: make accent lighter/);
  });

  it.each([
    [
      '  accent: #7a2e8e\n',
      'kiosk.yaml:3:11 brand.accent is empty: write the colour in quotes, such as "#1f6f6b" (without the quotes, # starts a note and the colour is lost)',
    ],
    [
      '  accent: purple\n',
      'kiosk.yaml:3:11 brand.accent must be a colour written as # and six hex digits, in quotes, such as "#1f6f6b" (without the quotes, # starts a note and the colour is lost)',
    ],
    ['  colour: "#7a2e8e"\n', 'kiosk.yaml:3:3 unknown setting "colour": check the spelling, or remove it'],
  ])('explains a colour it cannot read: %j', async (brand, message) => {
    expect(await messages(brand)).toEqual([message]);
  });

  it('checks the logo as a slide’s picture and gives its address', async () => {
    const state = await load('  logo: images/logo.png\n', { 'images/logo.png': png(400, 100) });
    expect(state.brand).toEqual({ logo: pictureUrl('content/images/logo.png') });
    expect(await messages('  logo: https://example.com/logo.png\n')).toEqual([
      'kiosk.yaml:3:9 image "https://example.com/logo.png" is a web address: the kiosk shows only pictures saved in the content folder; save the picture in the images folder and write images/ and its file name',
    ]);
  });

  it('takes a WOFF2 font from the content folder, and refuses anything else', async () => {
    const state = await load('  font: fonts/clinic.woff2\n', { 'fonts/clinic.woff2': WOFF2 });
    expect(state.brand).toEqual({ font: pictureUrl('content/fonts/clinic.woff2') });
    expect(await messages('  font: fonts/clinic.ttf\n', { 'fonts/clinic.ttf': WOFF2 })).toEqual([
      'kiosk.yaml:3:9 font "fonts/clinic.ttf" is not a WOFF2 font: the kiosk takes a font file ending in .woff2 (a font program or a web font service can save one)',
    ]);
    expect(await messages('  font: fonts/clinic.woff2\n', { 'fonts/clinic.woff2': 'not a font' })).toEqual([
      'kiosk.yaml:3:9 font "fonts/clinic.woff2" is not a WOFF2 font inside, whatever its name says: save it again as WOFF2',
    ]);
    expect(await messages('  font: ../fonts/clinic.woff2\n')).toEqual([
      'kiosk.yaml:3:9 font "../fonts/clinic.woff2" is outside the content folder: put the font in the fonts folder, such as fonts/clinic.woff2',
    ]);
  });
});

describe('the record of use in kiosk.yaml', () => {
  it('keeps 90 days unless told otherwise, and 0 keeps none', async () => {
    const state = await loadContent(
      ROOT,
      memoryFs({ 'kiosk.yaml': 'title: Clinic\n', 'slides/01-a.md': slide('A') }),
    );
    expect(state.recordDays).toBe(90);
    const off = await loadContent(
      ROOT,
      memoryFs({ 'kiosk.yaml': 'title: Clinic\nrecords:\n  keep_days: 0\n', 'slides/01-a.md': slide('A') }),
    );
    expect(off.recordDays).toBe(0);
  });
});
