import { describe, expect, it } from 'vitest';
import { plural } from './plural';
import { PAGE_STRINGS } from './strings';

describe('plural', () => {
  it.each([
    [0, 'en', 'No results'],
    [1, 'en', '1 result'],
    [16, 'en', '16 results'],
    [0, 'es', 'Sin resultados'],
    [1, 'es', '1 resultado'],
    [2, 'es', '2 resultados'],
  ] as const)('counts %i results in %s as "%s"', (n, lang, want) => expect(plural(PAGE_STRINGS[lang].popup.resultCount, n)).toBe(want));

  it('uses the "other" form for zero when there is no "none" form', () => {
    expect(plural(PAGE_STRINGS.en.popup.documents, 0)).toBe('0 documents');
    expect(plural(PAGE_STRINGS.es.popup.mentions, 1)).toBe('1 mención');
  });
});
