import { scanText, type Matcher } from './compile';
import { applyPageRules, type Mention } from './rules';

export { compileMatcher, scanText, type Matcher, type RawMatch } from './compile';
export { applyPageRules, extendPageRuleState, pageRuleState, pageRuleVerdicts, ruleOf, RULES, type Mention, type PageRuleInput, type PageRuleState, type Rule } from './rules';
export { buildMatcherTable, type MatcherTable, type TableAlias } from './table';
export { tokenize, tokenKey, type Tokens } from './tokenize';
export { foldText } from './chars';

/** Scans one page's text and applies the page-level rules: what the content script and `scan` use. */
export function findMentions(matcher: Matcher, text: string): Mention[] {
  return applyPageRules(matcher.table, scanText(matcher, text));
}
