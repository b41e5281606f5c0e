import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { MAX_LINK_BYTES } from '../../../src/shared/links';

describe('the QR code of the longest link content:check allows', () => {
  it('is at most version 6 (41 × 41 modules) at error correction M, as the limit was chosen for', () => {
    const longest = `https://example.org/${'a'.repeat(MAX_LINK_BYTES - 20)}`;
    const code = encode(longest, { ecc: 'M', boostEcc: true, border: 4 });
    expect(code.version).toBeLessThanOrEqual(6);
    expect(code.size).toBe(41 + 8);
    expect(encode(`${longest}a`, { ecc: 'M', border: 4 }).version).toBe(7);
  });
});
