/**
 * Colours as staff write them (`#1f6f6b`), and the contrast between two of them as WCAG 2 defines
 * it: what decides whether text is readable on its background from across a waiting room.
 */

export type Rgb = readonly [number, number, number];

export const WHITE: Rgb = [255, 255, 255];
export const BLACK: Rgb = [0, 0, 0];

/** WCAG 2's minimum for text of ordinary size: every text on the kiosk is held to it. */
export const MIN_TEXT_CONTRAST = 4.5;

/** `#1f6f6b`, `1f6f6b` or `#1f6`; undefined for anything else. */
export function parseHex(text: string): Rgb | undefined {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  const digits = match?.[1];
  if (digits === undefined) return undefined;
  const full = digits.length === 3 ? digits.replace(/./g, '$&$&') : digits;
  return [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16)) as unknown as Rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2's relative luminance: 0 for black, 1 for white. */
export function luminance(rgb: Rgb): number {
  const [r = 0, g = 0, b = 0] = rgb.map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** From 1:1 (the same colour) to 21:1 (black on white). */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `a` moved `share` of the way to `b` (0: `a`, 1: `b`). */
export function mix(a: Rgb, b: Rgb, share: number): Rgb {
  return [0, 1, 2].map((index) => {
    const from = a[index] ?? 0;
    return Math.round(from + ((b[index] ?? 0) - from) * share);
  }) as unknown as Rgb;
}

/** `4.6:1`, rounded down, so that a ratio shown as 4.5:1 is never one that falls short of it. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}
