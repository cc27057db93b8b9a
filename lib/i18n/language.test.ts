import { describe, expect, it } from 'vitest';
import { intlLocale, uiLanguage } from './language';

describe('uiLanguage', () => {
  it('follows the browser unless forced', () => {
    expect(uiLanguage('auto', 'es-MX')).toBe('es');
    expect(uiLanguage('auto', 'en-GB')).toBe('en');
    expect(uiLanguage('auto', 'fr-FR')).toBe('en');
    expect(uiLanguage('en', 'es-MX')).toBe('en');
    expect(uiLanguage('es', 'en-US')).toBe('es');
  });
});

describe('intlLocale', () => {
  it('formats English the U.S. way and Spanish the neutral way', () => {
    expect(intlLocale('en')).toBe('en-US');
    expect(intlLocale('es')).toBe('es');
  });
});
