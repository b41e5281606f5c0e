import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../../src/node/content/load';
import { formatProblem } from '../../../../src/shared/content';
import { jpeg, KIOSK_YAML, memoryFs, pictureUrl, ROOT, slide } from './memory-fs';
import { diskFs as fs } from './memory-fs';

const scenario = (name: string) => join(__dirname, '../../../fixtures/content', name);

async function messagesOf(dir: string, severity: 'error' | 'warning' = 'error') {
  const state = await loadContent(dir, fs);
  return state.problems.filter((problem) => problem.severity === severity).map(formatProblem);
}

describe('kiosk.yaml', () => {
  it('explains unknown keys, wrong types and numbers out of range, each where it is written', async () => {
    expect(await messagesOf(scenario('settings-mistakes'))).toEqual([
      'kiosk.yaml:1:1 title is missing: the kiosk needs a title',
      'kiosk.yaml:1:1 unknown setting "titel": did you mean "title"? Check the spelling, or remove it',
      'kiosk.yaml:2:17 in languages, "sp" is not a language code: use a code such as en (English), es (Spanish), fr (French), zh (Chinese) or ar (Arabic)',
      'kiosk.yaml:4:22 attract.seconds_per_slide must be at least 2 seconds',
      'kiosk.yaml:5:14 attract.languages must be rotate (each slide in every language in turn) or default (the default language only)',
      'kiosk.yaml:7:17 touch.idle_seconds must be a number of seconds from 5 to 3600',
      'kiosk.yaml:8:20 touch.warning_seconds must be a whole number of seconds',
    ]);
  });

  it('checks the languages and the text given for each of them', async () => {
    expect(await messagesOf(scenario('languages-mistakes'))).toEqual([
      'kiosk.yaml:1:21 in languages, es is listed twice: keep it once',
      'kiosk.yaml:2:11 language disagrees with languages, whose first entry is the default language: remove the language: line',
      'kiosk.yaml:4:3 title has no text in English, the default language: add a line "en: ..." to it',
      'kiosk.yaml:5:7 title.fr is a text in French, which is not in languages: add fr to languages, or remove this line',
    ]);
  });

  it('explains a setting written as neither text nor one text per language', async () => {
    const files = memoryFs({ 'kiosk.yaml': 'title: [a, list]\n', 'slides/01-a.md': slide('A') });
    const { problems } = await loadContent(ROOT, files);
    expect(problems.map(formatProblem)).toEqual([
      'kiosk.yaml:1:8 title must be text, or one text per language such as {en: Welcome, es: Bienvenido}',
    ]);
  });

  it('points at the empty text in one language', async () => {
    const files = memoryFs({
      'kiosk.yaml': 'languages: [en, es]\ntitle:\n  en: Clinic\n  es: ""\n',
      'slides/01-a.md': slide('A'),
    });
    const { problems } = await loadContent(ROOT, files);
    expect(problems.map(formatProblem)).toEqual([
      'kiosk.yaml:4:7 title.es is empty: write the text after the colon, or remove the line',
      // The slides are still checked, with the languages kiosk.yaml names.
      'slides/01-a.md has no Spanish translation yet, so it shows in English there: add slides/01-a.es.md',
    ]);
  });

  it('accepts language codes in any case, and spells them the standard way', async () => {
    const files = memoryFs({
      'kiosk.yaml': 'languages: [EN, es-mx]\ntitle: {EN: Clinic, ES-MX: Clínica}\n',
      'slides/01-a.md': slide('A'),
      'slides/01-a.es-MX.md': slide('Uno'),
    });
    const { deck, problems } = await loadContent(ROOT, files);
    expect(problems).toEqual([]);
    expect(deck?.language).toBe('en');
    expect(deck?.translations.map((edition) => [edition.language, edition.title])).toEqual([
      ['es-MX', 'Clínica'],
    ]);
  });

  it('still understands the single language setting of older folders', async () => {
    const files = memoryFs({
      'kiosk.yaml': 'title: Clínica\nlanguage: es\n',
      'slides/01-a.md': slide('Uno'),
    });
    const { deck, problems } = await loadContent(ROOT, files);
    expect(problems).toEqual([]);
    expect(deck).toMatchObject({ language: 'es', title: 'Clínica', translations: [] });
  });
});

describe('slides', () => {
  it('explains every mistake in a slide’s settings, and ignores hidden, backup and other files', async () => {
    const state = await loadContent(scenario('slide-mistakes'), fs);
    expect(state.problems.map(formatProblem)).toEqual([
      'slides/02-no-title.md:2:1 title is missing: every slide needs a title',
      'slides/03-muscle-relaxation.md:2:8 title is missing: every slide needs a title',
      'slides/04-no-summary.md:2:1 summary is missing: every slide needs a summary',
      'slides/05-misspelt.md:2:1 summary is missing: every slide needs a summary',
      'slides/05-misspelt.md:3:1 unknown setting "sumary": did you mean "summary"? Check the spelling, or remove it',
      'slides/06-wrong-types.md:2:8 title must be text: if it is a number or yes/no, put it in quotes',
      'slides/06-wrong-types.md:4:10 seconds must be at least 2 seconds',
      'slides/07-no-front-matter.md:1:1 this slide has no front matter: start the file with a line of three dashes (---), then the title: and summary: lines, then another line of ---',
      'slides/08-unclosed-quote.md:3:28 a quote or bracket is opened here but never closed: close it, or put the whole text in quotes',
      'slides/09-duplicate.md:3:1 this setting is written twice: keep only one of them',
      'slides/10-seconds-text.md:4:10 seconds must be a number of seconds from 2 to 600',
    ]);
    expect(state.deck?.slides.map((slide) => slide.id)).toEqual(['01-good']);
  });

  it('says how many slides is too many', async () => {
    const files: Record<string, string> = { 'kiosk.yaml': KIOSK_YAML };
    for (let index = 1; index <= 21; index += 1)
      files[`slides/${String(index).padStart(2, '0')}-s.md`] = slide('S');
    const { problems } = await loadContent(ROOT, memoryFs(files));
    expect(problems.map(formatProblem)).toEqual([
      'slides there are 21 slides, more than the 20 the kiosk can show: it shows the first 20 and leaves out 21-s.md and the ones after it; remove some, or move them out of the slides folder',
    ]);
  });

  it('says so when there is no slides folder', async () => {
    const { problems } = await loadContent(ROOT, memoryFs({ 'kiosk.yaml': KIOSK_YAML }));
    expect(problems.map(formatProblem)).toEqual([
      'slides the slides folder is missing: create a folder named "slides" next to kiosk.yaml',
    ]);
  });
});

describe('files that cannot be used as text', () => {
  it('points at the first character of a file that is not saved as UTF-8', async () => {
    expect(await messagesOf(scenario('not-utf8'))).toEqual([
      'slides/01-latin1.md:2:11 this file is not saved as plain UTF-8 text: in your editor choose "Save as", then the encoding "UTF-8"',
    ]);
  });

  it('refuses a file that holds binary data', async () => {
    const files = memoryFs({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': '---\ntitle: A\0\n' });
    const { problems } = await loadContent(ROOT, files);
    expect(problems.map(formatProblem)).toEqual([
      'slides/01-a.md:2:9 this file is not saved as plain UTF-8 text: in your editor choose "Save as", then the encoding "UTF-8"',
    ]);
  });

  it('refuses a file over 1 MB without reading it', async () => {
    const files = memoryFs({
      'kiosk.yaml': KIOSK_YAML,
      'slides/01-a.md': slide('Fine'),
      'slides/02-big.md': new Uint8Array(1024 * 1024 + 1),
    });
    const { problems } = await loadContent(ROOT, files);
    expect(problems.map(formatProblem)).toEqual([
      'slides/02-big.md this file is too big (1.0 MB): a text file must be under 1 MB; check that it is the right file, and keep only text in it',
    ]);
  });

  it('says which file cannot be read', async () => {
    const files = memoryFs({
      'kiosk.yaml': KIOSK_YAML,
      'slides/01-a.md': Object.assign(new Error('EACCES'), { code: 'EACCES' }),
    });
    const { problems } = await loadContent(ROOT, files);
    expect(problems.map(formatProblem)).toEqual([
      'slides/01-a.md this file cannot be read: check that it is an ordinary file and is not open in another program',
    ]);
  });
});

describe('pictures', () => {
  const copy = mkdtempSync(join(tmpdir(), 'kiosk-pictures-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('refuses every picture that is not a PNG, JPG, WebP or SVG file inside the content folder', async () => {
    expect(await messagesOf(scenario('picture-mistakes'))).toEqual([
      'slides/02-web.md:4:8 image "https://example.com/picture.png" is a web address: the kiosk shows only pictures saved in the content folder; save the picture in the images folder and write images/ and its file name',
      'slides/03-data.md:4:8 image "data:image/png;base64,AAAA" is a picture pasted into the text: save it as a file in the images folder and write images/ and its file name',
      'slides/04-absolute.md:4:8 image "/etc/picture.png" is a full path on this computer: write it from the content folder, such as images/picture.png',
      'slides/05-drive.md:4:8 image "C:\\Pictures\\picture.png" is a full path on this computer: write it from the content folder, such as images/picture.png',
      'slides/06-outside.md:4:8 image "../outside.png" is outside the content folder: put the picture in the images folder, such as images/picture.png',
      'slides/07-backslash.md:4:8 image "images\\ok.svg" uses backslashes: write it with forward slashes, as images/ok.svg',
      'slides/08-gif.md:4:8 image "images/animation.gif" is not a PNG, JPG, WebP or SVG picture: save it in one of those formats, with that ending',
      'slides/09-folder.md:4:8 image "images/folder" is a folder, not a picture: add the picture’s file name',
      'slides/10-missing.md:4:8 image "images/nowhere.png" was not found: check the file name, or put the picture in the images folder',
    ]);
  });

  it('refuses a shortcut (symbolic link) that leads outside the content folder', async () => {
    const dir = join(copy, 'content');
    cpSync(join(__dirname, '../../../fixtures/three-slides'), dir, { recursive: true });
    writeFileSync(join(copy, 'outside.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    symlinkSync(join(copy, 'outside.svg'), join(dir, 'images', 'link.svg'));
    symlinkSync(join(dir, 'images', 'square.svg'), join(dir, 'images', 'inside-link.svg'));
    writeFileSync(
      join(dir, 'slides', '02-second.md'),
      '---\ntitle: Second slide\nsummary: Linked.\nimage: images/link.svg\n---\n',
    );
    writeFileSync(
      join(dir, 'slides', '03-third.md'),
      '---\ntitle: Third slide\nsummary: Linked inside.\nimage: images/inside-link.svg\n---\n',
    );
    const state = await loadContent(dir, fs);
    expect(state.problems.map(formatProblem)).toEqual([
      'slides/02-second.md:4:8 image "images/link.svg" is a shortcut to a picture outside the content folder: copy the picture itself into the images folder',
    ]);
    expect(state.deck?.slides[2]?.image).toEqual(pictureUrl('content/images/inside-link.svg'));
  });

  it('warns about a picture so large it may show slowly, and still shows it', async () => {
    const files = memoryFs({
      'kiosk.yaml': KIOSK_YAML,
      'slides/01-a.md': slide('A', 'image: images/photo.jpg\n'),
      'images/photo.jpg': jpeg(1600, 1200, 6 * 1024 * 1024),
    });
    const { deck, problems } = await loadContent(ROOT, files);
    expect(deck?.slides[0]?.image).toEqual(pictureUrl('content/images/photo.jpg'));
    expect(problems).toEqual([
      {
        severity: 'warning',
        file: 'slides/01-a.md',
        line: 4,
        column: 8,
        message:
          'image "images/photo.jpg" is large (6.0 MB) and may be slow to show: a picture under 1 MB is plenty for this screen',
      },
    ]);
  });
});

describe('translations', () => {
  it('finds each problem with translation files and says what it means for the screen', async () => {
    const state = await loadContent(scenario('translation-mistakes'), fs);
    expect(state.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
      'slides/03-three.es.md:2:1 title is missing: every slide needs a title',
      "slides/04-four.en.md is named as a translation into English, the default language: the default language's text belongs in slides/04-four.md",
      'slides/07-orphan.es.md translates slides/07-orphan.md, which does not exist: give the translation the same name as its slide, with .es before .md',
    ]);
    expect(state.problems.filter((p) => p.severity === 'warning').map(formatProblem)).toEqual([
      'slides/02-two.fr.md is a translation into French, which is not in languages in kiosk.yaml: add fr there to show it',
      'slides/02-two.md has no Spanish translation yet, so it shows in English there: add slides/02-two.es.md',
      'slides/04-four.md has no Spanish translation yet, so it shows in English there: add slides/04-four.es.md',
      'slides/08-intro.faq.md has no Spanish translation yet, so it shows in English there: add slides/08-intro.faq.es.md',
    ]);
  });

  it('shows a slide whose translation is missing or broken in the default language, and tells which', async () => {
    const { deck } = await loadContent(scenario('translation-mistakes'), fs);
    const spanish = deck?.translations[0];
    expect(spanish?.language).toBe('es');
    expect(spanish?.slides.map((slide) => [slide.id, slide.title, slide.language])).toEqual([
      ['01-one', 'Uno', 'es'],
      ['02-two', 'Two', 'en'],
      ['03-three', 'Three', 'en'],
      ['04-four', 'Four', 'en'],
      ['08-intro.faq', 'Questions', 'en'],
    ]);
  });

  it('gives a translation the picture and time of its slide unless it has its own', async () => {
    const { deck, problems } = await loadContent(join(__dirname, '../../../fixtures/content/languages'), fs);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const [first, , third] = deck?.translations[0]?.slides ?? [];
    expect(first).toMatchObject({
      title: 'Primera diapositiva',
      image: pictureUrl('content/images/square.svg'),
      seconds: 2,
    });
    expect(third).toMatchObject({ title: 'Tercera diapositiva', seconds: 6 });
    expect(deck?.slides[2]?.seconds).toBe(4);
  });

  it('gives every language its own title, and the default language’s where one is missing', async () => {
    const files = memoryFs({
      'kiosk.yaml': 'languages: [en, es, fr]\ntitle: {en: Clinic, es: Clínica}\nsubtitle: Only in English\n',
      'slides/01-a.md': slide('A'),
    });
    const { deck } = await loadContent(ROOT, files);
    expect(
      [deck, ...(deck?.translations ?? [])].map((edition) => [edition?.title, edition?.subtitle]),
    ).toEqual([
      ['Clinic', 'Only in English'],
      ['Clínica', 'Only in English'],
      ['Clinic', 'Only in English'],
    ]);
  });

  it('rotates languages in the loop only when asked and there is more than one', async () => {
    const rotate = (yaml: string) =>
      loadContent(ROOT, memoryFs({ 'kiosk.yaml': yaml, 'slides/01-a.md': slide('A') })).then(
        (state) => state.deck?.rotateLanguages,
      );
    expect(await rotate('title: T\nlanguages: [en, es]\nattract: {languages: rotate}\n')).toBe(true);
    expect(await rotate('title: T\nlanguages: [en, es]\n')).toBe(false);
    expect(await rotate('title: T\nlanguages: [en]\nattract: {languages: rotate}\n')).toBe(false);
  });
});
