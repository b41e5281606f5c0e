/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// These tests run code inside the page as well as in Node.
import type { ContentState } from '../../src/shared/content';
import { expect, tapScreen, test, ANY_SCREEN } from './support/preview';

test.describe('content that tries to run code', ANY_SCREEN, () => {
  test.use({ content: 'unsafe-markdown' });

  test('shows markup as text and never runs it, in the summary or the longer text', async ({ kiosk }) => {
    const violations: string[] = [];
    await kiosk.exposeFunction('reportViolation', (directive: string) => violations.push(directive));
    await kiosk.evaluate(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        void (window as unknown as { reportViolation(directive: string): Promise<void> }).reportViolation(
          event.violatedDirective,
        );
      });
    });

    await expect(
      kiosk.getByText('<img src=x onerror="window.__pwned = \'summary\'">A summary with markup in it.'),
    ).toBeVisible();
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'Learn more' }).click();
    const details = kiosk.getByRole('dialog', { name: 'Script in content' });
    await expect(details.getByText(/<script>window.__pwned = .script.;<\/script>/)).toBeVisible();
    await expect(details.getByText('A link that must not navigate')).toBeVisible();

    expect(await kiosk.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    await expect(details.locator('script, img, a, iframe')).toHaveCount(0);
    await details.getByText('A link that must not navigate').click();
    await expect(details).toBeVisible();
    expect(kiosk.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(violations).toEqual([]);
  });
});

test.describe('the preview server', ANY_SCREEN, () => {
  test('serves the pictures the content names and nothing outside it', async ({ request, kioskUrl }) => {
    const state = (await (await request.get(`${kioskUrl}api/content`)).json()) as ContentState;
    expect((await request.get(`${kioskUrl}${state.deck?.slides[0]?.image ?? ''}`)).status()).toBe(200);
    for (const path of [
      'content/../kiosk.yaml',
      'content/%2e%2e/%2e%2e/package.json',
      'content/..%2f..%2fpackage.json',
      'content/images%5c..%5c..%5ckiosk.yaml',
      '..%2f..%2fpackage.json',
    ]) {
      const response = await request.get(`${kioskUrl}${path}`);
      expect(response.status(), path).toBe(404);
    }
  });

  test('sends a strict Content-Security-Policy with the page', async ({ request, kioskUrl }) => {
    const response = await request.get(kioskUrl);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
  });
});

test.describe('a content folder with nothing to show', ANY_SCREEN, () => {
  test.use({ content: 'content-no-slides' });

  test('shows a calm standby screen with the clinic title, never a blank page', async ({
    page,
    kioskUrl,
  }) => {
    await page.goto(kioskUrl);
    await expect(page.getByRole('heading', { name: 'Empty clinic' })).toBeVisible();
    await expect(page.getByText('Information will be back shortly.')).toBeVisible();
  });
});
