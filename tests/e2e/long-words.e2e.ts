/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// These tests run code inside the page as well as in Node.
import type { Page } from '@playwright/test';
import { estimateFit, SCREEN_SHAPES } from '../../src/node/content/text-fit';
import { ANY_SCREEN, expect, tapScreen, test } from './support/preview';

/** The screens clinics use: full HD and 4K both ways up, and the small ones. */
const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 3840, height: 2160 },
  { width: 800, height: 1280 },
];

/**
 * What is wrong with the layout, in words: anything wider than the screen or reaching past its
 * edges, a line of the slide's text past the side of its box, text that would need scrolling,
 * and the slide's heading or the prompt off-centre where they are centred. Empty when all is well.
 */
function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (element: Element) => `${element.tagName} "${element.textContent.trim().slice(0, 30)}"`;
    const root = document.documentElement;
    if (root.scrollWidth > innerWidth) problems.push(`the page is ${root.scrollWidth}px wide`);
    for (const element of document.body.querySelectorAll('*')) {
      if (element.closest('[inert], .visually-hidden') || element.getClientRects().length === 0) continue;
      const box = element.getBoundingClientRect();
      if (box.left < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1)
        problems.push(`${describe(element)} reaches past the screen`);
    }
    const boxes = document.querySelectorAll<HTMLElement>('[data-fit]');
    if (boxes.length !== 1) return [...problems, `${boxes.length} slides on screen`];
    const [text] = boxes;
    if (!text) return problems;
    if (text.scrollHeight > text.clientHeight + 1) problems.push('the slide text needs scrolling');
    const { left, right } = text.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(text);
    for (const line of range.getClientRects()) {
      if (line.left < left - 1 || line.right > right + 1) problems.push('a line reaches past its column');
    }
    const centred = (element: Element | null, name: string) => {
      if (!element) return;
      const box = element.getBoundingClientRect();
      const offset = Math.abs(box.left + box.width / 2 - innerWidth / 2);
      if (offset > 2) problems.push(`${name} is ${offset.toFixed(0)}px off-centre`);
    };
    const slide = text.closest('article');
    const heading = text.querySelector('h2');
    if (slide && (!slide.classList.contains('has-image') || innerHeight > innerWidth)) {
      centred(heading, 'the heading');
      if (heading && getComputedStyle(heading).textAlign !== 'center')
        problems.push('the heading is not centred');
    }
    centred(document.querySelector('.prompt'), 'the prompt');
    centred(document.querySelector('.touch-bar'), 'the touch bar');
    return problems;
  });
}

async function expectLaidOut(page: Page, title: string) {
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await expect.poll(() => layoutProblems(page)).toEqual([]);
}

/** The shape content:check estimates for, nearest to the screen's. */
function shapeOf({ width, height }: { width: number; height: number }) {
  const [wide, tall, portrait, narrow] = SCREEN_SHAPES;
  if (width > height) return width / height > 1.7 ? wide : tall;
  return height / width > 1.7 ? portrait : narrow;
}

/** content:check's estimate of the text's size (src/node/content/text-fit.ts) is the page's, within 10%. */
async function expectEstimateAgrees(page: Page) {
  const shown = await page.evaluate(() => {
    const box = document.querySelector<HTMLElement>('[data-fit]');
    return {
      title: box?.querySelector('h2')?.textContent ?? '',
      summary: box?.querySelector('.summary')?.textContent ?? '',
      hasPicture: box?.closest('article')?.classList.contains('has-image') ?? false,
      hasLink: box?.querySelector('figure') !== null,
      scale: Number(box?.dataset.fit),
    };
  });
  const estimate = estimateFit(shown, shapeOf(page.viewportSize()!)!);
  expect(
    Math.abs(estimate.scale - shown.scale),
    `${shown.title}: ${estimate.scale} estimated, ${shown.scale} shown`,
  ).toBeLessThanOrEqual(0.1);
}

/** Not translated, so shown in German in every language: a summary too long for its box at full size. */
const RUECKEN = 'Was Ihrem Rücken im Alltag hilft';

const LANGUAGES = [
  {
    button: 'Deutsch',
    titles: [
      'Donaudampfschifffahrtsgesellschaftskapitänsmütze und Wirbelsäulengesundheit',
      'Gesundheitsvorsorgeuntersuchungsterminvereinbarung',
      RUECKEN,
    ],
  },
  {
    button: 'العربية',
    titles: [
      'الاستشاراتالطبيةالمتخصصةللعمودالفقري والمفاصل والعضلات',
      'مواعيدالفحوصاتالوقائيةالشاملة',
      RUECKEN,
    ],
  },
  {
    button: '中文',
    titles: [
      '多瑙河蒸汽船航运公司船长帽与脊柱健康长期维护及预防性检查预约说明',
      '健康预防检查预约与医疗保险费用结算及物理治疗转诊服务指南',
      RUECKEN,
    ],
  },
];

test.describe('long words and long titles', () => {
  test.use({ content: 'long-words-de' });

  for (const screen of SCREENS) {
    test.describe(`on a ${screen.width}×${screen.height} screen`, () => {
      test.use({ viewport: screen });

      test(
        'keep German, Arabic and Chinese inside their columns, centred and whole, in the loop and in touch mode',
        ANY_SCREEN,
        async ({ kiosk }) => {
          await expectLaidOut(kiosk, LANGUAGES[0]!.titles[0]!);
          await tapScreen(kiosk);
          for (const language of LANGUAGES) {
            await kiosk.getByRole('button', { name: language.button }).click();
            for (const [index, title] of language.titles.entries()) {
              if (index > 0) await kiosk.locator('.touch-bar .nav').last().click();
              await expectLaidOut(kiosk, title);
              await expectEstimateAgrees(kiosk);
            }
            await kiosk.locator('.touch-bar .nav').last().click();
          }
        },
      );
    });
  }
});
