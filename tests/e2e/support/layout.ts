/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// This runs inside the page as well as in Node.
import type { Page } from '@playwright/test';

/**
 * Every piece of text a patient cannot read whole: outside the screen, or cut by a box that
 * hides what overflows it. Text in a box that scrolls up and down may go below its foot (a finger
 * brings it into view) but never past its sides. Behind an open modal dialog, nothing counts.
 */
export function cutOffTexts(page: Page) {
  return page.evaluate(() => {
    const modal = document.querySelector('dialog[open]:modal');
    const failures: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!element || text === '' || !element.checkVisibility({ opacityProperty: true })) continue;
      if (element.closest('.visually-hidden') || (modal && !modal.contains(element))) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      let limit = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
      let scrolls = false;
      for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const rect = box.getBoundingClientRect();
        limit = {
          left: Math.max(limit.left, rect.left),
          right: Math.min(limit.right, rect.right),
          top: Math.max(limit.top, rect.top),
          bottom: Math.min(limit.bottom, rect.bottom),
        };
        if (/auto|scroll/.test(style.overflowY)) scrolls = true;
      }
      const cut =
        box.left < limit.left - 1 ||
        box.right > limit.right + 1 ||
        (!scrolls && (box.top < limit.top - 1 || box.bottom > limit.bottom + 1));
      if (cut) failures.push(`"${text.slice(0, 40)}"`);
    }
    return failures;
  });
}

/** Every pair of controls that lie over each other, which a finger could not tell apart. */
export function overlappingControls(page: Page) {
  return page.evaluate(() => {
    const modal = document.querySelector('dialog[open]:modal');
    const controls = [...document.querySelectorAll('button')].filter(
      (button) => button.checkVisibility() && (!modal || modal.contains(button)),
    );
    const failures: string[] = [];
    controls.forEach((a, index) => {
      const one = a.getBoundingClientRect();
      for (const b of controls.slice(index + 1)) {
        const other = b.getBoundingClientRect();
        const apart =
          one.right <= other.left + 1 ||
          other.right <= one.left + 1 ||
          one.bottom <= other.top + 1 ||
          other.bottom <= one.top + 1;
        if (!apart) failures.push(`"${a.textContent.trim()}" and "${b.textContent.trim()}"`);
      }
    });
    return failures;
  });
}

/** The font size, in pixels, of the first element matching each selector. */
export function fontSizes(page: Page, selectors: readonly string[]) {
  return page.evaluate(
    (selectors) =>
      selectors.map((selector) => {
        const element = document.querySelector(selector);
        return element ? Number.parseFloat(getComputedStyle(element).fontSize) : Number.NaN;
      }),
    selectors,
  );
}
