import { z } from 'zod';
import { alias, entityType, id, scope } from '../corpus/fields';

/**
 * The alias table: all a page needs to find mentions, and nothing of the corpus text. The
 * background sends it once per corpus version; tabs cache it by `version`.
 */
export const matcherTableSchema = z.object({
  version: z.string().min(1),
  entities: z.array(z.object({ id, type: entityType, scope })),
  aliases: z.array(
    alias.omit({ source: true }).extend({
      /** Index into `entities`. */
      entity: z.number().int().min(0),
    }),
  ),
});
export type MatcherTable = z.infer<typeof matcherTableSchema>;
export type TableAlias = MatcherTable['aliases'][number];

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
