import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedSources } from './build';

/** Node-only: reads `seeds/` (the catalog and every `.txt`) for the builder, the CLI and tests. */
export function readSeeds(dir: string): SeedSources {
  const catalog: unknown = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8'));
  const texts = new Map<string, string>();
  for (const f of readdirSync(dir).sort()) {
    if (f.endsWith('.txt')) texts.set(f, readFileSync(join(dir, f), 'utf8'));
  }
  return { catalog, texts };
}

/** `SOURCE_DATE_EPOCH` as the reproducible-builds convention defines it, if set. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const v = env.SOURCE_DATE_EPOCH;
  if (v === undefined || v === '') return undefined;
  if (!/^\d+$/.test(v)) throw new Error(`corpus: SOURCE_DATE_EPOCH must be whole seconds (got "${v}")`);
  return Number(v);
}
