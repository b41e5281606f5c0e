import { describe, expect, it } from 'vitest';
import { uiText } from '../../../src/renderer/src/i18n';
import { en } from '../../../src/renderer/src/i18n/en';
import { es } from '../../../src/renderer/src/i18n/es';

describe('interface text', () => {
  it('gives every word in Spanish that there is in English', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('speaks the patient’s language, with its plural forms', () => {
    const spanish = uiText('es');
    expect(spanish.next).toBe('Siguiente');
    expect(spanish.returningIn(1)).toBe('La pantalla volverá al inicio en 1 segundo.');
    expect(spanish.returningIn(5)).toBe('La pantalla volverá al inicio en 5 segundos.');
    expect(spanish.slideOf(2, 6)).toBe('2 de 6');
    expect(uiText('en').returningIn(1)).toBe('Going back to the start in 1 second.');
  });

  it('uses the table of the language a regional code belongs to', () => {
    expect(uiText('es-MX')).toMatchObject({ lang: 'es', next: 'Siguiente' });
  });

  it('falls back to English for a language with no table, and says so for the lang attribute', () => {
    expect(uiText('ar')).toMatchObject({ lang: 'en', dir: 'ltr', next: 'Next' });
  });
});
