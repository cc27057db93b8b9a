import { seedBundle } from '../corpus/test-seeds';
import { CorpusDb } from './db';
import { CorpusService } from './service';

let n = 0;

/** A service on a fresh fake IndexedDB database, with the seeds' bundle as the built-in one. */
export function makeService(opts: { name?: string; builtin?: string; log?: (m: string) => void } = {}) {
  const db = new CorpusDb(opts.name ?? `test-${Date.now()}-${n++}`);
  const logs: string[] = [];
  const service = new CorpusService({
    db,
    loadBuiltin: async () => opts.builtin ?? seedBundle().json,
    log: opts.log ?? ((m) => logs.push(m)),
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  return { db, service, logs };
}

/** The seeds' bundle with another corpus version (and optionally another name). */
export function bundleWithVersion(version: string, name?: string): string {
  const b = structuredClone(seedBundle().bundle);
  b.corpusVersion = version;
  if (name) b.name = name;
  return JSON.stringify(b);
}
