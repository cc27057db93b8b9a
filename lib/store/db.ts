import Dexie, { type EntityTable } from 'dexie';
import type { BundleDocument, BundleMention, Entity, Passage } from '../corpus';
import type { PublicJwk } from '../corpus/signing';
import type { UpdateFailure, UpdateOutcome } from '../updates/check';

/**
 * The one typed Dexie database of the extension. Only the background writes it; only `lib/store`
 * talks to Dexie. The schema is versioned: each `version(n)` below stays forever, and an upgrade
 * test opens the previous version, writes, and reopens with the new one.
 */

export type StoredDocument = Omit<BundleDocument, 'passages'> & { passageCount: number };
/**
 * A passage row carries its own mentions as `[entity id, start, end]`, so a search result or a
 * card needs one read per passage, not a second query over the mentions table.
 */
export type StoredPassage = Passage & { document: string; mentions?: [string, number, number][] };
export type StoredMention = BundleMention & { key?: number };

/** A whole bundle as imported, so export, "restore previous" and "reset" need no rebuild. */
export type StoredBundle = {
  slot: 'active' | 'previous';
  corpusVersion: string;
  /** SHA-256 of `json`, hex. */
  checksum: string;
  json: string;
  source: 'builtin' | 'file' | 'url' | 'subscription';
  activatedAt: string;
} & Provenance;

/** Who signed the corpus (a trusted key that verified it; null: unverified or built in) and its data date. */
export interface Provenance {
  signer?: { kid: string; name: string } | null;
  dataAsOf?: string | null;
}

export interface StoredIndex {
  key: 'search';
  corpusVersion: string;
  json: string;
}

/** What start-up needs to know of the active corpus, without reading the bundle itself. */
export type ActiveMeta = {
  key: 'active';
  corpusVersion: string;
  name: string;
  source: StoredBundle['source'];
} & Provenance;

/** The one subscription: where it points, what the last answer said, when to ask again. */
export interface SubscriptionRow {
  key: 'main';
  url: string;
  subscribedAt: string;
  etag: string | null;
  lastModified: string | null;
  /** Until when the last answer is fresh (`Cache-Control: max-age`), ms since the epoch. */
  freshUntil: number | null;
  /** Failed checks in a row: the retry backoff. */
  failures: number;
  lastCheckAt: string | null;
  nextCheckAt: number | null;
  /**
   * A subscribed version the reader rolled back from ("Restore previous", "Reset"): not applied
   * again; the subscription waits for a newer one.
   */
  heldBack?: string | null;
}

/** One update check, for the options page's update log (the last 50 are kept). */
export interface UpdateLogEntry {
  id?: number;
  at: string;
  url: string;
  result: UpdateOutcome['result'];
  /** The corpus version the check saw or applied, when it saw one. */
  version: string | null;
  failure?: UpdateFailure;
  /** "Update now" rather than the schedule. */
  manual: boolean;
}

/** A public key a reader added on the options page, by name. */
export interface StoredTrustedKey {
  kid: string;
  name: string;
  jwk: PublicJwk;
  addedAt: string;
}

export interface HistoryEntry {
  id?: number;
  at: string;
  action: 'install' | 'update' | 'import' | 'restore' | 'reset' | 'rebuild-index';
  corpusVersion: string;
  note: string;
  /** Where the corpus came from, for imports. */
  source?: StoredBundle['source'];
}

export const DB_NAME = 'hled-lens';

export class CorpusDb extends Dexie {
  documents!: EntityTable<StoredDocument, 'id'>;
  passages!: EntityTable<StoredPassage, 'id'>;
  entities!: EntityTable<Entity, 'id'>;
  mentions!: EntityTable<StoredMention, 'key'>;
  bundles!: EntityTable<StoredBundle, 'slot'>;
  indexes!: EntityTable<StoredIndex, 'key'>;
  history!: EntityTable<HistoryEntry, 'id'>;
  meta!: EntityTable<ActiveMeta, 'key'>;
  subscription!: EntityTable<SubscriptionRow, 'key'>;
  updateLog!: EntityTable<UpdateLogEntry, 'id'>;
  trustedKeys!: EntityTable<StoredTrustedKey, 'kid'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      documents: 'id, date',
      passages: 'id, document',
      entities: 'id, type',
      mentions: '++key, entity, passage, document',
      bundles: 'slot',
      indexes: 'key',
    });
    // v2: an import/restore history for the options page.
    this.version(2).stores({ history: '++id, at' });
    // v3: the active corpus's version and name in a row of their own, so a restarting worker
    // does not read (and parse) the whole bundle to learn them; and each passage row carries its
    // mentions (cards' related entities and search marks read them from there).
    this.version(3)
      .stores({ meta: 'key' })
      .upgrade(async (tx) => {
        const active = (await tx.table('bundles').get('active')) as StoredBundle | undefined;
        if (active) await tx.table('meta').put(metaOf(active));
        const inPassage = new Map<string, [string, number, number][]>();
        await tx.table('mentions').each((m: StoredMention) => {
          const list = inPassage.get(m.passage);
          if (list) list.push([m.entity, m.start, m.end]);
          else inPassage.set(m.passage, [[m.entity, m.start, m.end]]);
        });
        await tx.table('passages').toCollection().modify((p: StoredPassage) => {
          p.mentions ??= inPassage.get(p.id) ?? [];
        });
      });
    // v4: subscriptions (the one subscription, its update log, keys added by the reader).
    this.version(4).stores({ subscription: 'key', updateLog: '++id, at', trustedKeys: 'kid' });
  }
}

/** The meta row of a stored bundle (its name read from the JSON once, here). */
export function metaOf(bundle: StoredBundle): ActiveMeta {
  let name = 'HLED corpus';
  try {
    const n = (JSON.parse(bundle.json) as { name?: unknown }).name;
    if (typeof n === 'string') name = n;
  } catch {
    // keep the default name
  }
  return { key: 'active', corpusVersion: bundle.corpusVersion, name, source: bundle.source };
}
