import { bundleProvenance } from '../corpus/bundle';
import type { CorpusDb, HistoryEntry, StoredBundle } from './db';
import type { PreparedBundle } from './prepare';

/**
 * Makes a prepared bundle the active corpus in ONE transaction: the old active bundle becomes
 * `previous`, every table is replaced, the index and history written. Any failure (quota, a
 * crash mid-way) aborts it all, and the previous corpus is still the active one.
 */
export async function writeActiveBundle(
  db: CorpusDb,
  prepared: PreparedBundle,
  source: StoredBundle['source'],
  action: HistoryEntry['action'],
  now: Date,
  /** The trusted key that verified the bundle's signature, if one did. */
  signer: { kid: string; name: string } | null = null,
): Promise<void> {
  try {
    await writeAll(db, prepared, source, action, now, signer);
  } catch (e) {
    // The transaction was rolled back as a whole; say why in words a reader can act on.
    if (isQuotaError(e)) throw new Error(QUOTA_EXCEEDED);
    throw e;
  }
}

/** What a reader is told when the browser has no room left for the corpus. */
export const QUOTA_EXCEEDED = 'store: not enough storage space for this corpus (the browser refused to store it); nothing was changed, the previous corpus is still active';

/** A quota error as IndexedDB raises it, or as Dexie wraps it (an abort whose inner error is the quota). */
export function isQuotaError(e: unknown): boolean {
  for (let cur = e as { name?: unknown; inner?: unknown } | undefined, depth = 0; cur && depth < 5; cur = cur.inner as typeof cur, depth++) {
    if (cur.name === 'QuotaExceededError') return true;
  }
  return false;
}

async function writeAll(db: CorpusDb, prepared: PreparedBundle, source: StoredBundle['source'], action: HistoryEntry['action'], now: Date, signer: { kid: string; name: string } | null): Promise<void> {
  const { bundle } = prepared;
  const provenance = { signer, dataAsOf: bundleProvenance(bundle).dataAsOf };
  await db.transaction('rw', [db.documents, db.passages, db.entities, db.mentions, db.bundles, db.indexes, db.history, db.meta], async () => {
    const active = await db.bundles.get('active');
    if (active && active.checksum !== prepared.checksum) await db.bundles.put({ ...active, slot: 'previous' });
    await Promise.all([db.documents.clear(), db.passages.clear(), db.entities.clear(), db.mentions.clear()]);
    await db.documents.bulkAdd(bundle.documents.map(({ passages, ...d }) => ({ ...d, passageCount: passages.length })));
    const inPassage = new Map<string, [string, number, number][]>();
    for (const m of bundle.mentions) {
      const list = inPassage.get(m.passage);
      if (list) list.push([m.entity, m.start, m.end]);
      else inPassage.set(m.passage, [[m.entity, m.start, m.end]]);
    }
    await db.passages.bulkAdd(bundle.documents.flatMap((d) => d.passages.map((p) => ({ ...p, document: d.id, mentions: inPassage.get(p.id) ?? [] }))));
    await db.entities.bulkAdd(bundle.entities);
    await db.mentions.bulkAdd(bundle.mentions);
    await db.bundles.put({ slot: 'active', corpusVersion: bundle.corpusVersion, checksum: prepared.checksum, json: prepared.json, source, activatedAt: now.toISOString(), ...provenance });
    await db.indexes.put({ key: 'search', corpusVersion: bundle.corpusVersion, json: prepared.indexJson });
    await db.meta.put({ key: 'active', corpusVersion: bundle.corpusVersion, name: bundle.name, source, ...provenance });
    await db.history.add({ at: now.toISOString(), action, source, corpusVersion: bundle.corpusVersion, note: `${bundle.name}, ${bundle.documents.length} documents, ${bundle.entities.length} entities` });
  });
}
