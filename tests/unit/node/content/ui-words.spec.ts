import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../../src/node/content/load';
import { formatProblem } from '../../../../src/shared/content';
import { memoryFs, ROOT, slide } from './memory-fs';

const kioskYaml = (languages: string) =>
  `title: Test clinic\nlanguages: [${languages}]\nattract:\n  seconds_per_slide: 2\n`;

async function load(languages: string, ui: Record<string, string>) {
  const files = memoryFs({
    'kiosk.yaml': kioskYaml(languages),
    'slides/01-a.md': slide('A'),
    ...Object.fromEntries(Object.entries(ui).map(([name, text]) => [`ui/${name}`, text])),
  });
  const state = await loadContent(ROOT, files);
  return { deck: state.deck, messages: state.problems.map(formatProblem) };
}

describe('the staff’s own words (ui/<language>.yaml)', () => {
  it('reads the words staff give, by the names they use, for each language offered', async () => {
    const { deck, messages } = await load('de', {
      'de.yaml':
        'learn_more: Weiterlesen\nreturning_in:\n  one: Gleich, in {count} Sekunde.\n  other: Gleich, in {count} Sekunden.\n',
      'en.yaml': 'close: Done\nreturning_in: Back to the start in {count} s.\n',
    });
    expect(messages).toEqual([]);
    expect(deck?.uiWords).toEqual({
      de: {
        learnMore: 'Weiterlesen',
        returningIn: { one: 'Gleich, in {count} Sekunde.', other: 'Gleich, in {count} Sekunden.' },
      },
      en: { close: 'Done', returningIn: { other: 'Back to the start in {count} s.' } },
    });
  });

  it('gives the standby screen the staff’s words when there are no slides to show', async () => {
    const files = memoryFs({
      'kiosk.yaml': kioskYaml('de'),
      'ui/de.yaml': 'standby: Gleich geht es weiter.\n',
    });
    const state = await loadContent(ROOT, files);
    expect(state.deck).toBeNull();
    expect(state.uiWords).toEqual({ de: { standby: 'Gleich geht es weiter.' } });
  });

  it('gives a deck without staff words none', async () => {
    const { deck, messages } = await load('de', {});
    expect(messages).toEqual([]);
    expect(deck).not.toHaveProperty('uiWords');
  });

  it('serves a regional language with its base language’s file, and spells codes one way', async () => {
    const { deck, messages } = await load('pt-BR', { 'pt.yaml': 'next: Seguinte\n', 'EN.yml': 'next: On\n' });
    expect(messages).toEqual([]);
    expect(deck?.uiWords).toEqual({ pt: { next: 'Seguinte' }, en: { next: 'On' } });
  });

  it('lists the words a language with no built-in ones is missing, and says they show in English', async () => {
    const none = await load('en, ku', {});
    expect(none.messages).toEqual([
      expect.stringMatching(
        /^kiosk\.yaml Kurdish \(ku\) has no built-in words for the kiosk's buttons and messages, so they show in English: to show them in Kurdish, add ui\/ku\.yaml with these words: touch_to_learn_more, previous, next, .*, qr_code, listen, .*, listen_failed$/,
      ),
      'slides/01-a.md has no Kurdish translation yet, so it shows in English there: add slides/01-a.ku.md',
    ]);

    const some = await load('en, he', {
      'he.yaml': [
        'touch_to_learn_more: געו במסך כדי לקרוא עוד',
        'previous: הקודם',
        'next: הבא',
        'all_topics: כל הנושאים',
        'learn_more: מידע נוסף',
        'close: סגירה',
        'back_to_start: להתחלה',
        'still_there: אתם עדיין כאן?',
        'returning_in: חוזרים להתחלה בעוד {count} שניות',
        'stay_here: אני כאן',
        'slide_of: "{current} מתוך {count}"',
        'slide_progress: "נושא {current} מתוך {count}"',
        'choose_topic: בחרו נושא',
        'language: שפה',
        'standby: המידע יחזור בקרוב.',
        'notice: הודעה',
      ].join('\n'),
    });
    expect(some.messages).toContain(
      'ui/he.yaml has no Hebrew for these 12 words, so they show in English: scan_to_read, qr_code, listen, repeat, louder, quieter, larger_text, high_contrast, reading_help, invite_to_listen, no_voice, listen_failed',
    );
  });

  it('needs nothing more for a language with built-in words', async () => {
    const { messages } = await load('de, ar, zh, fil', { 'de.yaml': 'next: Vor\n' });
    expect(messages.filter((message) => message.includes('words'))).toEqual([]);
  });

  it('locates each mistake in a words file, in words staff can act on', async () => {
    const { deck, messages } = await load('de', {
      'de.yaml': [
        'lern_more: Weiterlesen',
        'next: ""',
        'slide_of: "{aktuell} von {count}"',
        'close: Schließen {count}',
        'returning_in:',
        '  one: In einer Sekunde.',
      ].join('\n'),
    });
    expect(deck).not.toBeNull();
    expect(messages).toEqual([
      'ui/de.yaml:1:1 unknown setting "lern_more": did you mean "learn_more"? Check the spelling, or remove it',
      'ui/de.yaml:2:7 next is empty: write the word after the colon, or remove the line',
      'ui/de.yaml:3:11 slide_of has {aktuell}, which is not filled in: this word may use {current} and {count}',
      'ui/de.yaml:4:8 close has {count}, which nothing fills in here: write the text without the braces',
      'ui/de.yaml:6:3 returning_in.other is missing: a word with plural forms needs a returning_in.other',
    ]);
  });

  it('warns of files it does not read: no language, a language not offered, not a words file', async () => {
    const { messages } = await load('de', {
      'german.yaml': 'next: Vor\n',
      'fr.yaml': 'next: Suivant\n',
      'notes.txt': 'my notes',
    });
    expect(messages).toEqual([
      'ui/fr.yaml has words in French, which is not in languages in kiosk.yaml: add fr there to use them',
      'ui/german.yaml "german" is not a language code, so this file is not read: name it after its language, such as de.yaml for German',
      'ui/notes.txt is not a words file, so it is not read: name each file after its language, such as de.yaml for German',
    ]);
  });

  it('refuses a language given twice, and a words file too deep or too big to be settings', async () => {
    const deep = `next: ${'['.repeat(40)}${']'.repeat(40)}\n`;
    const { messages } = await load('de', { 'de.yaml': deep, 'de.yml': 'next: Vor\n' });
    expect(messages).toEqual([
      expect.stringMatching(/^ui\/de\.yaml:1:\d+ the settings are nested more than 16 levels deep here/),
      'ui/de.yml gives German words again, after ui/de.yaml: keep one of the two files',
    ]);
    const big = await load('de', { 'de.yaml': `next: "${'x'.repeat(70_000)}"\n` });
    expect(big.messages).toEqual([expect.stringMatching(/^ui\/de\.yaml:1:1 the settings are too long/)]);
  });
});
