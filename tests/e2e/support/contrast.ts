/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// This runs inside the page as well as in Node.
import type { Page } from '@playwright/test';

/**
 * Every piece of visible text whose contrast against the background actually behind it (the
 * first opaque one of its ancestors) is below `minimum`, with its ratio.
 */
export function lowContrastTexts(page: Page, minimum = 4.5) {
  return page.evaluate((minimum) => {
    const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const linear = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const backgroundOf = (element: Element | null): number[] => {
      for (let node = element; node; node = node.parentElement) {
        const [r = 0, g = 0, b = 0, alpha = 1] = channels(getComputedStyle(node).backgroundColor);
        if (alpha >= 0.99) return [r, g, b];
      }
      return channels(getComputedStyle(document.documentElement).backgroundColor);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const failures: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!element || text === '' || !element.checkVisibility({ opacityProperty: true })) continue;
      if (element.closest('[inert], .backdrop') && !element.closest('[role="dialog"], [role="alertdialog"]'))
        continue;
      const foreground = luminance(channels(getComputedStyle(element).color));
      const background = luminance(backgroundOf(element));
      const ratio = (Math.max(foreground, background) + 0.05) / (Math.min(foreground, background) + 0.05);
      if (ratio < minimum) failures.push(`"${text.slice(0, 30)}" ${ratio.toFixed(2)}:1`);
    }
    return failures;
  }, minimum);
}
