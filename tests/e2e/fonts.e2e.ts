/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// These tests run code inside the page as well as in Node.
import { TABLES } from '../../src/renderer/src/i18n';
import { nativeLanguageName } from '../../src/shared/languages';
import { ANY_SCREEN, expect, test } from './support/preview';

/** The digits a built-in language may be written with, where they are not 0 to 9 (ar-EG, fa, hi-u-nu-deva). */
const OTHER_DIGITS: Readonly<Record<string, string>> = {
  ar: '٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹',
  hi: '०१२३४५६७८९',
};

/** Every word of each built-in language, as a patient may see it: its name, its words, its numbers. */
const WORDS = Object.entries(TABLES).map(([language, table]) => ({
  language,
  text: [
    nativeLanguageName(language),
    ...Object.values(table).flatMap((word) => (typeof word === 'string' ? [word] : Object.values(word))),
    '0123456789',
    OTHER_DIGITS[language] ?? '',
  ].join(' '),
}));

test.describe('fonts', () => {
  // With Chinese among the languages, so that the page declares the Chinese face, as it would.
  test.use({ content: 'languages-many' });

  test(
    'show every built-in language’s words in real letters: none is a missing-glyph box or blank',
    ANY_SCREEN,
    async ({ kiosk }) => {
      const missing = await kiosk.evaluate(async (languages) => {
        const family = getComputedStyle(document.body).fontFamily;
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 64;
        const context = canvas.getContext('2d', { willReadFrequently: true });
        if (!context) throw new Error('no canvas');
        const draw = (character: string, weight: number) => {
          context.clearRect(0, 0, 64, 64);
          context.font = `${weight} 40px ${family}`;
          context.fillText(character, 8, 48);
          return context.getImageData(0, 0, 64, 64).data.join();
        };
        const problems: string[] = [];
        for (const weight of [400, 700]) {
          const all = languages.map(({ text }) => text).join('');
          await document.fonts.load(`${weight} 40px ${family}`, all);
          // U+0378 is no character at all: every font draws its missing-glyph box for it.
          const box = draw('\u0378', weight);
          const blank = draw(' ', weight);
          for (const { language, text } of languages) {
            for (const character of new Set(text)) {
              // Spaces and joiners draw nothing, as they should.
              if (character.trim() === '' || ['\u200c', '\u200d', '\u202f'].includes(character)) continue;
              const drawn = draw(character, weight);
              if (drawn === box || drawn === blank)
                problems.push(
                  `${language} ${character} U+${character.codePointAt(0)?.toString(16)} (${weight})`,
                );
            }
          }
        }
        return problems;
      }, WORDS);
      expect(missing).toEqual([]);
    },
  );

  test(
    'draw every built-in language’s words with the fonts bundled with the kiosk, none from the computer',
    ANY_SCREEN,
    async ({ kiosk }) => {
      await kiosk.evaluate(async (languages) => {
        const holder = document.createElement('div');
        holder.className = 'visually-hidden';
        holder.dataset.glyphCheck = '';
        for (const { language, text } of languages) {
          for (const weight of ['400', '700']) {
            const line = document.createElement('p');
            line.lang = language;
            line.textContent = text;
            line.style.fontWeight = weight;
            line.style.whiteSpace = 'normal';
            holder.append(line);
          }
        }
        document.body.append(holder);
        await Promise.all(
          [...holder.children].map((line) => {
            const style = getComputedStyle(line);
            return document.fonts.load(`${style.fontWeight} 40px ${style.fontFamily}`, line.textContent);
          }),
        );
      }, WORDS);
      const cdp = await kiosk.context().newCDPSession(kiosk);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
        nodeId: root.nodeId,
        selector: '[data-glyph-check] p',
      });
      expect(nodeIds).toHaveLength(WORDS.length * 2);
      const fromTheComputer: string[] = [];
      for (const [index, nodeId] of nodeIds.entries()) {
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        for (const font of fonts.filter((used) => !used.isCustomFont))
          fromTheComputer.push(
            `${WORDS[Math.floor(index / 2)]?.language}: ${font.familyName} (${font.glyphCount} letters)`,
          );
      }
      await cdp.detach();
      expect(fromTheComputer).toEqual([]);
    },
  );
});
