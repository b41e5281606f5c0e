import { describe, expect, it } from 'vitest';
import { TABLES, uiText } from '../../../src/renderer/src/i18n';
import { en } from '../../../src/renderer/src/i18n/en';
import { BUILT_IN_WORD_LANGUAGES, UI_WORD_KEYS, UI_WORDS, type WordSpec } from '../../../src/shared/ui-words';

describe('interface text', () => {
  it('has a table for each built-in language, and only for those', () => {
    expect(Object.keys(TABLES).sort()).toEqual([...BUILT_IN_WORD_LANGUAGES].sort());
    for (const language of [
      'en',
      'es',
      'fr',
      'de',
      'it',
      'pt',
      'nl',
      'pl',
      'ar',
      'zh',
      'vi',
      'uk',
      'ru',
      'tr',
      'hi',
    ])
      expect(BUILT_IN_WORD_LANGUAGES).toContain(language);
  });

  it.each(Object.entries(TABLES))(
    'gives every word in %s, each with the numbers English fills in',
    (_, table) => {
      expect(Object.keys(table).sort()).toEqual([...UI_WORD_KEYS].sort());
      for (const key of UI_WORD_KEYS) {
        const word = table[key];
        const texts = typeof word === 'string' ? [word] : Object.values(word);
        for (const text of texts) {
          expect(text.trim()).not.toBe('');
          const names = [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
          const spec: WordSpec = UI_WORDS[key];
          const fills = spec.fills ?? [];
          for (const name of names) expect(fills).toContain(name);
        }
      }
    },
  );

  it('gives each language the plural forms a count of seconds takes in it', () => {
    for (const [language, table] of Object.entries(TABLES)) {
      const forms = new Set(
        Array.from({ length: 61 }, (_, count) => new Intl.PluralRules(language).select(count)),
      );
      for (const form of forms) {
        if (form !== 'other') expect(table.returningIn, `${language} ${form}`).toHaveProperty(form);
      }
    }
  });

  it('speaks the patient’s language, with its plural forms', () => {
    const spanish = uiText('es');
    expect(spanish.next).toBe('Siguiente');
    expect(spanish.returningIn(1)).toBe('La pantalla volverá al inicio en 1 segundo.');
    expect(spanish.returningIn(5)).toBe('La pantalla volverá al inicio en 5 segundos.');
    expect(spanish.slideOf(2, 6)).toBe('2 de 6');
    expect(uiText('en').returningIn(1)).toBe('Going back to the start in 1 second.');
    expect(uiText('ru').returningIn(2)).toBe('Возврат в начало через 2 секунды.');
    expect(uiText('ru').returningIn(5)).toBe('Возврат в начало через 5 секунд.');
    expect(uiText('ar').returningIn(2)).toBe('العودة إلى البداية بعد ثانيتين.');
    expect(uiText('pl').returningIn(22)).toBe('Powrót na początek za 22 sekundy.');
  });

  it('writes numbers the way the language does', () => {
    expect(uiText('ar-EG').slideOf(3, 7)).toBe('٣ من ٧');
    expect(uiText('ar-EG').number(10)).toBe('١٠');
    expect(uiText('fa', { fa: { slideOf: '{current} از {count}' } }).slideOf(3, 7)).toBe('۳ از ۷');
    expect(uiText('hi').slideOf(3, 7)).toBe('7 में से 3');
    expect(uiText('zh').slideOf(3, 7)).toBe('3 / 7');
  });

  it('uses the table of the language a regional or script code belongs to', () => {
    expect(uiText('es-MX')).toMatchObject({ lang: 'es-MX', next: 'Siguiente' });
    expect(uiText('zh-Hant')).toMatchObject({ lang: 'zh-Hant', next: '下一页' });
    expect(uiText('fil')).toMatchObject({ lang: 'fil', next: 'Susunod' });
  });

  it('falls back to English for a language with no words, and says so for the lang attribute', () => {
    expect(uiText('ku')).toMatchObject({ lang: 'en', dir: 'ltr', next: 'Next' });
    expect(uiText('he')).toMatchObject({ lang: 'en', dir: 'ltr' });
  });

  it('lets staff words win over the built-in ones, for the language and for its base language', () => {
    const text = uiText('de-AT', { de: { learnMore: 'Weiterlesen' }, 'de-AT': { next: 'Vor' } });
    expect(text).toMatchObject({ learnMore: 'Weiterlesen', next: 'Vor', close: 'Schließen', lang: 'de-AT' });
  });

  it('gives a language staff added its own words and direction, and English for the words it lacks', () => {
    const text = uiText('he', {
      he: { next: 'הבא', returningIn: { other: 'חוזרים להתחלה בעוד {count} שניות' } },
      en: { close: 'Done' },
    });
    expect(text).toMatchObject({ lang: 'he', dir: 'rtl', next: 'הבא', close: 'Done', previous: en.previous });
    expect(text.returningIn(5)).toBe('חוזרים להתחלה בעוד 5 שניות');
  });
});
