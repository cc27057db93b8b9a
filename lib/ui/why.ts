import type { Rule } from '../match/rules';
import { fill, type UiLanguage } from './strings';

/** What the card says about why a highlight is there. */
export interface WhyHighlight {
  /** The catalog alias that matched, and its language. */
  alias: string;
  aliasLang: 'en' | 'es' | 'any';
  rule: Rule;
  /** How many times the page names the entity (every accepted mention). */
  pageCount: number;
}

const WHY = {
  en: {
    name: 'The page says “{alias}”{lang}, a name of {entity}.',
    acronym: 'The page says “{alias}”{lang}, the acronym of {entity}.',
    'surname-with-full-name': '“{alias}” alone could be someone else; it counts because this page also names {entity} in full.',
    'word-with-core': '“{alias}” is also an ordinary word; it counts because this page is about the HLED (it names one of its core people, programs or bodies).',
    lang: { en: ' (English)', es: ' (Spanish)', any: '' },
    count: { one: 'This page names it once.', other: 'This page names it {n} times.' },
  },
  es: {
    name: 'La página dice «{alias}»{lang}, un nombre de {entity}.',
    acronym: 'La página dice «{alias}»{lang}, la sigla de {entity}.',
    'surname-with-full-name': '«{alias}» a secas podría ser otra persona; cuenta porque esta página también nombra a {entity} completo.',
    'word-with-core': '«{alias}» también es una palabra común; cuenta porque esta página trata del DEAN (nombra a una de sus personas, programas u órganos centrales).',
    lang: { en: ' (en inglés)', es: ' (en español)', any: '' },
    count: { one: 'Esta página lo nombra una vez.', other: 'Esta página lo nombra {n} veces.' },
  },
} satisfies Record<UiLanguage, Record<Rule, string> & { lang: Record<WhyHighlight['aliasLang'], string>; count: { one: string; other: string } }>;

/** "Why this highlight?" in the reader's language: the alias, its language and the rule that accepted it. */
export function whyText(why: WhyHighlight, entity: string, lang: UiLanguage): string {
  const w = WHY[lang];
  return fill(w[why.rule], { alias: why.alias, entity, lang: w.lang[why.aliasLang] });
}

export function pageCountText(n: number, lang: UiLanguage): string {
  const w = WHY[lang].count;
  return n === 1 ? w.one : fill(w.other, { n });
}
