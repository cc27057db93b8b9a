import type { Rule } from '../match/rules';
import { cardText } from '../i18n/card';
import type { UiLanguage } from '../i18n/language';

/** What the card says about why a highlight is there. */
export interface WhyHighlight {
  /** The catalog alias that matched, and its language. */
  alias: string;
  aliasLang: 'en' | 'es' | 'any';
  rule: Rule;
  /** How many times the page names the entity (every accepted mention). */
  pageCount: number;
}

const RULE_KEYS = {
  name: 'card_why_name',
  acronym: 'card_why_acronym',
  'surname-with-full-name': 'card_why_surnameWithFullName',
  'word-with-core': 'card_why_wordWithCore',
} as const satisfies Record<Rule, string>;

/** "Why this highlight?" in the reader's language: the alias, its language and the rule that accepted it. */
export function whyText(why: WhyHighlight, entity: string, lang: UiLanguage): string {
  const t = cardText(lang);
  return t(RULE_KEYS[why.rule], { alias: why.alias, entity, lang: why.aliasLang === 'any' ? '' : t(`card_why_lang_${why.aliasLang}`) });
}

export function pageCountText(n: number, lang: UiLanguage): string {
  return cardText(lang).plural('card_why_count', n);
}
