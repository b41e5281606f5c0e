import { describe, expect, it, vi } from 'vitest';
import {
  attachKioskInput,
  SCROLLABLE_ATTRIBUTE,
  type KioskInputHandlers,
} from '../../../../src/renderer/src/lib/input';

/** Node's EventTarget stands in for the window; events carry just the fields the code reads. */
function fakeEvent(type: string, fields: Record<string, unknown> = {}) {
  const event = new Event(type, { cancelable: true });
  for (const [key, value] of Object.entries({
    timeStamp: 0,
    isPrimary: true,
    pointerId: 1,
    clientX: 0,
    clientY: 0,
    ...fields,
  })) {
    Object.defineProperty(event, key, { value });
  }
  return event;
}

/** Pointer and touch listeners are added a microtask after attaching (as Svelte's `on` does): wait for it. */
async function setUp(overrides: Partial<KioskInputHandlers> = {}) {
  const target = new EventTarget();
  const handlers = {
    activity: vi.fn(() => false),
    canSwipe: vi.fn(() => true),
    rightToLeft: vi.fn(() => false),
    swipe: vi.fn(),
    key: vi.fn(),
    ...overrides,
  } satisfies KioskInputHandlers;
  const detach = attachKioskInput(target as unknown as Window, handlers);
  await Promise.resolve();
  return { target, handlers, detach };
}

describe('kiosk input', () => {
  it('swallows the click that follows a touch which only woke the kiosk', async () => {
    const { target } = await setUp({ activity: vi.fn(() => true) });
    const buttonPressed = vi.fn();
    target.addEventListener('click', buttonPressed);
    target.dispatchEvent(fakeEvent('pointerdown', { timeStamp: 100 }));
    const click = fakeEvent('click', { timeStamp: 250 });
    target.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(buttonPressed).not.toHaveBeenCalled();
  });

  it('lets ordinary clicks through in touch mode', async () => {
    const { target } = await setUp();
    target.dispatchEvent(fakeEvent('pointerdown', { timeStamp: 100 }));
    const click = fakeEvent('click', { timeStamp: 250 });
    target.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
  });

  it('turns a sideways drag into a swipe and does not let it press a button', async () => {
    const { target, handlers } = await setUp();
    target.dispatchEvent(fakeEvent('pointerdown', { clientX: 800, clientY: 300 }));
    target.dispatchEvent(fakeEvent('pointerup', { clientX: 400, clientY: 320, timeStamp: 50 }));
    expect(handlers.swipe).toHaveBeenCalledWith('next');
    const click = fakeEvent('click', { timeStamp: 60 });
    target.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
  });

  it('does not swipe while a panel is open or after the pointer was cancelled', async () => {
    const { target, handlers } = await setUp({ canSwipe: vi.fn(() => false) });
    target.dispatchEvent(fakeEvent('pointerdown', { clientX: 800 }));
    target.dispatchEvent(fakeEvent('pointerup', { clientX: 100 }));
    expect(handlers.swipe).not.toHaveBeenCalled();

    const open = await setUp();
    open.target.dispatchEvent(fakeEvent('pointerdown', { clientX: 800 }));
    open.target.dispatchEvent(fakeEvent('pointercancel'));
    open.target.dispatchEvent(fakeEvent('pointerup', { clientX: 100 }));
    expect(open.handlers.swipe).not.toHaveBeenCalled();
  });

  it('uses a key press that woke the kiosk for nothing else', async () => {
    const { target, handlers } = await setUp({ activity: vi.fn(() => true) });
    const key = fakeEvent('keydown', { key: 'ArrowRight' });
    target.dispatchEvent(key);
    expect(key.defaultPrevented).toBe(true);
    expect(handlers.key).not.toHaveBeenCalled();
  });

  it('removes every listener it added', async () => {
    const { target, handlers, detach } = await setUp();
    detach();
    for (const type of ['pointerdown', 'pointerup', 'keydown', 'wheel'])
      target.dispatchEvent(fakeEvent(type));
    expect(handlers.activity).not.toHaveBeenCalled();
    expect(handlers.key).not.toHaveBeenCalled();
  });

  it('keeps a moving finger from starting a browser fling, except over text that scrolls', async () => {
    const { target } = await setUp();
    const onSlide = fakeEvent('touchmove');
    target.dispatchEvent(onSlide);
    expect(onSlide.defaultPrevented).toBe(true);

    const overPanelText = fakeEvent('touchmove');
    const text = { closest: (selector: string) => (selector === `[${SCROLLABLE_ATTRIBUTE}]` ? {} : null) };
    Object.defineProperty(overPanelText, 'target', { value: text });
    target.dispatchEvent(overPanelText);
    expect(overPanelText.defaultPrevented).toBe(false);
  });

  it('counts the longer text scrolling as the patient being there, and no other scroll', async () => {
    const { target, handlers } = await setUp();
    const text = { closest: (selector: string) => (selector === `[${SCROLLABLE_ATTRIBUTE}]` ? {} : null) };
    target.dispatchEvent(fakeEvent('scroll', { target: text }));
    expect(handlers.activity).toHaveBeenCalledTimes(1);
    target.dispatchEvent(fakeEvent('scroll', { target: { closest: () => null } }));
    expect(handlers.activity).toHaveBeenCalledTimes(1);
  });
});
