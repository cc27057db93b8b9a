import { resolve } from 'node:path';
import { buildBundle, type BuildResult } from '../lib/corpus/build';
import { readSeeds } from '../lib/corpus/seeds-node';
import { ROOT } from './paths';

let cached: BuildResult | null = null;

/**
 * The bundle built from `seeds/`, as the extension ships it: the same `buildBundle(readSeeds(…))`
 * that `lib/corpus/test-seeds.ts` and `scripts/corpus.ts` run (read here by path, as the scripts
 * do, since `test-seeds.ts` relies on a CommonJS `__dirname` that `tsx` does not provide).
 */
export function realSeedBundle(): BuildResult {
  cached ??= buildBundle(readSeeds(resolve(ROOT, 'seeds')));
  return cached;
}
