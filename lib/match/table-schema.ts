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
