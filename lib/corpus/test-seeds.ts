import { resolve } from 'node:path';
import { buildBundle, type BuildResult } from './build';
import { readSeeds } from './seeds-node';

/** The project's own seeds, read once per test file. */
export const SEEDS_DIR = resolve(__dirname, '../../seeds');
let cached: BuildResult | null = null;

/** The bundle built from `seeds/`, as the extension ships it. */
export function seedBundle(): BuildResult {
  cached ??= buildBundle(readSeeds(SEEDS_DIR));
  return cached;
}
