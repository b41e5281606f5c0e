/**
 * A slide's link (`link: https://...`): the limit on its length, and the short form of the
 * address written beside its QR code.
 */

/**
 * The longest link, in bytes of UTF-8, that fits a QR code of version 6 (41 × 41 modules) at
 * error correction level M: 106. At 25% of a 1080-pixel screen's short side (the Learn more
 * panel's code), with its quiet zone, a module is then 5 to 6 pixels, about 1.5 mm on a
 * 24-inch screen: an ordinary phone reads it from an arm's length. Longer links need a denser
 * code, which phones read only from closer.
 */
export const MAX_LINK_BYTES = 106;

/** How many characters of the address are written out before it is cut short with "…". */
const SHORT_ADDRESS_CHARS = 40;

/**
 * The address as a patient reads it beside the code: no `https://`, no `www.`, no query or
 * fragment (tracking or not, the code carries the link exactly as staff wrote it), no final
 * slash, and cut short if it is long: `example.org/back-pain`.
 */
export function shortAddress(link: string): string {
  let address: string;
  try {
    const url = new URL(link);
    address = `${url.hostname.replace(/^www\./, '')}${decodePath(url.pathname)}`.replace(/\/$/, '');
  } catch {
    address = link;
  }
  return address.length > SHORT_ADDRESS_CHARS ? `${address.slice(0, SHORT_ADDRESS_CHARS - 1)}…` : address;
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
