/**
 * `npm run corpus -- --out F [--seeds DIR]`: builds the corpus bundle from `seeds/` and writes it
 * to F, for maintainers to import on the options page. Same seeds, same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBundle } from '../lib/corpus/build';
import { CorpusError } from '../lib/corpus/passages';
import { readSeeds, sourceDateEpoch } from '../lib/corpus/seeds-node';

function main(): number {
  let values: { out?: string; seeds?: string; quiet?: boolean };
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string' }, seeds: { type: 'string' }, quiet: { type: 'boolean' } } }));
  } catch (e) {
    console.error(`corpus: ${(e as Error).message}`);
    return 2;
  }
  if (!values.out) {
    console.error('corpus: usage: npm run corpus -- --out FILE [--seeds DIR]');
    return 2;
  }
  try {
    const { json, bundle, warnings } = buildBundle(readSeeds(resolve(values.seeds ?? 'seeds')), { sourceDateEpoch: sourceDateEpoch() });
    mkdirSync(dirname(resolve(values.out)), { recursive: true });
    writeFileSync(values.out, json);
    if (!values.quiet) {
      for (const w of warnings) console.error(`corpus: warning: ${w}`);
      const passages = bundle.documents.reduce((n, d) => n + d.passages.length, 0);
      console.error(
        `corpus: wrote ${values.out} (${bundle.corpusVersion}: ${bundle.documents.length} documents, ${passages} passages, ${bundle.entities.length} entities, ${bundle.mentions.length} mentions)`,
      );
    }
    return 0;
  } catch (e) {
    console.error(e instanceof CorpusError ? e.message : `corpus: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = main();
