import type { Brand } from '../../../shared/content';
import { reportError } from './errors';

/**
 * The clinic's own look on the page. The page's Content-Security-Policy allows no inline styles
 * (`style-src 'self'`), so the palette is set through the CSSOM: each custom property of
 * global.css set on the root element with `style.setProperty`, which the policy does not govern.
 * The font is added with the FontFace API (its file comes from the page's own origin, as the
 * policy's `font-src 'self'` requires), for Latin text only: other scripts keep the kiosk's fonts.
 */

/** The palette's properties the page takes; anything else in a palette is ignored. */
const PALETTE_PROPERTIES = new Set([
  '--bg',
  '--surface',
  '--ink',
  '--ink-soft',
  '--accent',
  '--accent-strong',
  '--accent-soft',
  '--on-accent',
  '--line',
  '--backdrop',
  '--shadow',
  '--shadow-raised',
]);

/** Colours, and the shadows built from them: nothing that could load a resource or run. */
const SAFE_VALUE = /^[#a-z0-9 ().,%/-]*$/i;

export const BRAND_FONT_FAMILY = 'Clinic Brand';
/** Basic Latin, Latin-1 and Latin Extended-A, and the punctuation and symbols used with them. */
const LATIN = 'U+0000-017F, U+2000-206F, U+20AC, U+2122';
const KIOSK_FONTS = "'Atkinson Hyperlegible Next', 'Segoe UI', 'Noto Sans', system-ui, sans-serif";

export interface BrandTarget {
  readonly style: Pick<CSSStyleDeclaration, 'setProperty' | 'removeProperty'>;
}

export interface FontLoader {
  load(family: string, url: string, unicodeRange: string): Promise<unknown>;
}

const browserFonts: FontLoader = {
  async load(family, url, unicodeRange) {
    const face = new FontFace(family, `url("${url}")`, { unicodeRange, display: 'swap' });
    document.fonts.add(face);
    return face.load();
  },
};

/** Applies `brand` to `root`, replacing what an earlier one set; returns the properties it set. */
export function applyBrand(
  root: BrandTarget,
  brand: Brand | undefined,
  previous: readonly string[] = [],
  fonts: FontLoader = browserFonts,
): string[] {
  for (const property of previous) root.style.removeProperty(property);
  const set: string[] = [];
  for (const [property, value] of Object.entries(brand?.palette ?? {})) {
    if (!PALETTE_PROPERTIES.has(property) || !SAFE_VALUE.test(value)) continue;
    root.style.setProperty(property, value);
    set.push(property);
  }
  if (brand?.font !== undefined) {
    fonts
      .load(BRAND_FONT_FAMILY, brand.font, LATIN)
      .catch((error: unknown) => reportError(error, 'loading the clinic’s font'));
    root.style.setProperty('font-family', `'${BRAND_FONT_FAMILY}', ${KIOSK_FONTS}`);
    set.push('font-family');
  }
  return set;
}
