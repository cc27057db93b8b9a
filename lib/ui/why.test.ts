import { describe, expect, it } from 'vitest';
import { RULES } from '../match/rules';
import { pageCountText, whyText } from './why';

describe('whyText', () => {
  it('names the alias, its language and the rule, in English', () => {
    expect(whyText({ alias: 'Marcelo Ebrard', aliasLang: 'any', rule: 'name', pageCount: 1 }, 'Marcelo Ebrard', 'en')).toBe('The page says “Marcelo Ebrard”, a name of Marcelo Ebrard.');
    expect(whyText({ alias: 'Sowing Opportunities', aliasLang: 'en', rule: 'name', pageCount: 1 }, 'Sembrando Oportunidades', 'en')).toBe(
      'The page says “Sowing Opportunities” (English), a name of Sembrando Oportunidades.',
    );
    expect(whyText({ alias: 'COFEPRIS', aliasLang: 'any', rule: 'acronym', pageCount: 2 }, 'COFEPRIS', 'en')).toBe('The page says “COFEPRIS”, the acronym of COFEPRIS.');
    expect(whyText({ alias: 'Salazar', aliasLang: 'any', rule: 'surname-with-full-name', pageCount: 3 }, 'Ken Salazar', 'en')).toBe(
      '“Salazar” alone could be someone else; it counts because this page also names Ken Salazar in full.',
    );
    expect(whyText({ alias: 'DEAN', aliasLang: 'es', rule: 'word-with-core', pageCount: 1 }, 'HLED', 'en')).toMatch(/^“DEAN” is also an ordinary word; it counts because this page is about the HLED/);
  });

  it('says the same in Spanish', () => {
    expect(whyText({ alias: 'Sembrando Oportunidades', aliasLang: 'es', rule: 'name', pageCount: 1 }, 'Sembrando Oportunidades', 'es')).toBe(
      'La página dice «Sembrando Oportunidades» (en español), un nombre de Sembrando Oportunidades.',
    );
    expect(whyText({ alias: 'Salazar', aliasLang: 'any', rule: 'surname-with-full-name', pageCount: 1 }, 'Ken Salazar', 'es')).toBe(
      '«Salazar» a secas podría ser otra persona; cuenta porque esta página también nombra a Ken Salazar completo.',
    );
    expect(whyText({ alias: 'SE', aliasLang: 'es', rule: 'acronym', pageCount: 1 }, 'Secretaría de Economía', 'es')).toBe('La página dice «SE» (en español), la sigla de Secretaría de Economía.');
    expect(whyText({ alias: 'Dean', aliasLang: 'es', rule: 'word-with-core', pageCount: 1 }, 'DEAN', 'es')).toMatch(/^«Dean» también es una palabra común/);
  });

  it('has a sentence for every rule in both languages', () => {
    for (const rule of RULES) for (const lang of ['en', 'es'] as const) expect(whyText({ alias: 'X', aliasLang: 'any', rule, pageCount: 1 }, 'Y', lang)).toContain('X');
  });

  it('counts mentions on the page', () => {
    expect(pageCountText(1, 'en')).toBe('This page names it once.');
    expect(pageCountText(80, 'en')).toBe('This page names it 80 times.');
    expect(pageCountText(2, 'es')).toBe('Esta página lo nombra 2 veces.');
  });
});
