import type { RawMatch } from './compile';
import type { MatcherTable } from './table';

/**
 * Why a mention was accepted. Each is a named rule the card ("why this highlight?"), `scan` and
 * the tests refer to.
 * - `name`: an unambiguous name of the entity.
 * - `acronym`: an unambiguous acronym in capitals (or title case where that is not a word).
 * - `surname-with-full-name`: a shared surname/short name, accepted because the page also names the
 *   entity unambiguously.
 * - `word-with-core`: a common word or ambiguous acronym, accepted because the page has a core mention.
 */
export const RULES = ['name', 'acronym', 'surname-with-full-name', 'word-with-core'] as const;
export type Rule = (typeof RULES)[number];

export interface Mention extends RawMatch {
  /** Index into `table.entities`. */
  entity: number;
  rule: Rule;
}

/** What the page rules read of a match: its alias, and whether it vouches for the page. */
export type PageRuleInput = Pick<RawMatch, 'alias' | 'vouches'>;

/**
 * What the page-level rules read of a whole page: whether it has a core mention, and which
 * entities it names unambiguously. Core mentions are counted from unambiguous aliases, and from
 * ambiguous acronyms only where the scan saw them used as a name (`vouches`: "el DEAN", see
 * context.ts), so "DEAN" alone never vouches for itself.
 */
export interface PageRuleState {
  coreOnPage: boolean;
  named: Set<number>;
  /** Entities met under an ambiguous name: a full name of one of them read later changes that earlier verdict. */
  ambiguousNames: Set<number>;
}

/** True when the match is a core mention that vouches for the page. */
function isCoreMention(table: MatcherTable, m: PageRuleInput): boolean {
  const a = table.aliases[m.alias]!;
  return (!a.ambiguous || !!m.vouches) && table.entities[a.entity]!.scope === 'core';
}

/** The entity the match names unambiguously on a page with (or without) a core mention, or -1. */
function namedEntity(table: MatcherTable, coreOnPage: boolean, m: PageRuleInput): number {
  const a = table.aliases[m.alias]!;
  return !a.ambiguous && (coreOnPage || table.entities[a.entity]!.scope === 'core') ? a.entity : -1;
}

export function pageRuleState(table: MatcherTable, raw: readonly PageRuleInput[]): PageRuleState {
  const coreOnPage = raw.some((m) => isCoreMention(table, m));
  const named = new Set<number>();
  const ambiguousNames = new Set<number>();
  for (const m of raw) {
    const e = namedEntity(table, coreOnPage, m);
    if (e >= 0) named.add(e);
    const a = table.aliases[m.alias]!;
    if (a.ambiguous === 'name') ambiguousNames.add(a.entity);
  }
  return { coreOnPage, named, ambiguousNames };
}

/**
 * Extends `page` (the state of the matches read so far) with matches read after them, and
 * returns true, when that leaves every earlier verdict as it was; returns false, leaving `page`
 * untouched, when it does not: the page's first core mention, or the full name of an entity met
 * earlier under an ambiguous name. The state is then the one `pageRuleState` gives for all of them.
 */
export function extendPageRuleState(table: MatcherTable, page: PageRuleState, added: readonly PageRuleInput[]): boolean {
  const newlyNamed: number[] = [];
  for (const m of added) {
    if (!page.coreOnPage && isCoreMention(table, m)) return false;
    const e = namedEntity(table, page.coreOnPage, m);
    if (e >= 0 && !page.named.has(e)) {
      if (page.ambiguousNames.has(e)) return false;
      newlyNamed.push(e);
    }
  }
  for (const e of newlyNamed) page.named.add(e);
  for (const m of added) {
    const a = table.aliases[m.alias]!;
    if (a.ambiguous === 'name') page.ambiguousNames.add(a.entity);
  }
  return true;
}

/**
 * The rule that accepts one match on a page, or null:
 * - peripheral entities count only on pages with a core mention;
 * - ambiguous names count only when the page names the entity unambiguously;
 * - ambiguous words count only on pages with a core mention.
 */
export function ruleOf(table: MatcherTable, page: PageRuleState, m: PageRuleInput): Rule | null {
  const a = table.aliases[m.alias]!;
  if (table.entities[a.entity]!.scope === 'peripheral' && !page.coreOnPage) return null;
  if (a.ambiguous === 'name') return page.named.has(a.entity) ? 'surname-with-full-name' : null;
  if (a.ambiguous === 'word') return page.coreOnPage ? 'word-with-core' : null;
  return a.acronym ? 'acronym' : 'name';
}

/** Page-level rules over all raw matches of one page (or one document), in order: each one's rule, or null. */
export function pageRuleVerdicts(table: MatcherTable, raw: readonly PageRuleInput[]): (Rule | null)[] {
  const page = pageRuleState(table, raw);
  return raw.map((m) => ruleOf(table, page, m));
}

/** The matches of one page that its page rules accept, each with its entity and rule. */
export function applyPageRules(table: MatcherTable, raw: readonly RawMatch[]): Mention[] {
  const verdicts = pageRuleVerdicts(table, raw);
  const out: Mention[] = [];
  raw.forEach((m, i) => {
    const rule = verdicts[i];
    if (rule) out.push({ ...m, entity: table.aliases[m.alias]!.entity, rule });
  });
  return out;
}
