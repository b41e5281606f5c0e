// @ts-check
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** @import { Deck, LocalizedDeck, Slide } from '../run.mjs' */

/**
 * What the baseline uses of the kiosk's own timing module (src/renderer/src/lib/timing.ts).
 * @typedef {{
 *   timingOf: (deck: Deck) => { readonly loop?: readonly { readonly slide: number; readonly language: number }[] };
 *   editionsOf: (deck: Deck) => readonly LocalizedDeck[];
 * }} TimingModule
 */

/**
 * The baseline: the practical floor for a looping screen. One static HTML page with the same
 * slides (title, summary, picture), the same typeface files and a similar layout, cross-fading
 * with CSS animations only, and no JavaScript at all.
 *
 * Its first frame is as cheap as a static page's: it preloads its two font files (as the kiosk's
 * index.html does), and it shows the first slide alone at first, as a plain static element. The
 * loop's layers (every slide, stacked, each with its own opacity animation) stay skipped
 * (`content-visibility: hidden`: no style, layout, paint or raster, and their lazy pictures are
 * not fetched) until a one-shot CSS animation reveals them, and hides the static first slide, a
 * second after the page starts. Stacked all at once, the layers cost the first frame about
 * 55 ms of software raster here (a layer whose opacity is animated is rastered even while at
 * opacity 0) and about 40 ms of parsing the other pictures' SVG documents.
 */

const FADE_SECONDS = 0.6;

/**
 * When the loop's layers replace the static first slide, in seconds after the page starts: after
 * its first frame, however slow the machine, and before anything moves (the layers' animations
 * start when they are revealed, so the first slide stays this much longer, once).
 */
const REVEAL_SECONDS = 1;

/** @type {Readonly<Record<string, string>>} */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);

/**
 * The latin 400 and 700 woff2 files the kiosk's own CSS uses (Vite gives them hashed names).
 * @param {string} assetsDir
 */
async function findFonts(assetsDir) {
  const files = await readdir(assetsDir);
  /** @param {number} weight */
  const pick = (weight) =>
    files.find((name) => name.includes(`-latin-${weight}-normal`) && name.endsWith('.woff2'));
  return { regular: pick(400), bold: pick(700) };
}

/**
 * The opacity keyframes of the loop's step `index`, on screen from `start` to `end` of `total` seconds.
 * @param {number} index
 * @param {{ start: number; end: number }} span
 * @param {number} total
 */
function keyframes(index, { start, end }, total) {
  /** @param {number} seconds */
  const at = (seconds) => `${((seconds / total) * 100).toFixed(4)}%`;
  if (index === 0) {
    return `0%{opacity:1}${at(end - FADE_SECONDS)}{opacity:1}${at(end)}{opacity:0}${at(total - FADE_SECONDS)}{opacity:0}100%{opacity:1}`;
  }
  return `0%{opacity:0}${at(start - FADE_SECONDS)}{opacity:0}${at(start)}{opacity:1}${at(end - FADE_SECONDS)}{opacity:1}${at(end)}{opacity:0}100%{opacity:0}`;
}

/**
 * The loop's steps as the kiosk shows them, from the kiosk's own `timingOf` and `editionsOf`
 * (src/renderer/src/lib/timing.ts): each slide in the default language, or with
 * `attract.languages: rotate` each slide in every language it is translated into, in turn.
 * @param {Deck} deck
 * @param {TimingModule} timing
 */
function loopSteps(deck, { timingOf, editionsOf }) {
  const editions = editionsOf(deck);
  const timing = timingOf(deck);
  const steps = timing.loop ?? deck.slides.map((_, slide) => ({ slide, language: 0 }));
  return steps.map(({ slide, language }) => {
    const shown = editions[language]?.slides[slide];
    if (shown === undefined)
      throw new Error(`The loop shows slide ${slide} in language ${language}: no such slide`);
    return { slide: shown };
  });
}

/**
 * @param {Deck} deck
 * @param {readonly { slide: Slide }[]} steps
 * @param {{ regular: string | undefined; bold: string | undefined }} fonts
 */
function baselineHtml(deck, steps, fonts) {
  let elapsed = 0;
  const spans = steps.map(({ slide }) => {
    const start = elapsed;
    elapsed += slide.seconds;
    return { start, end: elapsed };
  });
  const total = elapsed;
  const latin =
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
  /**
   * @param {number} weight
   * @param {string | undefined} file
   */
  const face = (weight, file) =>
    file === undefined
      ? ''
      : `@font-face{font-family:'Atkinson Hyperlegible Next';font-style:normal;font-display:swap;font-weight:${weight};src:url(assets/${file}) format('woff2');unicode-range:${latin}}`;

  /**
   * One slide's markup. The loop's layers fetch their pictures only once revealed (`loading=lazy`
   * in a skipped subtree); the static first slide fetches its own at once.
   * @param {Slide} slide
   * @param {{ className: string; style?: string; lazy?: boolean; timed?: boolean }} options
   */
  const article = (slide, { className, style, lazy = false, timed = false }) => `
        <article class="${className}${slide.image ? ' has-image' : ''}" lang="${escapeHtml(slide.language)}"${style ? ` style="${style}"` : ''}>
          ${slide.image ? `<div class="picture"><img src="${escapeHtml(slide.image)}" alt=""${lazy ? ' loading="lazy"' : ''} decoding="async"></div>` : ''}
          <div class="text">
            <h2${timed ? ' elementtiming="slide-title"' : ''}>${escapeHtml(slide.title)}</h2>
            <p class="summary">${escapeHtml(slide.summary)}</p>
          </div>
        </article>`;

  // The slides cross-fade, stacked in one grid cell as the kiosk's are; the title, the prompt and the
  // disclaimer stay, in the default language (the kiosk also switches those with a slide's language).
  const [first] = steps;
  if (first === undefined) throw new Error('The loop has no slides');
  const layers = steps
    .map(({ slide }, index) =>
      article(slide, { className: 'slide layer', style: `animation-name:s${index}`, lazy: true }),
    )
    .join('');
  const stage = `${article(first.slide, { className: 'slide first', timed: true })}
        <div class="loop">${layers}
        </div>`;

  const css = `
${face(400, fonts.regular)}${face(700, fonts.bold)}
:root{--bg:#f3f7f5;--ink:#12343b;--ink-soft:#3a575d;--accent:#1f6f6b;--accent-strong:#17524f;--line:#c9dcd6;--gap:2.6vmin;--radius:2.2vmin;
font-family:'Atkinson Hyperlegible Next','Segoe UI','Noto Sans',system-ui,sans-serif;color:var(--ink);background:var(--bg);line-height:1.35}
*{box-sizing:border-box}html,body{margin:0;height:100%;overflow:hidden}h1,h2,p{margin:0}
.kiosk{display:grid;grid-template-rows:auto minmax(0,1fr) auto auto;gap:var(--gap);height:100%;padding:3.2vmin 4.4vmin 2.4vmin}
header{display:flex;align-items:baseline;gap:2vmin;padding-bottom:2vmin;border-bottom:.3vmin solid var(--line)}
h1{font-size:3vmin;color:var(--accent-strong)}.subtitle{font-size:2.3vmin;color:var(--ink-soft)}
.stage{display:grid;min-height:0}.stage>*,.loop>*{grid-area:1/1}
.loop{display:grid;min-height:0;content-visibility:hidden;animation:reveal 0s ${REVEAL_SECONDS}s both}
.first{animation:conceal 0s ${REVEAL_SECONDS}s both}
@keyframes reveal{to{content-visibility:visible}}@keyframes conceal{to{visibility:hidden}}
.slide{display:grid;align-items:center;gap:calc(var(--gap)*2);min-height:0;height:100%}
.layer{animation-duration:${total}s;animation-timing-function:linear;animation-iteration-count:infinite;animation-fill-mode:both}
.slide.has-image{grid-template-columns:minmax(0,.85fr) minmax(0,1.15fr)}
.slide:not(.has-image) .text{max-width:75%;margin-inline:auto;text-align:center}
.picture{height:min(100%,64vh);min-height:0}img{display:block;width:100%;height:100%;object-fit:contain;border-radius:var(--radius)}
.text{display:grid;gap:calc(var(--gap)*1.2)}h2{font-size:6.2vmin;line-height:1.1}.summary{font-size:3.8vmin;color:var(--ink-soft)}
.prompt{justify-self:center;min-height:max(64px,8.4vmin);padding:1.4vmin 4.4vmin;font-size:3.8vmin;font-weight:700;color:#fff;background:var(--accent);border-radius:99vmin}
footer{font-size:1.9vmin;color:var(--ink-soft);text-align:center}
${spans.map((span, index) => `@keyframes s${index}{${keyframes(index, span, total)}}`).join('\n')}
`;

  // The two font files are fetched with the page, not once the first layout asks for them, exactly
  // as the kiosk's own index.html preloads them.
  const preloads = [fonts.regular, fonts.bold]
    .flatMap((file) =>
      file === undefined
        ? []
        : [`    <link rel="preload" href="assets/${file}" as="font" type="font/woff2" crossorigin>`],
    )
    .join('\n');

  return `<!doctype html>
<html lang="${escapeHtml(deck.language)}">
  <head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(deck.title)}</title>
${preloads}
    <style>${css}</style>
  </head>
  <body>
    <div class="kiosk">
      <header><h1>${escapeHtml(deck.title)}</h1>${deck.subtitle ? `<p class="subtitle">${escapeHtml(deck.subtitle)}</p>` : ''}</header>
      <main class="stage">${stage}
      </main>
      <p class="prompt">Touch to learn more</p>
      ${deck.disclaimer ? `<footer><p>${escapeHtml(deck.disclaimer)}</p></footer>` : ''}
    </div>
  </body>
</html>
`;
}

/**
 * Writes the baseline page for `deck` into `dir`, with the font files from the build's `assetsDir`
 * and the content folder's files beside it (the pictures at the same addresses as in the kiosk).
 * `timing` is the kiosk's timing module (`timingOf`, `editionsOf`), which orders the loop.
 * @param {string} dir
 * @param {Deck} deck
 * @param {{ assetsDir: string; contentDir: string; timing: TimingModule }} options
 */
export async function writeBaseline(dir, deck, { assetsDir, contentDir, timing }) {
  const fonts = await findFonts(assetsDir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'assets'), { recursive: true });
  for (const file of Object.values(fonts)) {
    if (file !== undefined) await cp(join(assetsDir, file), join(dir, 'assets', file));
  }
  await cp(contentDir, join(dir, 'content'), { recursive: true });
  await writeFile(join(dir, 'index.html'), baselineHtml(deck, loopSteps(deck, timing), fonts));
  return dir;
}
