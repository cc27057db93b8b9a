import Dexie, { type EntityTable } from 'dexie';
import type { BundleDocument, BundleMention, Entity, Passage } from '../corpus';

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
export interface StoredBundle {
  slot: 'active' | 'previous';
  corpusVersion: string;
  /** SHA-256 of `json`, hex. */
  checksum: string;
  json: string;
  source: 'builtin' | 'file' | 'url';
  activatedAt: string;
}

export interface StoredIndex {
  key: 'search';
  corpusVersion: string;
  json: string;
}

/** What start-up needs to know of the active corpus, without reading the bundle itself. */
export interface ActiveMeta {
  key: 'active';
  corpusVersion: string;
  name: string;
  source: StoredBundle['source'];
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
    // does not read (and parse) the whole bundle to learn them.
    this.version(3)
      .stores({ meta: 'key' })
      .upgrade(async (tx) => {
        const active = (await tx.table('bundles').get('active')) as StoredBundle | undefined;
        if (active) await tx.table('meta').put(metaOf(active));
      });
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
