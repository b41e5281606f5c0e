import { describe, expect, it } from 'vitest';
import {
  canonicalLanguage,
  englishLanguageName,
  isKnownLanguage,
  isRightToLeft,
  nativeLanguageName,
} from '../../../src/shared/languages';

describe('language codes', () => {
  it('spells codes the standard way, whatever case staff typed', () => {
    expect(canonicalLanguage('EN')).toBe('en');
    expect(canonicalLanguage('zh-hant')).toBe('zh-Hant');
    expect(canonicalLanguage('es-mx')).toBe('es-MX');
  });

  it('refuses what is not a language code at all', () => {
    expect(canonicalLanguage('english')).toBeUndefined();
    expect(canonicalLanguage('e')).toBeUndefined();
    expect(canonicalLanguage('en_US')).toBeUndefined();
  });

  it('tells a real language from a well-formed typo', () => {
    expect(isKnownLanguage('es')).toBe(true);
    expect(isKnownLanguage('ar')).toBe(true);
    expect(isKnownLanguage('sp')).toBe(false);
    expect(isKnownLanguage('faq')).toBe(false);
  });
});

describe('language names', () => {
  it('names each language in itself, capitalised as a heading would be', () => {
    expect(['en', 'es', 'zh', 'ar', 'fr'].map(nativeLanguageName)).toEqual([
      'English',
      'Español',
      '中文',
      'العربية',
      'Français',
    ]);
  });

  it('names languages in English for staff', () => {
    expect(englishLanguageName('es')).toBe('Spanish');
    expect(englishLanguageName('zh-Hant')).toBe('Traditional Chinese');
  });
});

describe('text direction', () => {
  it('lays out Arabic, Hebrew, Persian and Urdu from right to left', () => {
    expect(['ar', 'he', 'fa', 'ur', 'yi', 'ckb'].map(isRightToLeft)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('lays out other languages from left to right, and a language written in a left-to-right script too', () => {
    expect(['en', 'es', 'zh', 'ru', 'az-Latn', 'not a code'].map(isRightToLeft)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isRightToLeft('az-Arab')).toBe(true);
  });
});
