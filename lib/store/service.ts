import { compareCorpusVersions, type Bundle, type Entity } from '../corpus';
import { verifySignatureFile, type Verification } from '../corpus/signing';
import { bundleProvenance } from '../corpus/bundle';
import { trustedKeys } from './keys';
import { diffBundles, type ImportSummary } from '../corpus/diff';
import { buildMatcherTable, type MatcherTable } from '../match/table';
import type { CorpusInfo, ReaderDocument } from '../messages';
import { restoreIndexes } from '../search/indexes';
import type { CorpusDb, HistoryEntry, StoredBundle } from './db';
import { parseBundle, prepareBundle } from './prepare';
import { buildCards, relatedToParagraph, searchCorpus, type CorpusView } from './queries';
import { writeActiveBundle } from './write';

/** Why a second import (or restore, or reset) started while one runs is refused. */
export const WRITE_IN_PROGRESS = 'store: another import, restore or reset is in progress; nothing was changed, try again when it has finished';

export interface CorpusServiceOptions {
  db: CorpusDb;
  /** The bundle shipped with the extension, as JSON text. */
  loadBuiltin: () => Promise<string>;
  /** Its corpus version alone (a small file beside it), so start-up need not read the bundle. */
  builtinVersion?: () => Promise<string | null>;
  log?: (message: string) => void;
  now?: () => Date;
}

interface Loaded extends CorpusView {
  active: Pick<StoredBundle, 'corpusVersion' | 'source' | 'signer' | 'dataAsOf'> & { name: string };
  table: MatcherTable;
}

/**
 * The corpus as the background owns it: installs the built-in bundle on first run (or when an
 * extension update ships a newer one than the active corpus), restores the stored search index
 * on every start, and answers queries. Requests made while it starts wait for it.
 */
export class CorpusService {
  private loading: Promise<Loaded> | null = null;
  private readonly infoOf = new WeakMap<Loaded, Promise<CorpusInfo>>();
  /** The write (import, restore, reset) under way, if any: a second one is refused, not queued. */
  private writing: Promise<CorpusInfo> | null = null;
  private readonly log: (message: string) => void;
  private readonly now: () => Date;

  constructor(private readonly opts: CorpusServiceOptions) {
    this.log = opts.log ?? ((m) => console.warn(m));
    this.now = opts.now ?? (() => new Date());
  }

  /** The loaded corpus; starts loading on first call. A failed start is retried on the next call. */
  ready(): Promise<Loaded> {
    this.loading ??= this.start().catch((e) => {
      this.loading = null;
      throw e;
    });
    return this.loading;
  }

  private async start(): Promise<Loaded> {
    const { db } = this.opts;
    const active = await db.meta.get('active');
    if (!active) {
      await writeActiveBundle(db, await prepareBundle(await this.opts.loadBuiltin()), 'builtin', 'install', this.now());
    } else {
      let builtin: string | null = null;
      const builtinVersion = this.opts.builtinVersion ? await this.opts.builtinVersion() : readCorpusVersion((builtin = await this.opts.loadBuiltin()));
      // A newer built-in corpus (extension update) replaces the active one, unless the reader
      // imported a corpus that is newer still.
      if (builtinVersion && compareCorpusVersions(builtinVersion, active.corpusVersion) > 0) {
        await writeActiveBundle(db, await prepareBundle(builtin ?? (await this.opts.loadBuiltin())), 'builtin', 'update', this.now());
      }
    }
    return this.loadView();
  }

  private async loadView(): Promise<Loaded> {
    const { db } = this.opts;
    const [active, documents, entities, stored] = await Promise.all([db.meta.get('active'), db.documents.toArray(), db.entities.toArray(), db.indexes.get('search')]);
    if (!active) throw new Error('store: no active corpus after start-up');
    let indexes;
    try {
      if (!stored || stored.corpusVersion !== active.corpusVersion) throw new Error('search: no stored index for the active corpus');
      indexes = restoreIndexes(stored.json);
    } catch (e) {
      // A missing or unreadable snapshot is rebuilt from the active bundle, and the event logged.
      this.log(`store: rebuilding the search index (${(e as Error).message})`);
      const bundle = await db.bundles.get('active');
      if (!bundle) throw new Error('store: the active bundle is missing');
      const prepared = await prepareBundle(bundle.json);
      await db.transaction('rw', [db.indexes, db.history], async () => {
        await db.indexes.put({ key: 'search', corpusVersion: active.corpusVersion, json: prepared.indexJson });
        await db.history.add({ at: this.now().toISOString(), action: 'rebuild-index', corpusVersion: active.corpusVersion, note: (e as Error).message });
      });
      indexes = restoreIndexes(prepared.indexJson);
    }
    const entityList: Entity[] = entities;
    return {
      db,
      documents: new Map(documents.map((d) => [d.id, d])),
      entities: new Map(entityList.map((e) => [e.id, e])),
      indexes,
      active: { corpusVersion: active.corpusVersion, source: active.source, name: active.name, signer: active.signer ?? null, dataAsOf: active.dataAsOf ?? null },
      table: buildMatcherTable(active.corpusVersion, entityList),
    };
  }

  /**
   * Validates a bundle and says what importing it would change; writes nothing. Throws
   * `BundleError` listing what is wrong.
   */
  async previewImport(json: string, signature: string | null = null): Promise<ImportSummary & { verification: Verification }> {
    const next = parseBundle(json);
    return { ...diffBundles(await this.activeBundle(), next, compareCorpusVersions), verification: await this.verify(json, next, signature) };
  }

  /**
   * Makes a bundle the active corpus (one transaction; the old one is kept as `previous`). With a
   * signature file that a trusted key verifies, the corpus records that key as its signer;
   * otherwise it is recorded as unverified (the options page warned before asking).
   */
  importBundle(json: string, source: 'file' | 'url', signature: string | null = null): Promise<CorpusInfo> {
    return this.write(async () => {
      const prepared = await prepareBundle(json);
      const verdict = await this.verify(json, prepared.bundle, signature);
      await writeActiveBundle(this.opts.db, prepared, source, 'import', this.now(), verdict.ok ? verdict.signer : null);
    });
  }

  /** Makes a bundle that a subscription fetched and verified the active corpus. */
  applySubscribedBundle(json: string, signer: { kid: string; name: string }): Promise<CorpusInfo> {
    return this.write(async () => writeActiveBundle(this.opts.db, await prepareBundle(json), 'subscription', 'import', this.now(), signer));
  }

  /** The active corpus version (after start-up). */
  async activeVersion(): Promise<string> {
    return (await this.ready()).active.corpusVersion;
  }

  private async verify(json: string, bundle: Bundle, signature: string | null): Promise<Verification> {
    return verifySignatureFile(new TextEncoder().encode(json), signature, bundleProvenance(bundle).signer, await trustedKeys(this.opts.db));
  }

  /** Swaps back to the corpus that was active before the last change. */
  restorePrevious(): Promise<CorpusInfo> {
    return this.write(async () => {
      const previous = await this.opts.db.bundles.get('previous');
      if (!previous) throw new Error('store: there is no previous corpus to restore');
      await writeActiveBundle(this.opts.db, await prepareBundle(previous.json), previous.source, 'restore', this.now(), previous.signer ?? null);
    });
  }

  /** Goes back to the corpus shipped with the extension. */
  resetToBuiltin(): Promise<CorpusInfo> {
    return this.write(async () => writeActiveBundle(this.opts.db, await prepareBundle(await this.opts.loadBuiltin()), 'builtin', 'reset', this.now()));
  }

  /** The active corpus as a bundle file, exactly as it was imported. */
  async exportBundle(): Promise<string> {
    await this.ready();
    const active = await this.opts.db.bundles.get('active');
    if (!active) throw new Error('store: no active corpus');
    return active.json;
  }

  /** Import history, newest first, and what "restore previous" would bring back. */
  async history(): Promise<{ entries: HistoryEntry[]; previous: { corpusVersion: string; source: StoredBundle['source']; activatedAt: string } | null }> {
    await this.ready();
    const [entries, previous] = await Promise.all([this.opts.db.history.orderBy('id').reverse().limit(50).toArray(), this.opts.db.bundles.get('previous')]);
    return { entries, previous: previous ? { corpusVersion: previous.corpusVersion, source: previous.source, activatedAt: previous.activatedAt } : null };
  }

  private async activeBundle(): Promise<Bundle | null> {
    await this.ready();
    const active = await this.opts.db.bundles.get('active');
    if (!active) return null;
    try {
      return parseBundle(active.json);
    } catch {
      return null;
    }
  }

  /**
   * Runs one change to the active corpus. While one runs, another is refused with a message
   * (two imports at once: the first wins whole, the second changes nothing and says so), rather
   * than queued behind it, so nobody's import silently replaces the one they just saw succeed.
   */
  private write(change: () => Promise<void>): Promise<CorpusInfo> {
    if (this.writing) return Promise.reject(new Error(WRITE_IN_PROGRESS));
    const run = (async () => {
      try {
        await this.ready();
        await change();
        // The next request sees the new corpus; a failed change left the old one in place.
        this.loading = this.loadView();
        return await this.corpusInfo();
      } finally {
        // Released before the caller resumes, so an import awaited and then another is never refused.
        this.writing = null;
      }
    })();
    this.writing = run;
    return run;
  }

  async matcherTable(have?: string): Promise<MatcherTable | null> {
    const v = await this.ready();
    return have === v.table.version ? null : v.table;
  }

  async cardsFor(ids: readonly string[]) {
    return buildCards(await this.ready(), ids);
  }

  async lookupEntity(id: string) {
    return (await buildCards(await this.ready(), [id], Infinity))[0] ?? null;
  }

  async relatedPassages(paragraph: string, entityId: string, limit?: number) {
    return relatedToParagraph(await this.ready(), paragraph, entityId, limit);
  }

  async search(query: string, limit?: number, lang?: 'en' | 'es') {
    return searchCorpus(await this.ready(), query, limit, lang);
  }

  /**
   * What the popup and options page show of the corpus. Counting mentions reads every key of the
   * mentions index, so it is done once per loaded corpus (a write loads a new one), not per call.
   */
  async corpusInfo(): Promise<CorpusInfo> {
    const v = await this.ready();
    let info = this.infoOf.get(v);
    if (!info) {
      info = this.computeInfo(v);
      this.infoOf.set(v, info);
      info.catch(() => this.infoOf.delete(v));
    }
    return info;
  }

  private async computeInfo(v: Loaded): Promise<CorpusInfo> {
    const dates = [...v.documents.values()].map((d) => d.date).sort();
    const counts = new Map<string, number>();
    for (const key of (await v.db.mentions.orderBy('entity').keys()) as string[]) counts.set(key, (counts.get(key) ?? 0) + 1);
    const suggested = [...v.entities.values()]
      .filter((e) => e.scope === 'core' && e.type !== 'event')
      .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || a.id.localeCompare(b.id))
      .slice(0, 6)
      .map((e) => ({ id: e.id, type: e.type, name: e.name }));
    return {
      name: v.active.name,
      corpusVersion: v.active.corpusVersion,
      source: v.active.source,
      documents: v.documents.size,
      passages: [...v.documents.values()].reduce((n, d) => n + d.passageCount, 0),
      entities: v.entities.size,
      first: dates[0]!,
      last: dates.at(-1)!,
      suggested,
      // The bundle's own date (schema 2), else its newest document's.
      dataAsOf: v.active.dataAsOf ?? dates.at(-1)!,
      signer: v.active.signer?.name ?? null,
      signerKid: v.active.signer?.kid ?? null,
    };
  }

  async document(id: string): Promise<ReaderDocument | null> {
    const v = await this.ready();
    const doc = v.documents.get(id);
    if (!doc) return null;
    const [passages, mentions] = await Promise.all([
      v.db.passages.where('document').equals(id).sortBy('index'),
      v.db.mentions.where('document').equals(id).toArray(),
    ]);
    return {
      documentId: doc.id,
      title: doc.title,
      date: doc.date,
      publisher: doc.publisher,
      url: doc.url,
      language: doc.language,
      editorial: doc.editorial as Record<string, string>,
      corrections: doc.corrections,
      passages: passages.map(({ id: pid, index, heading, text }) => ({ id: pid, index, heading, text })),
      mentions: mentions.map(({ passage, start, end, entity }) => ({ passage, start, end, entity })),
    };
  }
}

/** The corpus version of a bundle's JSON without validating it (validation comes on install). */
function readCorpusVersion(json: string): string | null {
  try {
    const v = (JSON.parse(json) as { corpusVersion?: unknown }).corpusVersion;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}
