import { describe, expect, it } from 'vitest';
import { buildMatcherTable, compileMatcher, extendPageRuleState, findMentions, pageRuleState, scanText, tokenize, tokenKey } from './index';
import type { Alias } from '../corpus/fields';

type A = Partial<Alias> & { text: string };
const al = (text: string, extra: Partial<Alias> = {}): A => ({ text, lang: 'any', acronym: false, titleCaseIsWord: false, source: 'seed', ...extra });
const ent = (id: string, scope: 'core' | 'peripheral', aliases: A[], type: 'person' | 'organization' | 'program' | 'place' = 'person') => ({
  id,
  type,
  scope,
  aliases: aliases.map((a) => ({ lang: 'any' as const, acronym: false, titleCaseIsWord: false, ...a })),
});

const table = buildMatcherTable('test', [
  ent('marcelo-ebrard', 'core', [al('Marcelo Ebrard'), al('Ebrard')]),
  ent('rogelio-ramirez', 'core', [al('Rogelio Ramírez de la O'), al('Ramírez', { ambiguous: 'name' })]),
  ent('ken-salazar', 'core', [al('Ken Salazar'), al('Salazar', { ambiguous: 'name' })]),
  ent('jayme-white', 'core', [al('Jayme White'), al('White', { ambiguous: 'name' })]),
  ent('hled', 'core', [al('HLED', { acronym: true }), al('DEAN', { acronym: true, titleCaseIsWord: true, ambiguous: 'word' }), al('High-Level Economic Dialogue')], 'program'),
  ent('usaid', 'peripheral', [al('USAID', { acronym: true }), al('United States Agency for International Development')], 'organization'),
  ent('cofepris', 'core', [al('COFEPRIS', { acronym: true })], 'organization'),
  ent('sep', 'peripheral', [al('SEP', { acronym: true, titleCaseIsWord: true, ambiguous: 'word' })], 'organization'),
  ent('commerce', 'peripheral', [al('U.S. Department of Commerce'), al('Departamento de Comercio de EE.UU.')], 'organization'),
  ent('donald-trump', 'peripheral', [al('Donald Trump'), al('Trump')]),
  ent('mesa-cc', 'peripheral', [al('Mesa Community College'), al('Mesa', { ambiguous: 'word' })], 'organization'),
  ent('se', 'core', [al('Secretaría de Economía', { lang: 'es' }), al('Secretaría', { ambiguous: 'word' })], 'organization'),
  ent('csf', 'core', [al('Cybersecurity Framework 2.0')], 'program'),
  ent('penas', 'core', [al('Peña Nieto')]),
]);
const matcher = compileMatcher(table);

/** The matched texts with entity ids, for readable expectations. */
function found(text: string) {
  return findMentions(matcher, text).map((m) => [text.slice(m.start, m.end), table.entities[m.entity]!.id, m.rule]);
}
const texts = (text: string) => found(text).map((f) => f[0]);

describe('tokenize', () => {
  it('reads dotted abbreviations as one word ("U.S." = "US", "EE.UU." = "EEUU")', () => {
    const t = 'The U.S. and EE.UU. met EE. UU. officials';
    const toks = tokenize(t);
    const keys = Array.from({ length: toks.count }, (_, k) => tokenKey(t, toks, k));
    expect(keys).toEqual(['the', 'us', 'and', 'eeuu', 'met', 'eeuu', 'officials']);
  });
  it('folds accents but keeps ñ apart from n', () => {
    const t = 'Ramírez JERÓNIMO Peña';
    const toks = tokenize(t);
    expect([0, 1, 2].map((k) => tokenKey(t, toks, k))).toEqual(['ramirez', 'jeronimo', 'peña']);
  });
  it('does not glue a version number into an abbreviation ("2.0")', () => {
    const t = 'Framework 2.0 today';
    const toks = tokenize(t);
    expect(Array.from({ length: toks.count }, (_, k) => tokenKey(t, toks, k))).toEqual(['framework', '2', '0', 'today']);
  });
});

describe('findMentions: whole words', () => {
  it.each([
    ['Marcelo Ebrard, Mexico’s Secretary of Economy, has been instrumental', ['Marcelo Ebrard']],
    ['As a prominent figure, Ebrard’s statements carry significant weight', ['Ebrard']],
    ["Ebrard's statements", ['Ebrard']],
    ['the Salazarte family met Ken Salazar', ['Ken Salazar']],
    ['Ebrardo and Marcelos are other people', []],
  ])('%s', (text, expected) => expect(texts(text)).toEqual(expected));
});

describe('findMentions: case', () => {
  it('matches names in any case', () => {
    expect(texts('MARCELO EBRARD HABLA; marcelo ebrard habló')).toEqual(['MARCELO EBRARD', 'marcelo ebrard']);
  });
  it('matches acronyms in capitals and in title case as the Spanish press writes them', () => {
    expect(texts('La Cofepris y la COFEPRIS; cofepris no')).toEqual(['Cofepris', 'COFEPRIS']);
  });
  it('keeps an acronym whose title case is a word to capitals ("Dean", "Sep.")', () => {
    expect(texts('The HLED met. The dean spoke; Dean Smith agreed; the DEAN was held.')).toEqual(['HLED', 'DEAN']);
    expect(texts('The HLED met on Sep. 12; the SEP launched a pilot')).toEqual(['HLED', 'SEP']);
  });
  it('keeps the capital of an ambiguous word ("Mesa", never "mesa")', () => {
    expect(texts('The HLED sent students to Mesa; la mesa de trabajo')).toEqual(['HLED', 'Mesa']);
  });
});

describe('findMentions: accents and typography', () => {
  it.each([
    ['Rogelio Ramirez de la O chaired', 'Rogelio Ramirez de la O'],
    ['the US Department of Commerce said', 'US Department of Commerce'],
    ['the U.S. Department of Commerce said', 'U.S. Department of Commerce'],
    ['the U.S.\u00a0Department  of\tCommerce said', 'U.S.\u00a0Department  of\tCommerce'],
    ['Marcelo\nEbrard, broken across a line', 'Marcelo\nEbrard'],
    ['the High–Level Economic Dialogue (en dash)', 'High–Level Economic Dialogue'],
    ['the High Level Economic Dialogue (no hyphen)', 'High Level Economic Dialogue'],
    // A dotted abbreviation keeps its closing period.
    ['el Departamento de Comercio de EE. UU. dijo', 'Departamento de Comercio de EE. UU.'],
    ['el Departamento de Comercio de EE.UU. dijo', 'Departamento de Comercio de EE.UU.'],
    ['habló el Departamento de Comercio de EE.UU.', 'Departamento de Comercio de EE.UU.'],
    // Any other word leaves the sentence's period out.
    ['said the US Department of Commerce.', 'US Department of Commerce'],
    ['el Departamento de Comercio de EEUU. Luego', 'Departamento de Comercio de EEUU'],
    ['the NIST Cybersecurity Framework 2.0 workshop', 'Cybersecurity Framework 2.0'],
  ])('%s', (text, expected) => {
    const t = `The HLED met. ${text}`;
    const got = texts(t).filter((x) => x !== 'HLED');
    expect(got).toEqual(expected ? [expected] : []);
  });
  it('never matches across a paragraph break', () => {
    expect(texts('Marcelo\n\nEbrard')).toEqual(['Ebrard']);
  });
  it('never matches across punctuation', () => {
    expect(texts('Marcelo, Ebrard')).toEqual(['Ebrard']);
  });
  it('keeps ñ distinct from n (Peña is not Pena)', () => {
    expect(texts('Enrique Peña Nieto; Pena Nieto')).toEqual(['Peña Nieto']);
  });
});

describe('findMentions: longest match wins', () => {
  it('reads "Secretaría de Economía" as one mention, not "Secretaría" plus more', () => {
    expect(found('La Secretaría de Economía informó')).toEqual([['Secretaría de Economía', 'se', 'name']]);
  });
  it('reads "Secretary of Economy Marcelo Ebrard" as one person mention', () => {
    expect(found('Secretary of Economy Marcelo Ebrard said')).toEqual([['Marcelo Ebrard', 'marcelo-ebrard', 'name']]);
  });
});

describe('applyPageRules', () => {
  it('keeps a shared surname only when the page names the person in full', () => {
    expect(found('Ambassador Ken Salazar chaired. Salazar said')).toEqual([
      ['Ken Salazar', 'ken-salazar', 'name'],
      ['Salazar', 'ken-salazar', 'surname-with-full-name'],
    ]);
    expect(texts('The HLED met. Salazar said; White agreed')).toEqual(['HLED']);
  });
  it('keeps an ambiguous word only on a page with a core mention', () => {
    expect(texts('The DEAN of the faculty')).toEqual([]);
    expect(found('The DEAN (HLED) met')).toEqual([
      ['DEAN', 'hled', 'word-with-core'],
      ['HLED', 'hled', 'acronym'],
    ]);
  });
  it('keeps peripheral entities quiet on pages with no core mention', () => {
    expect(texts('Donald Trump spoke about USAID')).toEqual([]);
    expect(texts('Donald Trump spoke about USAID and Marcelo Ebrard')).toEqual(['Donald Trump', 'USAID', 'Marcelo Ebrard']);
  });
  it('does not let an ambiguous word vouch for itself', () => {
    expect(texts('The SEP and the DEAN')).toEqual([]);
  });
});

describe('extendPageRuleState', () => {
  /** The page state of `before`, extended with `after`: whether it could be, and the state then. */
  const extend = (before: string, after: string) => {
    const page = pageRuleState(table, scanText(matcher, before));
    const ok = extendPageRuleState(table, page, scanText(matcher, after));
    return { ok, page, whole: pageRuleState(table, scanText(matcher, `${before} ${after}`)) };
  };
  it('extends the state when the earlier verdicts stay, to the state of the whole page', () => {
    const { ok, page, whole } = extend('The HLED met. Salazar said', 'Marcelo Ebrard and USAID agreed; Jayme White, then White.');
    expect(ok).toBe(true);
    expect(page).toEqual(whole);
  });
  it('refuses, leaving the state as it was, where a later match changes an earlier verdict', () => {
    for (const [before, after] of [
      ['Donald Trump spoke about USAID', 'and Marcelo Ebrard'],
      ['The HLED met. Salazar said', 'Ambassador Ken Salazar chaired.'],
    ]) {
      const { ok, page } = extend(before!, after!);
      expect(ok, after).toBe(false);
      expect(page).toEqual(pageRuleState(table, scanText(matcher, before!)));
    }
  });
});

describe('scanText', () => {
  it('reports offsets that point at the alias text', () => {
    const t = 'Today, Secretary of Commerce Gina Raimondo and Marcelo Ebrard met.';
    for (const m of scanText(matcher, t)) expect(t.slice(m.start, m.end)).toBe('Marcelo Ebrard');
  });
});

describe('context rules', () => {
  const ctxTable = buildMatcherTable('ctx', [
    ent('jayme-white', 'core', [al('Jayme White'), al('White', { ambiguous: 'name' })]),
    ent('ken-salazar', 'core', [al('Ken Salazar'), al('Salazar', { ambiguous: 'name' })]),
    ent('san-luis-poe', 'core', [al('San Luis', { ambiguous: 'word' })], 'place'),
    ent('hled', 'core', [al('HLED', { acronym: true }), al('DEAN', { acronym: true, titleCaseIsWord: true, ambiguous: 'word' })], 'program'),
    ent('se', 'core', [al('SE', { acronym: true, titleCaseIsWord: true, ambiguous: 'word' })], 'organization'),
    ent('sre', 'core', [al('Foreign Relations', { ambiguous: 'word' }), al('Secretariat of Foreign Relations')], 'organization'),
    ent('marcelo-ebrard', 'core', [al('Marcelo Ebrard')]),
    ent('secretaria-de-economia', 'core', [al('Secretaría de Economía', { lang: 'es' })], 'organization'),
  ]);
  const m = compileMatcher(ctxTable);
  const hits = (t: string) => findMentions(m, t).map((x) => t.slice(x.start, x.end));

  it('part-of-longer-name: "White House" and "San Luis Potosí" are other names', () => {
    expect(hits('Jayme White spoke at the White House in San Luis Potosí; White agreed.')).toEqual(['Jayme White', 'White']);
    expect(hits('The HLED looked at the San Luis port of entry.')).toEqual(['HLED', 'San Luis']);
  });
  it('other-person-name: "Jack White" is someone else, "Ambassador Salazar" is not', () => {
    expect(hits('Ken Salazar met Jack White. Ambassador Salazar smiled; Maria Salazar cooked.')).toEqual(['Ken Salazar', 'Salazar']);
  });
  it('all-caps-context: an ambiguous acronym amid capitals is a word', () => {
    expect(hits('The HLED met. SE ANUNCIA NUEVO PLAN; la SE informó; the DEAN OF STUDENTS')).toEqual(['HLED', 'SE']);
  });
  it('office-holder-title: "la secretaria de Economía, Raquel Buenrostro" is her title, not the ministry', () => {
    expect(hits('La secretaria de Economía, Raquel Buenrostro, y la subsecretaria de Economía hablaron.')).toEqual([]);
    expect(hits('La Secretaría de Economía informó; la secretaría de Economía; SECRETARIA DE ECONOMIA; Secretaria de Economia')).toEqual([
      'Secretaría de Economía',
      'secretaría de Economía',
      'SECRETARIA DE ECONOMIA',
      'Secretaria de Economia',
    ]);
  });
  it('organization-in-title: "Foreign Relations Secretary Marcelo Ebrard" is one person mention', () => {
    expect(hits('Foreign Relations Secretary Marcelo Ebrard chaired; the Secretariat of Foreign Relations said')).toEqual([
      'Marcelo Ebrard',
      'Secretariat of Foreign Relations',
    ]);
  });
});
