/**
 * The typefaces, bundled with the page so that every script of the built-in languages shows real
 * letters, and the same letters, on any computer: a minimal Debian has no Chinese or Devanagari
 * font at all, and Windows's fonts differ by version and edition. Each face is split by
 * `unicode-range`: the page downloads only the parts whose letters it shows.
 *
 * - Atkinson Hyperlegible Next: Latin (English, Spanish, French, German, Italian, Portuguese,
 *   Dutch, Polish, Turkish, Tagalog), made for readers with low vision.
 * - Noto Sans: Cyrillic (Ukrainian, Russian), Vietnamese, Devanagari (Hindi), Greek; and the whole
 *   of a Vietnamese text, whose letters Atkinson has only in part (global.css).
 * - Noto Sans Arabic (Arabic, Persian, Urdu) and Noto Sans Hebrew: right-to-left scripts.
 * - Noto Sans SC (variable weight, so one set of files serves regular and bold): Chinese, and the
 *   Japanese and Korean a clinic may add. Its declarations are 33 KB of CSS (a hundred slices, each
 *   with its list of characters), so they are loaded only once the content has such text.
 *
 * Their sizes are in the benchmark's size table (BENCHMARKS.md).
 */
import '@fontsource/atkinson-hyperlegible-next/400.css';
import '@fontsource/atkinson-hyperlegible-next/700.css';
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import '@fontsource/noto-sans-hebrew/hebrew-400.css';
import '@fontsource/noto-sans-hebrew/hebrew-700.css';

/** Chinese, Japanese and Korean letters and punctuation: what only Noto Sans SC draws. */
const EAST_ASIAN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

let eastAsian: Promise<unknown> | undefined;

/**
 * Makes sure the faces that `text` needs are declared: the Chinese face's the first time there
 * is Chinese, Japanese or Korean text (the content, or a language's name on its button). The
 * page measures its text again when the face arrives (lib/fit-text.ts).
 */
export function declareFontsFor(text: string): Promise<unknown> {
  if (eastAsian === undefined && EAST_ASIAN.test(text))
    eastAsian = import('@fontsource-variable/noto-sans-sc/wght.css');
  return eastAsian ?? Promise.resolve();
}
