import { z } from 'zod';
import type { Entity } from '../lib/corpus/fields';
import type { MatcherTable, Mention } from '../lib/match';
import { RULES } from '../lib/match/rules';

/** The exact `scan --json` output for one file; tests parse the output against it. */
export const scanFileReport = z
  .object({
    file: z.string(),
    mentions: z.array(
      z
        .object({
          start: z.number().int().min(0),
          end: z.number().int().min(1),
          text: z.string(),
          entity: z.object({ id: z.string(), name: z.string(), type: z.string(), aliases: z.array(z.string()) }).strict(),
          rule: z.enum(RULES),
        })
        .strict(),
    ),
  })
  .strict();
export type ScanFileReport = z.infer<typeof scanFileReport>;
export const scanOutput = z.array(scanFileReport);

export function scanReport(file: string, text: string, mentions: readonly Mention[], table: MatcherTable, entities: readonly Entity[]): ScanFileReport {
  const byId = new Map(entities.map((e) => [e.id, e]));
  return {
    file,
    mentions: mentions.map((m) => {
      const e = byId.get(table.entities[m.entity]!.id)!;
      return {
        start: m.start,
        end: m.end,
        text: text.slice(m.start, m.end),
        entity: { id: e.id, name: e.name.en, type: e.type, aliases: e.aliases.map((a) => a.text) },
        rule: m.rule,
      };
    }),
  };
}
