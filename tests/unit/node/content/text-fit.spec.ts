import { describe, expect, it } from 'vitest';
import { estimateFit, SCREEN_SHAPES } from '../../../../src/node/content/text-fit';
import { loadContent } from '../../../../src/node/content/load';
import { formatProblem } from '../../../../src/shared/content';
import { memoryFs, ROOT } from './memory-fs';

const [landscape, , portrait, narrowPortrait] = SCREEN_SHAPES;
const slideFile = (title: string, summary: string, extra = '') =>
  `---\ntitle: ${title}\nsummary: ${summary}\n${extra}---\nBody.\n`;

async function messages(files: Record<string, string>) {
  const state = await loadContent(
    ROOT,
    memoryFs({ 'kiosk.yaml': 'title: Test\nlanguages: [de, zh]\n', ...files }),
  );
  return state.problems.map(formatProblem).filter((message) => !message.includes('translation'));
}

describe('how the page will fit a slide’s text', () => {
  const plain = { hasPicture: false, hasLink: false };

  it('shows a short title and summary at their usual size on every screen', () => {
    for (const shape of SCREEN_SHAPES) {
      expect(
        estimateFit({ ...plain, title: 'Gute Nacht', summary: 'Schlaf hilft dem Rücken.' }, shape),
      ).toEqual({
        scale: 1,
        fits: true,
      });
    }
  });

  it('shrinks a long summary, more on a screen with less room, and more still with a QR code under it', () => {
    const text = {
      ...plain,
      hasPicture: true,
      title: 'Bewegung',
      summary: 'Gehen Sie jeden Tag ein Stück spazieren. '.repeat(7),
    };
    const wide = estimateFit(text, landscape!).scale;
    const narrow = estimateFit(text, narrowPortrait!).scale;
    const withLink = estimateFit({ ...text, hasLink: true }, narrowPortrait!).scale;
    expect(wide).toBe(1);
    expect(narrow).toBeLessThan(wide);
    expect(withLink).toBeLessThan(narrow);
  });

  it('breaks a word too long for a line even at 60%, and says which', () => {
    const word = 'Gesundheitsvorsorgeuntersuchungsterminvereinbarung';
    expect(estimateFit({ ...plain, title: word, summary: 'Am Empfang.' }, portrait!)).toEqual({
      scale: 1,
      brokenWord: word,
      fits: true,
    });
  });

  it('breaks Chinese between any two characters, so no word is too long', () => {
    const title = '多瑙河蒸汽船航运公司船长帽与脊柱健康长期维护及预防性检查预约说明';
    expect(estimateFit({ ...plain, title, summary: '请到一楼接待处。' }, narrowPortrait!)).not.toHaveProperty(
      'brokenWord',
    );
  });

  it('says when even the smallest size does not fit', () => {
    const summary = 'Ein langer Satz über den Rücken und die Schmerzen. '.repeat(60);
    expect(estimateFit({ ...plain, title: 'Viel', summary }, narrowPortrait!)).toMatchObject({
      fits: false,
      scale: 0.55,
    });
  });
});

describe('content:check on text too long for a screen', () => {
  it('warns which slide, in which language, is too long for which screen shape', async () => {
    const found = await messages({
      'slides/01-a.md': slideFile('Gesundheitsvorsorgeuntersuchungsterminvereinbarung', 'Am Empfang.'),
      'slides/01-a.zh.md': slideFile('预约', '请到一楼接待处。'),
    });
    expect(found).toEqual([
      'slides/01-a.md:2:8 the title and summary in German are long for some screens: 16:9 landscape screen (1920×1080): shown at 81% of the usual size; 16:10 landscape screen (1280×800): shown at 73% of the usual size; 9:16 portrait screen (1080×1920): a long word broken across lines; 10:16 portrait screen (800×1280): a long word broken across lines. Shorten them, or put a hyphen in "Gesundheitsvorsorgeuntersuchungsterminvereinbarung" where it may break; put the rest in the Learn more text',
    ]);
  });

  it('says nothing of text that fits everywhere', async () => {
    expect(
      await messages({
        'slides/01-a.md': slideFile('Guter Schlaf', 'Schlaf hilft dem Rücken, sich zu erholen.'),
      }),
    ).toEqual([]);
  });
});
