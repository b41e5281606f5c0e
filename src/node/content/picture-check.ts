/**
 * What a picture file says about itself, read from its bytes before the page ever draws it: its
 * size in pixels, and for an SVG how much drawing it asks for. A small file can ask a screen to
 * draw gigapixels (a "decompression bomb") or an SVG to repeat itself billions of times; drawn,
 * either crashes the page, and the kiosk would reload into the same crash.
 */

/** Four times a 4K screen's width: more than any picture on a kiosk needs. */
export const MAX_PICTURE_SIDE = 8192;
/** About 100 MB once decoded; a 4K screen is 8.3 million pixels. */
export const MAX_PICTURE_PIXELS = 24_000_000;
/** How many shapes an SVG may draw, counting each repetition through `<use>`. */
export const MAX_SVG_DRAWN_ELEMENTS = 50_000;

export interface Dimensions {
  readonly width: number;
  readonly height: number;
}

export type PictureVerdict = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Checks a picture's bytes against the limits; `type` is its MIME type, from its name. */
export function checkPictureBytes(bytes: Uint8Array, type: string): PictureVerdict {
  if (type === 'image/svg+xml') return checkSvg(new TextDecoder().decode(bytes));
  const size = rasterDimensions(bytes, type);
  if (size === undefined) {
    return {
      ok: false,
      message: `is not a ${typeName(type)} picture inside, whatever its name says: save it again as ${typeName(type)} from a picture program`,
    };
  }
  return checkDimensions(size);
}

function checkDimensions({ width, height }: Dimensions): PictureVerdict {
  if (width <= 0 || height <= 0)
    return { ok: false, message: 'has no pixels: save it again from a picture program' };
  if (width > MAX_PICTURE_SIDE || height > MAX_PICTURE_SIDE || width * height > MAX_PICTURE_PIXELS) {
    return {
      ok: false,
      message: `is ${width} × ${height} pixels, far more than a screen shows: save it again at most 3840 pixels wide and high`,
    };
  }
  return { ok: true };
}

function typeName(type: string): string {
  return { 'image/png': 'PNG', 'image/jpeg': 'JPG', 'image/webp': 'WebP' }[type] ?? type;
}

/** The size a PNG, JPEG or WebP file declares in its header; undefined if it is not one. */
export function rasterDimensions(bytes: Uint8Array, type: string): Dimensions | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number, length: number) =>
    at + length <= bytes.length ? String.fromCharCode(...bytes.subarray(at, at + length)) : '';
  switch (type) {
    case 'image/png':
      // Signature, then the IHDR chunk: width and height as 32-bit big-endian numbers.
      if (ascii(1, 3) !== 'PNG' || ascii(12, 4) !== 'IHDR' || bytes.length < 24) return undefined;
      return { width: view.getUint32(16), height: view.getUint32(20) };
    case 'image/jpeg':
      return jpegDimensions(bytes, view);
    case 'image/webp':
      return webpDimensions(bytes, view, ascii);
    default:
      return undefined;
  }
}

function jpegDimensions(bytes: Uint8Array, view: DataView): Dimensions | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    // Fill bytes, and markers with no length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = view.getUint16(at + 2);
    // Start-of-frame markers (every kind but the Huffman, arithmetic-coding and JPG-extension ones).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}

function webpDimensions(
  bytes: Uint8Array,
  view: DataView,
  ascii: (at: number, length: number) => string,
): Dimensions | undefined {
  if (ascii(0, 4) !== 'RIFF' || ascii(8, 4) !== 'WEBP') return undefined;
  const chunk = ascii(12, 4);
  const u24 = (at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16);
  if (chunk === 'VP8X' && bytes.length >= 30) return { width: u24(24) + 1, height: u24(27) + 1 };
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

interface SvgElement {
  readonly name: string;
  readonly children: SvgElement[];
  readonly href: string | undefined;
}

/**
 * An SVG is text; what it costs to draw depends on how many shapes it draws, counting every
 * repetition through `<use>` (which can point at groups that themselves repeat). Entities are
 * refused outright: they can grow a small file into gigabytes before anything is drawn.
 */
export function checkSvg(text: string): PictureVerdict {
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) {
    return {
      ok: false,
      message:
        'contains a DOCTYPE or ENTITY declaration, which the kiosk does not draw: export the SVG again as plain SVG',
    };
  }
  const tree = parseSvgTree(text);
  if (tree === undefined) {
    return {
      ok: false,
      message: 'is not a well-formed SVG picture: export it again from your drawing program',
    };
  }
  // An SVG is drawn at the size it is shown, whatever size it declares: only repetition costs.
  if (countDrawn(tree.root, tree.byId) > MAX_SVG_DRAWN_ELEMENTS) {
    return {
      ok: false,
      message: `draws more than ${MAX_SVG_DRAWN_ELEMENTS.toLocaleString('en')} shapes (counting each repeat), more than a kiosk screen can draw safely: simplify it, or save it as a PNG`,
    };
  }
  return { ok: true };
}

const MAX_SVG_TAGS = 20_000;
/** Groups inside groups: drawings nest a few levels; hundreds is no drawing. */
const MAX_SVG_NESTING = 256;

/** The SVG's elements as a tree, and each one with an id; undefined if the tags do not nest. */
function parseSvgTree(text: string): { root: SvgElement; byId: Map<string, SvgElement> } | undefined {
  const byId = new Map<string, SvgElement>();
  const root: SvgElement = { name: '#document', children: [], href: undefined };
  const stack: SvgElement[] = [root];
  const tag =
    /<(\/?)([A-Za-z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g;
  let tags = 0;
  for (const match of text.matchAll(tag)) {
    const [, closing, name, attributes = '', selfClosing] = match;
    if (name === undefined) continue;
    tags += 1;
    if (tags > MAX_SVG_TAGS) return undefined;
    if (closing === '/') {
      if (stack.length <= 1 || stack.at(-1)?.name !== name) return undefined;
      stack.pop();
      continue;
    }
    const href = /(?:^|\s)(?:xlink:)?href\s*=\s*["']#([^"']+)["']/.exec(attributes)?.[1];
    const element: SvgElement = { name, children: [], href };
    const id = /(?:^|\s)id\s*=\s*["']([^"']+)["']/.exec(attributes)?.[1];
    if (id !== undefined) byId.set(id, element);
    stack.at(-1)?.children.push(element);
    if (selfClosing !== '/') stack.push(element);
    if (stack.length > MAX_SVG_NESTING) return undefined;
  }
  if (stack.length !== 1 || root.children.length === 0) return undefined;
  return { root, byId };
}

/** How many elements drawing `root` draws, each `<use>` counting what it repeats. */
function countDrawn(root: SvgElement, byId: ReadonlyMap<string, SvgElement>): number {
  const memo = new Map<SvgElement, number>();
  const visiting = new Set<SvgElement>();
  const cost = (element: SvgElement): number => {
    const known = memo.get(element);
    if (known !== undefined) return known;
    // A <use> that leads back to itself draws nothing in a browser; count it as too much.
    if (visiting.has(element)) return Number.POSITIVE_INFINITY;
    visiting.add(element);
    let total = 1;
    for (const child of element.children) total += cost(child);
    if (element.name === 'use' && element.href !== undefined) {
      const target = byId.get(element.href);
      if (target !== undefined) total += cost(target);
    }
    visiting.delete(element);
    memo.set(element, total);
    return total;
  };
  return cost(root);
}
