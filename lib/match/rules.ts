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
 * Page-level rules over all raw matches of one page (or one document), in order: for each, the
 * rule that accepts it there, or null.
 * - peripheral entities count only on pages with a core mention;
 * - ambiguous names count only when the page names the entity unambiguously;
 * - ambiguous words count only on pages with a core mention.
 * Core mentions are counted from unambiguous aliases, and from ambiguous acronyms only where the
 * scan saw them used as a name (`vouches`: "el DEAN", see context.ts), so "DEAN" alone never
 * vouches for itself.
 */
export function pageRuleVerdicts(table: MatcherTable, raw: readonly PageRuleInput[]): (Rule | null)[] {
  let coreOnPage = false;
  for (const m of raw) {
    const a = table.aliases[m.alias]!;
    if ((!a.ambiguous || m.vouches) && table.entities[a.entity]!.scope === 'core') {
      coreOnPage = true;
      break;
    }
  }
  const named = new Set<number>();
  for (const m of raw) {
    const a = table.aliases[m.alias]!;
    if (!a.ambiguous && (coreOnPage || table.entities[a.entity]!.scope === 'core')) named.add(a.entity);
  }
  return raw.map((m) => {
    const a = table.aliases[m.alias]!;
    if (table.entities[a.entity]!.scope === 'peripheral' && !coreOnPage) return null;
    if (a.ambiguous === 'name') return named.has(a.entity) ? 'surname-with-full-name' : null;
    if (a.ambiguous === 'word') return coreOnPage ? 'word-with-core' : null;
    return a.acronym ? 'acronym' : 'name';
  });
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
