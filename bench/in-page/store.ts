/**
 * Page entry (bundled into an IIFE by the bench): the extension's own store and search code, as
 * the background runs it, on the page's real IndexedDB, with the bench's timing around it.
 */
import { queryEntities, restoreIndexes } from '../../lib/search/indexes';
import { passageHits, type CorpusView } from '../../lib/store/queries';
import { CorpusDb } from '../../lib/store/db';
import { CorpusService } from '../../lib/store/service';
import { writeActiveBundle } from '../../lib/store/write';

const DB = 'hled-bench';
let service: CorpusService | null = null;
let db: CorpusDb | null = null;
let view: CorpusView | null = null;

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

/**
 * One cold start: a new connection and a new service, timed until `ready()` resolves. The service
 * is set up as the background sets it up: the built-in corpus's version comes from its small
 * version file, and the bundle itself is fetched only if that version is newer.
 */
async function restore(arg: { bundleUrl: string; versionUrl: string }) {
  const logs: string[] = [];
  const t0 = performance.now();
  db = new CorpusDb(DB);
  service = new CorpusService({
    db,
    loadBuiltin: () => text(arg.bundleUrl),
    builtinVersion: async () => ((await (await fetch(arg.versionUrl)).json()) as { corpusVersion?: string }).corpusVersion ?? null,
    log: (m) => logs.push(m),
  });
  view = await service.ready();
  const readyMs = performance.now() - t0;
  return { readyMs, logs };
}

/** What a restore costs without IndexedDB: restoring the stored index string alone (same bytes, fetched again). */
async function restoreIndexOnly(arg: { indexUrl: string }) {
  const indexJson = await text(arg.indexUrl);
  const t0 = performance.now();
  restoreIndexes(indexJson);
  return { indexMs: performance.now() - t0 };
}

/**
 * Every query once as a warm-up, then `rounds` timed passes of `service.search`; also, for the
 * diagnosis, the in-memory part alone (the MiniSearch queries, no IndexedDB reads) and the read
 * of the result passages alone.
 */
async function queries(arg: { queries: string[]; rounds: number }) {
  let empty = 0;
  for (const q of arg.queries) {
    const r = await service!.search(q);
    if (!r.entities.length && !r.passages.length) empty++;
  }
  const times: number[] = [];
  const indexOnly: number[] = [];
  const readOnly: number[] = [];
  for (let i = 0; i < arg.rounds; i++) {
    for (const q of arg.queries) {
      const t0 = performance.now();
      await service!.search(q);
      const t1 = performance.now();
      // As searchCorpus runs them (its default limit), on the service's own indexes.
      queryEntities(view!.indexes, q);
      const { results } = passageHits(view!, q, 30);
      const t2 = performance.now();
      await view!.db.passages.bulkGet(results.map((r) => String(r.id)));
      readOnly.push(performance.now() - t2);
      indexOnly.push(t2 - t1);
      times.push(t1 - t0);
    }
  }
  return { times, indexOnly, readOnly, empty };
}

function close() {
  db?.close();
  db = null;
  service = null;
  view = null;
}

(globalThis as { __benchStore?: unknown }).__benchStore = { install, restore, restoreIndexOnly, queries, close };
