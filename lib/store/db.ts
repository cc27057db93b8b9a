import Dexie, { type EntityTable } from 'dexie';
import type { BundleDocument, BundleMention, Entity, Passage } from '../corpus';

/**
 * The one typed Dexie database of the extension. Only the background writes it; only `lib/store`
 * talks to Dexie. The schema is versioned: each `version(n)` below stays forever, and an upgrade
 * test opens the previous version, writes, and reopens with the new one.
 */

export type StoredDocument = Omit<BundleDocument, 'passages'> & { passageCount: number };
export type StoredPassage = Passage & { document: string };
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
  }
}
