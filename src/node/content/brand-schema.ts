import { z } from 'zod';
import {
  BLACK,
  contrast,
  formatRatio,
  luminance,
  MIN_TEXT_CONTRAST,
  mix,
  parseHex,
  toHex,
  WHITE,
  type Rgb,
} from './colour';

/**
 * `brand:` in kiosk.yaml: the clinic's logo, its colours and a font. The kiosk's whole palette is
 * derived from the three colours; every text on screen must keep 4.5:1 against what it sits on,
 * and a combination that would not is refused, saying which colour to change and by how much.
 * The staff's colours are used exactly as given, never adjusted.
 */

/** The kiosk's own colours (src/renderer/src/styles/global.css), for those `brand:` leaves out. */
const OWN = { accent: '#1f6f6b', background: '#f3f7f5', text: '#12343b' } as const;

export type ColourName = keyof typeof OWN;
export type BrandColours = Readonly<Record<ColourName, Rgb>>;

/** The palette's custom properties, as the page's stylesheet names them. */
export type Palette = Readonly<Record<`--${string}`, string>>;

interface Derived {
  readonly surface: Rgb;
  readonly inkSoft: Rgb;
  readonly accentSoft: Rgb;
  readonly onAccent: Rgb;
}

const passes = (a: Rgb, b: Rgb) => contrast(a, b) >= MIN_TEXT_CONTRAST;

/** The colours the kiosk derives from the clinic's three, as the stylesheet's defaults are derived. */
function derive({ accent, background, text }: BrandColours): Derived {
  const light = luminance(background) >= luminance(text);
  // Panels and buttons: a little lighter than the background (or, on a dark one, a little less dark).
  const surface = mix(background, WHITE, light ? 0.7 : 0.08);
  // Secondary text: as soft as it can be while it stays readable on both.
  const softness = [0.3, 0.25, 0.2, 0.15, 0.1, 0.05].find((share) => {
    const soft = mix(text, background, share);
    return passes(soft, background) && passes(soft, surface);
  });
  const inkSoft = softness === undefined ? text : mix(text, background, softness);
  // The tint behind a panel's heading and the chosen topic: faint, and never too close to its text.
  const tint = [0.85, 0.88, 0.91, 0.94, 0.97].find((share) => {
    const soft = mix(accent, background, share);
    return passes(text, soft) && passes(accent, soft);
  });
  const accentSoft = mix(accent, background, tint ?? 0.85);
  // Words on the accent colour: white where it is readable, as most clinics would expect.
  const onAccent =
    passes(WHITE, accent) || contrast(WHITE, accent) >= contrast(BLACK, accent) ? WHITE : BLACK;
  return { surface, inkSoft, accentSoft, onAccent };
}

/** Every text colour on its background, with what it is on screen and which of the clinic's colours sets it. */
function textPairs(colours: BrandColours): { owner: ColourName; ratio: number; on: string; what: string }[] {
  const { accent, background, text } = colours;
  const { surface, accentSoft, onAccent } = derive(colours);
  return [
    { owner: 'text', ratio: contrast(text, background), on: 'the background', what: 'the slides’ text' },
    { owner: 'text', ratio: contrast(text, surface), on: 'the panels', what: 'the text of “Learn more”' },
    {
      owner: 'text',
      ratio: contrast(text, accentSoft),
      on: 'the tinted headings',
      what: 'the panels’ headings',
    },
    {
      owner: 'accent',
      ratio: contrast(accent, background),
      on: 'the background',
      what: 'the title at the top',
    },
    { owner: 'accent', ratio: contrast(accent, surface), on: 'the buttons', what: 'the touch bar’s words' },
    { owner: 'accent', ratio: contrast(accent, accentSoft), on: 'the tinted panels', what: 'the countdown' },
    {
      owner: 'accent',
      ratio: contrast(onAccent, accent),
      on: 'the accent colour',
      what: 'the words on “Learn more” and “Touch to learn more”',
    },
  ];
}

/** The palette the page applies, as custom properties of its stylesheet. */
export function derivePalette(colours: BrandColours): Palette {
  const { accent, background, text } = colours;
  const { surface, inkSoft, accentSoft, onAccent } = derive(colours);
  const [r, g, b] = text;
  return {
    '--bg': toHex(background),
    '--surface': toHex(surface),
    '--ink': toHex(text),
    '--ink-soft': toHex(inkSoft),
    '--accent': toHex(accent),
    '--accent-strong': toHex(accent),
    '--accent-soft': toHex(accentSoft),
    '--on-accent': toHex(onAccent),
    '--line': toHex(mix(accent, background, 0.75)),
    '--backdrop': `rgb(${r} ${g} ${b} / 45%)`,
    '--shadow': `0 0.6vmin 2.4vmin rgb(${r} ${g} ${b} / 12%)`,
    '--shadow-raised': `0 2vmin 6vmin rgb(${r} ${g} ${b} / 30%)`,
  };
}

/**
 * What is wrong with the clinic's colours, each at the colour to change (or at the background,
 * when the colour that fails is the kiosk's own), with the nearest colour that would do.
 */
export function contrastProblems(
  colours: BrandColours,
  given: ReadonlySet<ColourName>,
): { at: ColourName; message: string }[] {
  const problems: { at: ColourName; message: string }[] = [];
  for (const owner of ['text', 'accent'] as const) {
    const failing = textPairs(colours).filter(
      (pair) => pair.owner === owner && pair.ratio < MIN_TEXT_CONTRAST,
    );
    // Told against the first of its backgrounds that fails: the page's own, when that is one.
    const worst = failing[0];
    if (worst === undefined) continue;
    const uses = [...new Set(failing.map((pair) => pair.what))].join(', ');
    const written = given.has(owner)
      ? `"${toHex(colours[owner])}"`
      : `(not given, so the kiosk's own "${toHex(colours[owner])}")`;
    const fix = nearestFix(colours, owner);
    problems.push({
      at: given.has(owner) ? owner : 'background',
      message: `${given.has(owner) ? `${written} is` : `makes the ${owner} colour ${written}`} ${formatRatio(worst.ratio)} on ${worst.on}, under the ${MIN_TEXT_CONTRAST}:1 that text needs (${uses}): ${fix}`,
    });
  }
  return problems;
}

/** How far `owner` must move towards black (or white, on a dark background) for every text to pass. */
function nearestFix(colours: BrandColours, owner: ColourName): string {
  const lightBackground = luminance(colours.background) >= 0.18;
  const towards = lightBackground ? BLACK : WHITE;
  for (let percent = 1; percent <= 100; percent += 1) {
    const candidate = mix(colours[owner], towards, percent / 100);
    const trial = { ...colours, [owner]: candidate };
    const still = textPairs(trial).filter((pair) => pair.owner === owner && pair.ratio < MIN_TEXT_CONTRAST);
    if (still.length === 0) {
      const ratio = Math.min(
        ...textPairs(trial)
          .filter((pair) => pair.owner === owner)
          .map((pair) => pair.ratio),
      );
      return `make ${owner} ${lightBackground ? 'darker' : 'lighter'} by about ${percent}%, such as ${owner}: "${toHex(candidate)}" (${formatRatio(ratio)})`;
    }
  }
  return `choose a ${lightBackground ? 'lighter' : 'darker'} background, so that the ${owner} colour stands out against it`;
}

const COLOUR_EXAMPLE =
  'must be a colour written as # and six hex digits, in quotes, such as "#1f6f6b" (without the quotes, # starts a note and the colour is lost)';

const colourSchema = z
  .string({ error: COLOUR_EXAMPLE })
  // Unquoted, `#1f6f6b` is a note in YAML and the setting is left empty: say so, not "missing".
  .nullable()
  .transform((text, context): Rgb => {
    if (text === null) {
      context.addIssue({
        code: 'custom',
        message:
          'is empty: write the colour in quotes, such as "#1f6f6b" (without the quotes, # starts a note and the colour is lost)',
        input: text,
      });
      return z.NEVER;
    }
    const rgb = parseHex(text);
    if (rgb === undefined) {
      context.addIssue({ code: 'custom', message: COLOUR_EXAMPLE, input: text });
      return z.NEVER;
    }
    return rgb;
  });

const fileSchema = (example: string) =>
  z
    .string({ error: `must be a file in the content folder, such as ${example}` })
    .trim()
    .min(1);

const brandShape = z.strictObject({
  logo: fileSchema('images/logo.svg').optional(),
  accent: colourSchema.optional(),
  background: colourSchema.optional(),
  text: colourSchema.optional(),
  font: fileSchema('fonts/clinic.woff2').optional(),
});

/** The names `brand:` accepts, to suggest the right one for a misspelt key. */
export const BRAND_SETTINGS = Object.keys(brandShape.shape);

export interface BrandSettings {
  /** The logo's path in the content folder, checked as a picture when the content is loaded. */
  readonly logo?: string;
  /** A WOFF2 font's path in the content folder, for Latin text. */
  readonly font?: string;
  /** Set when `brand:` gives any colour. */
  readonly palette?: Palette;
}

export const brandSchema = brandShape
  .superRefine((brand, context) => {
    const given = new Set(
      (['accent', 'background', 'text'] as const).filter((name) => brand[name] !== undefined),
    );
    if (given.size === 0) return;
    for (const { at, message } of contrastProblems(coloursOf(brand), given))
      context.addIssue({ code: 'custom', path: [at], message });
  })
  .transform((brand): BrandSettings => {
    const hasColour =
      brand.accent !== undefined || brand.background !== undefined || brand.text !== undefined;
    return {
      ...(brand.logo === undefined ? {} : { logo: brand.logo }),
      ...(brand.font === undefined ? {} : { font: brand.font }),
      ...(hasColour ? { palette: derivePalette(coloursOf(brand)) } : {}),
    };
  });

/** The clinic's colours, the kiosk's own where `brand:` leaves one out. */
function coloursOf(brand: { accent?: Rgb; background?: Rgb; text?: Rgb }): BrandColours {
  const own = (name: ColourName) => parseHex(OWN[name]) ?? BLACK;
  return {
    accent: brand.accent ?? own('accent'),
    background: brand.background ?? own('background'),
    text: brand.text ?? own('text'),
  };
}
