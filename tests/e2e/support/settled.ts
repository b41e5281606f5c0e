import type { Page } from '@playwright/test';

/**
 * Whatever is appearing has finished appearing, so colours and places are judged as they end up.
 * Svelte's fades are the browser's animations, on its own timeline, not the test's clock. Svelte
 * starts each fade from the `finish` event of an empty animation that ends at once, and that event
 * is sent in one of the browser's frames, later: until then the page reports nothing playing. So
 * each look first lets a tenth of a second of the browser's own time pass (an animation of its own
 * is the timer the test's clock does not hold), and the page is settled when two looks in a row,
 * a clock step apart, find nothing playing.
 */
export async function settled(page: Page): Promise<void> {
  await page.clock.runFor(1000);
  let stillLooks = 0;
  for (let look = 0; look < 40 && stillLooks < 2; look += 1) {
    const playing = await page.evaluate(async () => {
      await document.documentElement.animate([], { duration: 100 }).finished;
      const unfinished = document.getAnimations().filter((animation) => animation.playState !== 'finished');
      await Promise.all(unfinished.map((animation) => animation.finished.catch(() => undefined)));
      return unfinished.length;
    });
    stillLooks = playing === 0 ? stillLooks + 1 : 0;
    await page.clock.runFor(100);
  }
  if (stillLooks < 2)
    throw new Error('The page never stopped moving: an animation starts each time one ends.');
}
