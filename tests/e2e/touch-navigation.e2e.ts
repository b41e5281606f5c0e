import { expect, slideHeading, swipe, tapScreen, test } from './support/preview';

test.describe('touch navigation', () => {
  test('stops the loop in touch mode on the slide that was showing', async ({ kiosk }) => {
    await kiosk.clock.runFor(2000);
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();
    await tapScreen(kiosk);

    await expect(kiosk.getByRole('button', { name: 'Next' })).toBeVisible();
    await expect(kiosk.getByText('Touch to learn more')).toBeHidden();
    await kiosk.clock.runFor(5000);
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();
  });

  test('uses the first touch only to wake the kiosk, even where a button will appear', async ({ kiosk }) => {
    const size = kiosk.viewportSize()!;
    // Where the Next button appears in touch mode: bottom right in landscape, bottom right of two rows in portrait.
    await kiosk.touchscreen.tap(size.width - 150, size.height - 110);
    await expect(kiosk.getByRole('button', { name: 'Next' })).toBeVisible();
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await expect(kiosk.getByText('1 of 3', { exact: true })).toBeVisible();
  });

  test('moves with Next and Previous, wrapping at both ends', async ({ kiosk }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Previous' }).click();
    await expect(slideHeading(kiosk, 'Third slide')).toBeVisible();
    await kiosk.getByRole('button', { name: 'Next' }).click();
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await kiosk.getByRole('button', { name: 'Next' }).click();
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();
  });

  test('turns the slide with a finger swipe: left for the next, right for the previous', async ({
    kiosk,
  }) => {
    await tapScreen(kiosk);
    const size = kiosk.viewportSize()!;
    const middle = size.height / 3;
    await swipe(kiosk, { x: size.width * 0.7, y: middle }, { x: size.width * 0.3, y: middle });
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();
    await swipe(kiosk, { x: size.width * 0.3, y: middle }, { x: size.width * 0.7, y: middle });
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
  });

  test('answers a button touched right after a quick swipe', async ({ kiosk }) => {
    await tapScreen(kiosk);
    const size = kiosk.viewportSize()!;
    const middle = size.height / 3;
    await swipe(kiosk, { x: size.width * 0.7, y: middle }, { x: size.width * 0.3, y: middle });
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();
    const next = kiosk.getByRole('button', { name: 'Next' });
    const box = (await next.boundingBox())!;
    await kiosk.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await expect(slideHeading(kiosk, 'Third slide')).toBeVisible();
  });

  test('turns the slide with a mouse drag, as touchscreens that send mouse events do', async ({ kiosk }) => {
    await tapScreen(kiosk);
    const size = kiosk.viewportSize()!;
    await kiosk.mouse.move(size.width * 0.8, size.height / 3);
    await kiosk.mouse.down();
    await kiosk.mouse.move(size.width * 0.2, size.height / 3, { steps: 5 });
    await kiosk.mouse.up();
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();
  });

  test('ignores a short or vertical movement', async ({ kiosk }) => {
    await tapScreen(kiosk);
    const size = kiosk.viewportSize()!;
    await swipe(
      kiosk,
      { x: size.width / 2, y: size.height / 3 },
      { x: size.width / 2 - 40, y: size.height / 3 },
    );
    await swipe(
      kiosk,
      { x: size.width / 2, y: size.height * 0.2 },
      { x: size.width / 2 - 90, y: size.height * 0.6 },
    );
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
  });

  test('jumps to any slide from the list of all topics', async ({ kiosk }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'All topics' }).click();
    const list = kiosk.getByRole('dialog', { name: 'Choose a topic' });
    await expect(list.getByRole('button')).toHaveText([
      /Close/,
      /1\s*First slide/,
      /2\s*Second slide/,
      /3\s*Third slide/,
      // The help with reading, at the foot of every panel.
      /Listen/,
      /Larger text/,
      /High contrast/,
    ]);
    await list.getByRole('button', { name: 'Third slide' }).click();
    await expect(list).toBeHidden();
    await expect(slideHeading(kiosk, 'Third slide')).toBeVisible();
  });

  test('opens the longer text with Learn more and closes it again', async ({ kiosk }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Learn more' }).click();
    const details = kiosk.getByRole('dialog', { name: 'First slide' });
    await expect(details.getByText('The first slide’s longer text.')).toBeVisible();
    await expect(details.getByRole('listitem')).toHaveText(['one point', 'another point']);
    await details.getByRole('button', { name: 'Close' }).click();
    await expect(details).toBeHidden();
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
  });

  test('returns to the loop with Back to start', async ({ kiosk }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Next' }).click();
    await kiosk.getByRole('button', { name: 'Back to start' }).click();
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await expect(kiosk.getByText('Touch to learn more')).toBeVisible();
    await kiosk.clock.runFor(2000);
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();
  });

  test('works from a keyboard: any key wakes, arrows move, Enter opens, Escape closes', async ({ kiosk }) => {
    await kiosk.keyboard.press('ArrowRight');
    await expect(kiosk.getByRole('button', { name: 'Next' })).toBeVisible();
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await kiosk.keyboard.press('ArrowRight');
    await expect(slideHeading(kiosk, 'Second slide')).toBeVisible();
    await kiosk.keyboard.press('ArrowLeft');
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await kiosk.keyboard.press('Enter');
    const details = kiosk.getByRole('dialog', { name: 'First slide' });
    await expect(details).toBeVisible();
    await kiosk.keyboard.press('Escape');
    await expect(details).toBeHidden();
  });

  test('gives every control at least 64 by 64 pixels', async ({ kiosk }) => {
    await tapScreen(kiosk);
    const check = async () => {
      const buttons = kiosk.getByRole('button');
      const count = await buttons.count();
      expect(count).toBeGreaterThan(0);
      for (let index = 0; index < count; index += 1) {
        const box = await buttons.nth(index).boundingBox();
        expect(box, await buttons.nth(index).innerText()).not.toBeNull();
        expect(box!.width).toBeGreaterThanOrEqual(64);
        expect(box!.height).toBeGreaterThanOrEqual(64);
      }
    };
    await check();
    await kiosk.getByRole('button', { name: 'All topics' }).click();
    await expect(kiosk.getByRole('dialog')).toBeVisible();
    await check();
  });
});

test.describe('a longer text than the screen holds', () => {
  test.use({ content: 'long-text' });

  test('scrolls under a finger in the Learn more panel, without turning the slide', async ({ kiosk }) => {
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Learn more' }).click();
    const panel = kiosk.getByRole('dialog', { name: 'A long read' });
    const last = panel.getByText('The last paragraph.');
    await expect(last).not.toBeInViewport();

    const box = (await panel.boundingBox())!;
    const x = box.x + box.width / 2;
    // How far a swipe carries depends on whether Chromium turns it into a fling, so the finger
    // keeps swiping up until the end of the text shows; if the text never scrolls, this times out.
    await expect(async () => {
      await swipe(kiosk, { x, y: box.y + box.height * 0.85 }, { x, y: box.y + box.height * 0.3 });
      await expect(last).toBeInViewport({ timeout: 250 });
    }).toPass({ intervals: [0], timeout: 20_000 });
    await kiosk.getByRole('button', { name: 'Close' }).click();
    await expect(slideHeading(kiosk, 'A long read')).toBeVisible();
  });
});
