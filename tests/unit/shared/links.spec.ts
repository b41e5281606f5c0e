import { describe, expect, it } from 'vitest';
import { shortAddress } from '../../../src/shared/links';

describe('a link’s address written out', () => {
  it.each([
    ['https://example.org/', 'example.org'],
    ['https://www.example.org/back-pain/', 'example.org/back-pain'],
    ['https://example.org/back?utm_source=kiosk#top', 'example.org/back'],
    ['https://example.org/r%C3%BCcken', 'example.org/rücken'],
    [
      'https://example.org/health/exercises-for-the-lower-back-at-home',
      'example.org/health/exercises-for-the-lo…',
    ],
  ])('%s reads as %s', (link, address) => {
    expect(shortAddress(link)).toBe(address);
  });
});
