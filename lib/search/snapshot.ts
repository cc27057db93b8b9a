import MiniSearch, { type Options } from 'minisearch';

/**
 * A compact stored form of a MiniSearch index, restored about twice as fast as MiniSearch's own
 * JSON (`loadJS`), because a cold service worker restores the index before it answers a search.
 *
 * MiniSearch serializes postings as objects keyed by document number
 * (`{"12": 1, "40": 2}`): parsing those builds dictionary objects whose keys are then parsed back
 * into numbers one by one. Here each term's postings are a flat number array
 * (`[fieldId, [doc, freq, doc, freq, …], …]`), which `JSON.parse` reads as packed arrays, and the
 * per-document tables are arrays by document number. The result is the same index: the unit tests
 * compare every query of a restored index with a fresh build.
 *
 * Restoring fills MiniSearch's internal maps, the same ones its `loadJS` fills (minisearch is
 * pinned in package.json); if a later version renames them, `restoreSnapshot` throws and the
 * store rebuilds the index from the bundle, logging why, instead of misreading it.
 */
export interface IndexSnapshot {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
  serializationVersion: number;
  /** External id of each document, by MiniSearch's document number (null for a removed one). */
  documentIds: (string | null)[];
  fieldLength: (number[] | null)[];
  storedFields: (Record<string, unknown> | null)[];
  /** `[term, fieldId, [doc, freq, …], fieldId, […], …]` per term. */
  index: (string | number | number[])[][];
}

/** MiniSearch's own JSON, as `toJSON()` returns it (version 2). */
interface MiniSearchJson {
  documentCount: number;
  nextId: number;
  documentIds: Record<string, string>;
  fieldIds: Record<string, number>;
  fieldLength: Record<string, number[]>;
  averageFieldLength: number[];
  storedFields: Record<string, Record<string, unknown>>;
  dirtCount: number;
  index: [string, Record<string, Record<string, number>>][];
  serializationVersion: number;
}

/** The internal maps `loadJS` fills. */
interface MiniSearchInternals {
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, Record<string, unknown>>;
  _index: { set(term: string, data: Map<number, Map<number, number>>): unknown };
}

function byNumber<T>(obj: Record<string, T>, size: number): (T | null)[] {
  const out: (T | null)[] = new Array(size).fill(null);
  for (const key of Object.keys(obj)) out[Number(key)] = obj[key]!;
  return out;
}

export function snapshotOf<T>(index: MiniSearch<T>): IndexSnapshot {
  const js = index.toJSON() as unknown as MiniSearchJson;
  if (js.serializationVersion !== 2) throw new Error(`search: MiniSearch serialization version ${js.serializationVersion} is not supported`);
  return {
    documentCount: js.documentCount,
    nextId: js.nextId,
    fieldIds: js.fieldIds,
    averageFieldLength: js.averageFieldLength,
    dirtCount: js.dirtCount,
    serializationVersion: js.serializationVersion,
    documentIds: byNumber(js.documentIds, js.nextId),
    fieldLength: byNumber(js.fieldLength, js.nextId),
    storedFields: byNumber(js.storedFields, js.nextId),
    index: js.index.map(([term, fields]) => {
      const row: (string | number | number[])[] = [term];
      for (const fieldId of Object.keys(fields)) {
        const postings: number[] = [];
        const docs = fields[fieldId]!;
        for (const doc of Object.keys(docs)) postings.push(Number(doc), docs[doc]!);
        row.push(Number(fieldId), postings);
      }
      return row;
    }),
  };
}

export function restoreSnapshot<T>(snap: IndexSnapshot, options: Options<T>): MiniSearch<T> {
  const empty = { ...snap, documentIds: {}, fieldLength: {}, storedFields: {}, index: [] };
  const ms = MiniSearch.loadJS<T>(empty as never, options);
  const inner = ms as unknown as MiniSearchInternals;
  if (!(inner._documentIds instanceof Map && inner._idToShortId instanceof Map && inner._fieldLength instanceof Map && inner._storedFields instanceof Map && typeof inner._index?.set === 'function')) {
    throw new Error('search: this MiniSearch version keeps its index differently; the snapshot cannot be restored');
  }
  const { documentIds, fieldLength, storedFields } = snap;
  for (let doc = 0; doc < documentIds.length; doc++) {
    const id = documentIds[doc];
    if (id === null || id === undefined) continue;
    inner._documentIds.set(doc, id);
    inner._idToShortId.set(id, doc);
    const lengths = fieldLength[doc];
    if (lengths) inner._fieldLength.set(doc, lengths);
    const stored = storedFields[doc];
    if (stored) inner._storedFields.set(doc, stored);
  }
  for (const row of snap.index) {
    const fields = new Map<number, Map<number, number>>();
    for (let k = 1; k < row.length; k += 2) {
      const postings = row[k + 1] as number[];
      const docs = new Map<number, number>();
      for (let j = 0; j < postings.length; j += 2) docs.set(postings[j]!, postings[j + 1]!);
      fields.set(row[k] as number, docs);
    }
    inner._index.set(row[0] as string, fields);
  }
  return ms;
}
