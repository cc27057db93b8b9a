// Type-only import: the content script carries the matcher but not Zod.
import type { MatcherTable, TableAlias } from './table-schema';

export type { MatcherTable, TableAlias };

interface EntityLike {
  id: string;
  type: MatcherTable['entities'][number]['type'];
  scope: MatcherTable['entities'][number]['scope'];
  aliases: readonly Omit<TableAlias, 'entity'>[];
}

/** Builds the table from catalog or bundle entities (both have the same alias fields). */
export function buildMatcherTable(version: string, entities: readonly EntityLike[]): MatcherTable {
  const table: MatcherTable = { version, entities: [], aliases: [] };
  entities.forEach((e, index) => {
    table.entities.push({ id: e.id, type: e.type, scope: e.scope });
    for (const a of e.aliases) {
      table.aliases.push({
        text: a.text,
        lang: a.lang,
        acronym: a.acronym,
        titleCaseIsWord: a.titleCaseIsWord,
        ...(a.ambiguous ? { ambiguous: a.ambiguous } : {}),
        entity: index,
      });
    }
  });
  return table;
}
