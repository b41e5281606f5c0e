import { encode } from 'uqr';

/**
 * How every QR code on the kiosk is made: error correction M at least (a code still reads with
 * 15% of it smudged or in glare), raised where the same size allows; a quiet zone of four modules
 * all round, as the standard asks.
 */
export const QR_OPTIONS = { ecc: 'M', boostEcc: true, border: 4 } as const;

/**
 * A link's QR code, made here from the link exactly as written: nothing is fetched and nothing is
 * added to it. `path` draws its dark modules in a `size` × `size` square, quiet zone included.
 */
export function qrCodeOf(link: string): { size: number; version: number; path: string } {
  const code = encode(link, QR_OPTIONS);
  const path = code.data
    .flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x} ${y}h1v1h-1z`] : [])))
    .join('');
  return { size: code.size, version: code.version, path };
}
