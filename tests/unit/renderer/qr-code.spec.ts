import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { QR_OPTIONS, qrCodeOf } from '../../../src/renderer/src/lib/qr-code';
import { MAX_LINK_BYTES } from '../../../src/shared/links';

/**
 * The error correction level a code says it has, read from its own format information (the 15
 * bits beside the top-left finder pattern, masked with 0x5412, as ISO/IEC 18004 lays them out).
 */
function errorCorrectionOf(modules: readonly (readonly boolean[])[], border: number): string {
  const at = (x: number, y: number) => (modules[y + border]?.[x + border] ? 1 : 0);
  const positions: [number, number][] = [
    ...[0, 1, 2, 3, 4, 5].map((y): [number, number] => [8, y]),
    [8, 7],
    [8, 8],
    [7, 8],
    ...[9, 10, 11, 12, 13, 14].map((bit): [number, number] => [14 - bit, 8]),
  ];
  const bits = positions.reduce((value, [x, y], bit) => value | (at(x, y) << bit), 0) ^ 0x5412;
  return ['M', 'L', 'H', 'Q'][bits >> 13] ?? '?';
}

describe('the kiosk’s QR codes', () => {
  it('are at most version 6 (41 × 41 modules) at error correction M for the longest link content:check allows', () => {
    const longest = `https://example.org/${'a'.repeat(MAX_LINK_BYTES - 20)}`;
    const code = encode(longest, QR_OPTIONS);
    expect(code.version).toBeLessThanOrEqual(6);
    expect(code.size).toBe(41 + 8);
    expect(errorCorrectionOf(code.data, 4)).toBe('M');
    expect(encode(`${longest}a`, QR_OPTIONS).version).toBe(7);
  });

  it('correct errors at level M or better, more where the same size allows, with a quiet zone of four modules', () => {
    for (const link of ['https://example.org/a', 'https://example.org/health/back-pain-exercises?lang=en']) {
      const code = encode(link, QR_OPTIONS);
      expect(['M', 'Q', 'H']).toContain(errorCorrectionOf(code.data, 4));
      const edge = [
        ...code.data.slice(0, 4).flat(),
        ...code.data.slice(-4).flat(),
        ...code.data.flatMap((row) => [...row.slice(0, 4), ...row.slice(-4)]),
      ];
      expect(edge.every((dark) => !dark)).toBe(true);
    }
    // 17 bytes need version 2, which holds 18 at level Q: the code is raised to Q at no cost in size.
    expect(errorCorrectionOf(encode('https://ex.org/ab', QR_OPTIONS).data, 4)).toBe('Q');
  });

  it('draw one square per dark module, in a square as big as the code', () => {
    const code = qrCodeOf('https://example.org/a');
    const dark = encode('https://example.org/a', QR_OPTIONS).data.flat().filter(Boolean).length;
    expect(code.path.match(/M\d+ \d+h1v1h-1z/g)).toHaveLength(dark);
    expect(code.size).toBe(25 + 8);
  });
});
