import type { Catalog } from './catalog';
import { compileMatcher, scanText, tokenize, tokenKey, buildMatcherTable, type Tokens } from '../match';

/**
 * Consistency rules a schema cannot express: unique ids, an alias on two entities only when both
 * mark it ambiguous, and each alias's `source` telling the truth about the seeds.
 */
export function checkCatalog(catalog: Catalog, texts: ReadonlyMap<string, string>, problems: string[]): void {
  const seen = new Set<string>();
  catalog.documents.forEach((d, i) => {
    if (seen.has(d.id)) problems.push(`catalog: documents[${i}].id duplicates "${d.id}"`);
    seen.add(d.id);
  });
  const entityIds = new Set<string>();
  const aliasOwners = new Map<string, { entity: string; ambiguous: boolean }[]>();
  catalog.entities.forEach((e, i) => {
    if (entityIds.has(e.id)) problems.push(`catalog: entities[${i}].id duplicates "${e.id}"`);
    entityIds.add(e.id);
    for (const a of e.aliases) {
      const key = aliasKey(a.text);
      const owners = aliasOwners.get(key) ?? [];
      if (owners.some((o) => o.entity === e.id)) problems.push(`catalog: entity "${e.id}" lists alias "${a.text}" twice`);
      owners.push({ entity: e.id, ambiguous: a.ambiguous !== undefined });
      aliasOwners.set(key, owners);
    }
  });
  for (const [key, owners] of aliasOwners) {
    const entities = new Set(owners.map((o) => o.entity));
    if (entities.size > 1 && owners.some((o) => !o.ambiguous)) {
      problems.push(`catalog: alias "${key}" belongs to ${[...entities].join(', ')} but is not marked ambiguous on all of them`);
    }
  }
  const docTokens: { text: string; tokens: Tokens }[] = [...texts.values()].map((text) => ({ text, tokens: tokenize(text) }));
  for (const e of catalog.entities) {
    for (const a of e.aliases) {
      const single = compileMatcher(buildMatcherTable('check', [{ ...e, aliases: [{ ...a, ambiguous: undefined }] }]));
      const occurs = docTokens.some((d) => scanText(single, d.text, d.tokens).length > 0);
      if (a.source === 'seed' && !occurs) problems.push(`catalog: entity "${e.id}" alias "${a.text}" is marked source "seed" but occurs in no seed`);
      if (a.source === 'editorial' && occurs) problems.push(`catalog: entity "${e.id}" alias "${a.text}" is marked "editorial" but occurs in a seed: mark it "seed"`);
    }
  }
}

/** Aliases are the same when their words are (case, accents and punctuation aside). */
export function aliasKey(text: string): string {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, k) => tokenKey(text, t, k)).join(' ');
}
