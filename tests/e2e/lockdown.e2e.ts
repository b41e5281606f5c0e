/// <reference lib="dom" />
// These tests run code inside the page as well as in Node.
import { expect, tapScreen, test, ANY_SCREEN } from './support/preview';

/** Dispatches a cancelable event at the middle of the screen and tells whether the page cancelled it. */
function isCancelled(
  page: import('@playwright/test').Page,
  type: 'contextmenu' | 'dragstart' | 'wheel',
  init: object = {},
) {
  return page.evaluate(
    ({ type, init }) => {
      const target = document.elementFromPoint(innerWidth / 2, innerHeight / 3) ?? document.body;
      const event =
        type === 'wheel'
          ? new WheelEvent(type, { bubbles: true, cancelable: true, ...init })
          : new MouseEvent(type, { bubbles: true, cancelable: true, ...init });
      return !target.dispatchEvent(event);
    },
    { type, init },
  );
}

test.describe('lockdown', ANY_SCREEN, () => {
  test('opens no context menu on a right click or a long press', async ({ kiosk }) => {
    expect(await isCancelled(kiosk, 'contextmenu')).toBe(true);
    await tapScreen(kiosk);
    expect(await isCancelled(kiosk, 'contextmenu')).toBe(true);
  });

  test('lets no text be selected', async ({ kiosk }) => {
    await tapScreen(kiosk);
    const summary = kiosk.getByText('The first summary.');
    await summary.dblclick();
    await summary.selectText().catch(() => undefined);
    expect(await kiosk.evaluate(() => getSelection()?.toString() ?? '')).toBe('');
    expect(await summary.evaluate((element) => getComputedStyle(element).userSelect)).toBe('none');
  });

  test('cannot be zoomed with a pinch, Ctrl+wheel or Ctrl+plus', async ({ kiosk }) => {
    await tapScreen(kiosk);
    const cdp = await kiosk.context().newCDPSession(kiosk);
    const size = kiosk.viewportSize()!;
    await cdp.send('Input.synthesizePinchGesture', {
      x: size.width / 2,
      y: size.height / 3,
      scaleFactor: 2.5,
      gestureSourceType: 'touch',
    });
    expect(await kiosk.evaluate(() => visualViewport?.scale)).toBe(1);
    expect(await isCancelled(kiosk, 'wheel', { ctrlKey: true, deltaY: -100 })).toBe(true);
    expect(await isCancelled(kiosk, 'wheel', { deltaY: -100 })).toBe(false);
    const zoomKey = await kiosk.evaluate(() => {
      const event = new KeyboardEvent('keydown', {
        key: '+',
        ctrlKey: true,
        bubbles: true,
        cancelable: true,
      });
      return !document.body.dispatchEvent(event);
    });
    expect(zoomKey).toBe(true);
  });

  test('does not let pictures be dragged away', async ({ kiosk }) => {
    await expect(kiosk.locator('article img')).toHaveAttribute('draggable', 'false');
    expect(await isCancelled(kiosk, 'dragstart')).toBe(true);
  });

  test('hides the mouse cursor a few seconds after the mouse stops', async ({ kiosk }) => {
    const cursor = () =>
      kiosk.evaluate(
        () => getComputedStyle(document.elementFromPoint(innerWidth / 2, innerHeight / 3)!).cursor,
      );
    expect(await cursor()).toBe('none');
    await kiosk.mouse.move(200, 200);
    await kiosk.mouse.move(300, 260);
    expect(await cursor()).not.toBe('none');
    await kiosk.clock.runFor(2900);
    expect(await cursor()).not.toBe('none');
    await kiosk.clock.runFor(200);
    expect(await cursor()).toBe('none');
  });
});
