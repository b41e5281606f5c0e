import { describe, expect, it, vi } from 'vitest';
import { applyBrand, BRAND_FONT_FAMILY } from '../../../../src/renderer/src/lib/brand';

function root() {
  const set = new Map<string, string>();
  return {
    set,
    style: {
      setProperty: (name: string, value: string) => void set.set(name, value),
      removeProperty: (name: string) => {
        set.delete(name);
        return '';
      },
    },
  };
}

const fonts = () => ({ load: vi.fn(() => Promise.resolve()) });

describe('the clinic’s look on the page', () => {
  it('sets the palette’s custom properties on the root element', () => {
    const target = root();
    applyBrand(target, { palette: { '--accent': '#7a2e8e', '--bg': '#fbf8f3' } }, [], fonts());
    expect(Object.fromEntries(target.set)).toEqual({ '--accent': '#7a2e8e', '--bg': '#fbf8f3' });
  });

  it('takes only the palette’s own properties, and only plain colour values', () => {
    const target = root();
    applyBrand(
      target,
      {
        palette: {
          '--accent': '#7a2e8e',
          'background-image': '#000',
          '--bg': 'url(https://example.com/track.png)',
          '--ink': 'red; }',
        },
      },
      [],
      fonts(),
    );
    expect(Object.fromEntries(target.set)).toEqual({ '--accent': '#7a2e8e' });
  });

  it('takes back what an earlier brand set when the content changes', () => {
    const target = root();
    const first = applyBrand(
      target,
      { palette: { '--accent': '#7a2e8e' }, font: 'content/f.woff2?v=1' },
      [],
      fonts(),
    );
    applyBrand(target, undefined, first, fonts());
    expect(target.set.size).toBe(0);
  });

  it('loads the clinic’s font for Latin text, ahead of the kiosk’s own', () => {
    const target = root();
    const loader = fonts();
    applyBrand(target, { font: 'content/fonts/clinic.woff2?v=1' }, [], loader);
    expect(loader.load).toHaveBeenCalledWith(
      BRAND_FONT_FAMILY,
      'content/fonts/clinic.woff2?v=1',
      expect.stringContaining('U+0000-017F'),
    );
    expect(target.set.get('font-family')).toMatch(/^'Clinic Brand', 'Atkinson Hyperlegible Next'/);
  });
});
