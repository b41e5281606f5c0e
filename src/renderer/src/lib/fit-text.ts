import type { Attachment } from 'svelte/attachments';
import { SMALLEST_TEXT_SCALE, SMALLEST_WHOLE_WORD_SCALE } from '../../../shared/text-scale';
import { stopAll } from './cleanup';

/** Steps of halving between two scales: 6 find the best scale to within 1%. */
const SEARCH_STEPS = 6;

/**
 * Fits the text in `box` (a slide's title and summary) into the box, by setting `--fit`, the
 * scale its font sizes are multiplied by:
 *
 * 1. the largest scale from 1 down to {@link SMALLEST_WHOLE_WORD_SCALE} at which all the text fits
 *    with every word whole on its line (hyphenated where the browser has the language's dictionary);
 * 2. failing that, the largest from 1 down to {@link SMALLEST_TEXT_SCALE} at which it fits with long
 *    words broken at the edge of the box (`overflow-wrap: anywhere` in the page's style);
 * 3. failing that, the smallest, and the box scrolls: nothing is ever cut off or wider than the box.
 *
 * It measures again whenever the slide's size changes, when a font arrives (a Chinese or Arabic
 * font is loaded the first time it is needed, and its letters have other widths) and when
 * `_content` changes (what else the box holds: the QR code, once a patient touches the screen).
 * `data-fit` on the box tells the scale it chose, for the tests.
 */
// `_content` is not read: a new one makes Svelte attach anew, which measures again. With
// `keepSize` (Larger text), the text is never shrunk: it stays at its full size and the box scrolls.
export const fitText =
  (_content?: unknown, keepSize = false): Attachment<HTMLElement> =>
  (box) => {
    const fit = () => {
      if (keepSize) {
        setScale(box, 1);
        box.dataset.fit = '1.00';
        return;
      }
      box.classList.add('whole-words');
      let scale = largestFitting(box, SMALLEST_WHOLE_WORD_SCALE);
      box.classList.remove('whole-words');
      scale ??= largestFitting(box, SMALLEST_TEXT_SCALE) ?? SMALLEST_TEXT_SCALE;
      setScale(box, scale);
      box.dataset.fit = scale.toFixed(2);
    };
    // The slide's own size, which the text does not change: the box's does, as the text shrinks.
    const slide = box.parentElement ?? box;
    const observer = new ResizeObserver(fit);
    observer.observe(slide);
    document.fonts.addEventListener('loadingdone', fit);
    return stopAll([
      () => observer.disconnect(),
      () => document.fonts.removeEventListener('loadingdone', fit),
    ]);
  };

function largestFitting(box: HTMLElement, smallest: number): number | undefined {
  let [low, high] = [smallest, 1];
  setScale(box, high);
  if (fits(box)) return high;
  setScale(box, low);
  if (!fits(box)) return undefined;
  for (let step = 0; step < SEARCH_STEPS; step += 1) {
    const middle = (low + high) / 2;
    setScale(box, middle);
    if (fits(box)) low = middle;
    else high = middle;
  }
  return low;
}

function setScale(box: HTMLElement, scale: number): void {
  box.style.setProperty('--fit', String(scale));
}

/**
 * True when the text needs no scrolling and no line reaches past either side of the box: the
 * lines' own boxes are measured, so a word too long for the box is seen whichever way the text
 * runs (overflow to the left, in Arabic, is not counted in scrollWidth).
 */
function fits(box: HTMLElement): boolean {
  if (box.scrollHeight > box.clientHeight + 1) return false;
  const { left, right } = box.getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(box);
  for (const line of range.getClientRects()) {
    if (line.left < left - 1 || line.right > right + 1) return false;
  }
  return true;
}
