import type { ContentProblem } from '../../shared/content';
import { englishLanguageName } from '../../shared/languages';
import { SMALLEST_TEXT_SCALE, SMALLEST_WHOLE_WORD_SCALE } from '../../shared/text-scale';
import { warning } from './files';

/**
 * Will a slide's title and summary fit its screen? The page fits them for real (the fit step,
 * src/renderer/src/lib/fit-text.ts: shrink down to 60% with whole words, then down to 55% with
 * long words broken, then scroll); this estimates the same thing without a browser, so that
 * `content:check` can warn staff before a patient sees it.
 *
 * The estimate lays the text out line by line, word by word, in the box the layout gives the
 * text on each shape of screen (measured from the page, in vmin: a hundredth of the screen's
 * short side, the unit every size in the page is given in), with each letter as wide as the
 * bundled fonts make that script on average. An end-to-end test compares it with the page.
 */

/** Every size below is in vmin, so only the screen's shape matters, not its pixels. */
export interface ScreenShape {
  readonly name: string;
  /** The text box with a picture beside (landscape) or above (portrait), and without one. */
  readonly withPicture: { readonly width: number; readonly height: number };
  readonly withoutPicture: { readonly width: number; readonly height: number };
}

/**
 * The text's box in touch mode (the touch bar, with the row of help with reading beneath it, is
 * taller than the loop's prompt), on a screen with a one-line title and a one-line disclaimer;
 * measured in Chromium with the bundled fonts. The row takes 8 vmin (64 px and its gap: 9.6 vmin
 * on a screen 800 pixels across its short side).
 */
export const SCREEN_SHAPES: readonly ScreenShape[] = [
  {
    name: '16:9 landscape screen (1920×1080)',
    withPicture: { width: 94.2, height: 56.5 },
    withoutPicture: { width: 126.8, height: 56.5 },
  },
  {
    name: '16:10 landscape screen (1280×800)',
    withPicture: { width: 84, height: 53.4 },
    withoutPicture: { width: 113.4, height: 53.4 },
  },
  {
    name: '9:16 portrait screen (1080×1920)',
    withPicture: { width: 91.2, height: 42.4 },
    withoutPicture: { width: 68.4, height: 118.7 },
  },
  {
    name: '10:16 portrait screen (800×1280)',
    // Measured: 31 with a one-line title. In a box this short the estimate's line breaking errs
    // small for Chinese (one line too many), so the box is given a little taller, as before.
    withPicture: { width: 91.3, height: 33 },
    withoutPicture: { width: 68.4, height: 97.7 },
  },
];

/** The page's sizes (styles/global.css, SlideView.svelte), in vmin at full size. */
const TITLE = { size: 6.2, lineHeight: 1.1, bold: true };
const SUMMARY = { size: 3.8, lineHeight: 1.35, bold: false };
const GAP = 2.6 * 1.2;
/** The QR code and its words in touch mode (TakeHome.svelte), with the gap above them. */
const LINK_HEIGHT = 19 + GAP;

/** Below this, text is noticeably smaller than the kiosk's usual size: worth telling staff. */
export const WARN_BELOW_SCALE = 0.85;

/** Letters of one script that the fonts draw about equally wide, with their width in em. */
const ADVANCES: readonly [RegExp, number][] = [
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u, 1],
  [/\p{Script=Cyrillic}/u, 0.6],
  [/[\p{Script=Arabic}\p{Script=Hebrew}]/u, 0.46],
  [/\p{Script=Devanagari}/u, 0.4],
  [/\p{M}/u, 0],
];
const OTHER_ADVANCE = 0.47;
const SPACE_ADVANCE = 0.26;
const BOLD_WIDER = 1.07;

/** Chinese, Japanese and Korean break between any two characters, not only at spaces. */
const BREAKS_ANYWHERE = ADVANCES[0]?.[0] ?? /$^/;

/** Each character's script is looked up once: a folder's slides repeat the same few letters. */
const advances = new Map<string, number>();

function advance(character: string): number {
  let width = advances.get(character);
  if (width === undefined) {
    width = ADVANCES.find(([script]) => script.test(character))?.[1] ?? OTHER_ADVANCE;
    if (advances.size < 10_000) advances.set(character, width);
  }
  return width;
}

/** The words of a text as the page breaks lines between them, each with its width in em. */
function wordsOf(text: string, bold: boolean): { text: string; width: number }[] {
  const words: { text: string; width: number }[] = [];
  for (const spaced of text.split(/\s+/).filter((word) => word !== '')) {
    let current = '';
    const flush = () => {
      if (current !== '') words.push({ text: current, width: widthOf(current, bold) });
      current = '';
    };
    for (const character of spaced) {
      if (BREAKS_ANYWHERE.test(character)) {
        flush();
        words.push({ text: character, width: widthOf(character, bold) });
      } else current += character;
    }
    flush();
  }
  return words;
}

function widthOf(text: string, bold: boolean): number {
  let width = 0;
  for (const character of text) width += advance(character);
  return bold ? width * BOLD_WIDER : width;
}

/** Lines a text takes in a box `width` em wide; a word wider than the box is broken over as many as it needs. */
function lineCount(words: readonly { width: number }[], width: number): number {
  let lines = 0;
  let used = Infinity;
  for (const word of words) {
    if (used + SPACE_ADVANCE + word.width <= width) {
      used += SPACE_ADVANCE + word.width;
    } else if (word.width <= width) {
      lines += 1;
      used = word.width;
    } else {
      const pieces = Math.ceil(word.width / width);
      lines += pieces;
      used = word.width - (pieces - 1) * width;
    }
  }
  return Math.max(lines, 1);
}

export interface FitEstimate {
  /** The scale the page will show the text at: 1 is its usual size. */
  readonly scale: number;
  /** A word too long for one line even at the smallest size for whole words: the page breaks it. */
  readonly brokenWord?: string;
  /** False when even the smallest size does not fit: the text scrolls. */
  readonly fits: boolean;
}

export interface SlideText {
  readonly title: string;
  readonly summary: string;
  readonly hasPicture: boolean;
  readonly hasLink: boolean;
}

/** How the page will fit a slide's title and summary on a screen of this shape. */
export function estimateFit(slide: SlideText, shape: ScreenShape): FitEstimate {
  const box = slide.hasPicture ? shape.withPicture : shape.withoutPicture;
  const height = box.height - (slide.hasLink ? LINK_HEIGHT : 0);
  const parts = [
    { ...TITLE, words: wordsOf(slide.title, TITLE.bold) },
    { ...SUMMARY, words: wordsOf(slide.summary, SUMMARY.bold) },
  ];
  const longest = (scale: number) =>
    parts
      .flatMap((part) => part.words.map((word) => ({ ...word, box: box.width / (part.size * scale) })))
      .find((word) => word.width > word.box)?.text;
  const heightAt = (scale: number) =>
    GAP * scale +
    parts.reduce(
      (sum, part) =>
        sum + lineCount(part.words, box.width / (part.size * scale)) * part.size * scale * part.lineHeight,
      0,
    );
  const fitsAt = (scale: number, wholeWords: boolean) =>
    heightAt(scale) <= height && (!wholeWords || longest(scale) === undefined);
  // The page's own search (lib/fit-text.ts): the usual size, the smallest, then halving between.
  const largest = (smallest: number, wholeWords: boolean) => {
    if (fitsAt(1, wholeWords)) return 1;
    if (!fitsAt(smallest, wholeWords)) return undefined;
    let [low, high] = [smallest, 1];
    for (let step = 0; step < 6; step += 1) {
      const middle = (low + high) / 2;
      if (fitsAt(middle, wholeWords)) low = middle;
      else high = middle;
    }
    return low;
  };
  const whole = largest(SMALLEST_WHOLE_WORD_SCALE, true);
  if (whole !== undefined) return { scale: whole, fits: true };
  const broken = largest(SMALLEST_TEXT_SCALE, false);
  const brokenWord = longest(broken ?? SMALLEST_WHOLE_WORD_SCALE);
  return {
    scale: broken ?? SMALLEST_TEXT_SCALE,
    ...(brokenWord === undefined ? {} : { brokenWord }),
    fits: broken !== undefined,
  };
}

/**
 * A warning for a slide file whose title and summary are too long for some shape of screen:
 * shown much smaller, with a word broken, or not fitting at all; one warning for all shapes.
 */
export function checkTextFits(
  file: string,
  slide: SlideText,
  language: string,
  at: { line?: number; column?: number } | undefined,
): ContentProblem | undefined {
  const findings: string[] = [];
  const broken = new Set<string>();
  for (const shape of SCREEN_SHAPES) {
    const estimate = estimateFit(slide, shape);
    if (estimate.brokenWord !== undefined) broken.add(estimate.brokenWord);
    if (!estimate.fits) findings.push(`${shape.name}: does not fit even at the smallest size, so it scrolls`);
    else {
      const what = [
        ...(estimate.scale < WARN_BELOW_SCALE
          ? [`shown at ${Math.round(estimate.scale * 100)}% of the usual size`]
          : []),
        ...(estimate.brokenWord === undefined ? [] : ['a long word broken across lines']),
      ];
      if (what.length > 0) findings.push(`${shape.name}: ${what.join(', ')}`);
    }
  }
  if (findings.length === 0) return undefined;
  const words = [...broken].map((word) => `"${word}"`).join(', ');
  return {
    ...warning(
      file,
      `the title and summary in ${englishLanguageName(language)} are long for some screens: ${findings.join('; ')}. Shorten them${words === '' ? '' : `, or put a hyphen in ${words} where it may break`}; put the rest in the Learn more text`,
    ),
    ...at,
  };
}
