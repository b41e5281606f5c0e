import { describe, expect, it } from 'vitest';
import {
  checkPictureBytes,
  checkSvg,
  MAX_SVG_DRAWN_ELEMENTS,
  rasterDimensions,
} from '../../../../src/node/content/picture-check';
import { jpeg, png } from './memory-fs';

function webpExtended(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(30);
  bytes.set(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8X'));
  const u24 = (at: number, value: number) =>
    bytes.set([value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff], at);
  u24(24, width - 1);
  u24(27, height - 1);
  return bytes;
}

describe('the size a picture declares', () => {
  it('is read from PNG, JPEG and WebP headers', () => {
    expect(rasterDimensions(png(1920, 1080), 'image/png')).toEqual({ width: 1920, height: 1080 });
    expect(rasterDimensions(jpeg(800, 600), 'image/jpeg')).toEqual({ width: 800, height: 600 });
    expect(rasterDimensions(webpExtended(640, 480), 'image/webp')).toEqual({ width: 640, height: 480 });
  });

  it('is unknown for bytes that are not what the name says', () => {
    expect(rasterDimensions(new TextEncoder().encode('not a picture'), 'image/png')).toBeUndefined();
    expect(rasterDimensions(png(10, 10), 'image/jpeg')).toBeUndefined();
  });
});

describe('pictures a screen can draw', () => {
  it('accepts a screen-sized photo', () => {
    expect(checkPictureBytes(jpeg(3840, 2160), 'image/jpeg')).toEqual({ ok: true });
  });

  it('refuses a small file that declares gigapixels, saying how big it is', () => {
    const verdict = checkPictureBytes(png(100_000, 100_000), 'image/png');
    expect(!verdict.ok && verdict.message).toMatch(
      /^is 100000 × 100000 pixels, far more than a screen shows/,
    );
    expect(checkPictureBytes(webpExtended(9000, 9000), 'image/webp').ok).toBe(false);
  });

  it('refuses a file whose inside is not the kind its name says', () => {
    const verdict = checkPictureBytes(png(10, 10), 'image/jpeg');
    expect(!verdict.ok && verdict.message).toMatch(/is not a JPG picture inside/);
  });
});

describe('SVG drawings a screen can draw', () => {
  it('accepts an ordinary drawing, with symbols used a few times', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><defs><g id="dot"><circle r="1"/></g></defs>${'<use href="#dot"/>'.repeat(50)}</svg>`;
    expect(checkSvg(svg)).toEqual({ ok: true });
  });

  it('refuses repeats of repeats that would draw billions of shapes', () => {
    const groups = ['<g id="g0"><rect/></g>'];
    for (let level = 1; level <= 6; level += 1)
      groups.push(`<g id="g${level}">${`<use xlink:href="#g${level - 1}"/>`.repeat(10)}</g>`);
    const verdict = checkSvg(`<svg>${groups.join('')}</svg>`);
    expect(!verdict.ok && verdict.message).toContain(MAX_SVG_DRAWN_ELEMENTS.toLocaleString('en'));
  });

  it('refuses a drawing that uses itself', () => {
    expect(checkSvg('<svg><g id="a"><use href="#a"/></g></svg>').ok).toBe(false);
  });

  it('refuses entity declarations, which can grow a file into gigabytes', () => {
    const verdict = checkSvg('<!DOCTYPE svg [<!ENTITY a "x">]><svg><text>&a;</text></svg>');
    expect(!verdict.ok && verdict.message).toMatch(/DOCTYPE or ENTITY/);
  });

  it('refuses text that is not a well-formed drawing', () => {
    expect(checkSvg('<svg><g></svg>').ok).toBe(false);
    expect(checkSvg(`<svg>${'<g>'.repeat(300)}${'</g>'.repeat(300)}</svg>`).ok).toBe(false);
  });
});
