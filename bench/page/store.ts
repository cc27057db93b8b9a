/**
 * Page entry (bundled into an IIFE by the bench): the extension's own store and search code, as
 * the background runs it, on the page's real IndexedDB, with the bench's timing around it.
 */
import { restoreIndexes } from '../../lib/search/indexes';
import { CorpusDb } from '../../lib/store/db';
import { CorpusService } from '../../lib/store/service';
import { writeActiveBundle } from '../../lib/store/write';

const DB = 'hled-bench';
let service: CorpusService | null = null;
let db: CorpusDb | null = null;

const text = async (url: string) => (await fetch(url)).text();

/**
 * Fills the database as the service's first run does (`prepareBundle`'s results, then
 * `writeActiveBundle`): the bundle was validated and indexed in Node, the index is served.
 */
async function install(arg: { bundleUrl: string; indexUrl: string; checksum: string }) {
  const json = await text(arg.bundleUrl);
  const indexJson = await text(arg.indexUrl);
  const t0 = performance.now();
  const bundle = JSON.parse(json);
  const target = new CorpusDb(DB);
  await target.delete();
  await target.open();
  await writeActiveBundle(target, { bundle, json, checksum: arg.checksum, indexJson }, 'builtin', 'install', new Date('2026-01-01T00:00:00Z'));
  target.close();
  return { writeMs: performance.now() - t0 };
}

/** One cold start: a new connection and a new service, timed until `ready()` resolves. */
async function restore(arg: { bundleUrl: string }) {
  const logs: string[] = [];
  const t0 = performance.now();
  db = new CorpusDb(DB);
  service = new CorpusService({ db, loadBuiltin: () => text(arg.bundleUrl), log: (m) => logs.push(m) });
  await service.ready();
  const readyMs = performance.now() - t0;
  return { readyMs, logs };
}

/** What a restore costs without IndexedDB: parsing and loading the stored index string. */
async function restoreIndexOnly() {
  const stored = await db!.indexes.get('search');
  const t0 = performance.now();
  restoreIndexes(stored!.json);
  const indexMs = performance.now() - t0;
  const active = await db!.bundles.get('active');
  const t1 = performance.now();
  JSON.parse(active!.json);
  return { indexMs, parseBundleMs: performance.now() - t1, indexChars: stored!.json.length, bundleChars: active!.json.length };
}

/** Every query once as a warm-up, then `rounds` timed passes; returns all timings in order. */
async function queries(arg: { queries: string[]; rounds: number }) {
  let empty = 0;
  for (const q of arg.queries) {
    const r = await service!.search(q);
    if (!r.entities.length && !r.passages.length) empty++;
  }
  const times: number[] = [];
  for (let i = 0; i < arg.rounds; i++) {
    for (const q of arg.queries) {
      const t0 = performance.now();
      await service!.search(q);
      times.push(performance.now() - t0);
    }
  }
  return { times, empty };
}

function close() {
  db?.close();
  db = null;
  service = null;
}

(globalThis as { __benchStore?: unknown }).__benchStore = { install, restore, restoreIndexOnly, queries, close };
