import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import { restoreSnapshot, snapshotOf, type IndexSnapshot } from './snapshot';
import { processTerm, terms, words } from './text';

/**
 * The two MiniSearch indexes of a corpus, built once per bundle and stored, so a cold service
 * worker restores them instead of re-indexing. `SEARCH_INDEX_VERSION` changes whenever the text
 * pipeline or fields change: a stored index of another version is rebuilt, never misread.
 */
export const SEARCH_INDEX_VERSION = 3;

/** What the passage index sees of a passage. */
export interface PassageIndexDoc {
  id: string;
  document: string;
  text: string;
  title: string;
  heading: string;
  /**
   * The entities the passage mentions, as tokens of their ids (`entityToken`). Names are not
   * repeated in every passage: a query that names an entity, in either language, reaches its
   * passages through these tokens (see `queryPassages`), and the index stays small.
   */
  entities: string;
}

export interface EntityIndexDoc {
  id: string;
  names: string;
  aliases: string;
  description: string;
}

const tokenizeText = (text: string) => words(text);
const processIndexTerm = (term: string) => processTerm(term);

const passageOptions: Options<PassageIndexDoc> = {
  fields: ['text', 'title', 'heading', 'entities'],
  storeFields: ['document'],
  tokenize: tokenizeText,
  processTerm: processIndexTerm,
};

const entityOptions: Options<EntityIndexDoc> = {
  fields: ['names', 'aliases', 'description'],
  tokenize: tokenizeText,
  processTerm: processIndexTerm,
};

/**
 * Exact words, with a prefix only on the word being typed (the last). Typo tolerance is a second
 * pass, used only when the exact one finds little: fuzzy matching of every word against a large
 * vocabulary is what made long queries slow.
 */
function queryOptions(boost: Record<string, number>, fields?: string[]): SearchOptions {
  return { boost, fields, prefix: (_term, i, all) => i === all.length - 1, combineWith: 'AND' };
}
const fuzzy = (o: SearchOptions): SearchOptions => ({ ...o, fuzzy: (term) => (term.length >= 5 ? 0.2 : false), prefix: (term, i, all) => i === all.length - 1 || term.length >= 5 });
const PASSAGE_QUERY = queryOptions({ title: 1.5, heading: 1.2, text: 1 }, ['text', 'title', 'heading']);
const ENTITY_QUERY = queryOptions({ names: 3, aliases: 2, description: 0.5 });
/** Below this many exact hits, a query is tried again with typos allowed. */
const FEW = 3;

/**
 * The index token of an entity id ("marcelo-ebrard" → "zzentmarceloebrard"): letters and digits
 * only, so the tokenizer keeps it one word, and a prefix no real word has.
 */
export function entityToken(id: string): string {
  return `zzent${id.replace(/[^a-z0-9]/g, '')}`;
}

export interface CorpusIndexes {
  passages: MiniSearch<PassageIndexDoc>;
  entities: MiniSearch<EntityIndexDoc>;
}

export function buildIndexes(passages: readonly PassageIndexDoc[], entities: readonly EntityIndexDoc[]): CorpusIndexes {
  const p = new MiniSearch<PassageIndexDoc>(passageOptions);
  p.addAll(passages);
  const e = new MiniSearch<EntityIndexDoc>(entityOptions);
  e.addAll(entities);
  return { passages: p, entities: e };
}

/** The stored form: one JSON string holding our version and both indexes as compact snapshots (see snapshot.ts). */
export function serializeIndexes(ix: CorpusIndexes): string {
  return JSON.stringify({ v: SEARCH_INDEX_VERSION, passages: snapshotOf(ix.passages), entities: snapshotOf(ix.entities) });
}

/** Restores a stored index; throws `search: …` when it is of another version or unreadable. */
export function restoreIndexes(json: string): CorpusIndexes {
  let parsed: { v?: unknown; passages?: unknown; entities?: unknown };
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    throw new Error(`search: stored index is not JSON (${(e as Error).message})`);
  }
  if (parsed?.v !== SEARCH_INDEX_VERSION) throw new Error(`search: stored index has version ${String(parsed?.v)}, expected ${SEARCH_INDEX_VERSION}`);
  try {
    return {
      passages: restoreSnapshot(parsed.passages as IndexSnapshot, passageOptions),
      entities: restoreSnapshot(parsed.entities as IndexSnapshot, entityOptions),
    };
  } catch (e) {
    throw new Error(`search: stored index is unreadable (${(e as Error).message})`);
  }
}

/**
 * Passages for a query, best first: the words in the text, title or heading, OR a mention of
 * one of `entityIds` (the entities the query names, so "Sowing Opportunities" reaches passages
 * that say "Sembrando Oportunidades"). All words, then typos allowed, then any word.
 */
export function queryPassages(ix: CorpusIndexes, query: string, entityIds: readonly string[] = []): SearchResult[] {
  const run = (o: SearchOptions) =>
    entityIds.length
      ? ix.passages.search({
          combineWith: 'OR',
          queries: [
            { queries: [query], ...o } as never,
            { queries: entityIds.map(entityToken), fields: ['entities'], combineWith: 'OR', boost: { entities: 2 } } as never,
          ],
        })
      : ix.passages.search(query, o);
  let hits = run(PASSAGE_QUERY);
  if (hits.length < FEW) hits = run(fuzzy(PASSAGE_QUERY));
  if (!hits.length) hits = run({ ...fuzzy(PASSAGE_QUERY), combineWith: 'OR' });
  return hits;
}

export function queryEntities(ix: CorpusIndexes, query: string): SearchResult[] {
  const hits = ix.entities.search(query, ENTITY_QUERY);
  return hits.length >= FEW ? hits : ix.entities.search(query, fuzzy(ENTITY_QUERY));
}

/**
 * Entities the query names: one of their names or aliases is the query, word for word, in any
 * order, the last word possibly still being typed ("Sowing Opportunities", "HLED", "Marcelo
 * Ebr"). A query that is only part of a longer name does not name it: "DEAN" names the dialogue,
 * not each "DEAN 2022 …" meeting, whose passages would otherwise all be added to the results.
 * `namesOf` gives an entity's names and aliases; without it, every entity whose names contain
 * all the query's words counts.
 */
export function namedEntities(ix: CorpusIndexes, query: string, namesOf?: (id: string) => readonly string[]): string[] {
  const ids = ix.entities.search(query, { fields: ['names', 'aliases'], combineWith: 'AND', prefix: (_t, i, all) => i === all.length - 1 }).map((r) => String(r.id));
  if (!namesOf) return ids;
  const q = terms(query);
  return ids.filter((id) => namesOf(id).some((name) => isNamedBy(q, terms(name))));
}

/** True when the query's terms are the name's terms, in any order, the last one a prefix. */
export function isNamedBy(query: readonly string[], name: readonly string[]): boolean {
  if (!query.length || query.length !== name.length) return false;
  const rest = [...name];
  const last = query.length - 1;
  for (let i = 0; i < last; i++) {
    const at = rest.indexOf(query[i]!);
    if (at < 0) return false;
    rest.splice(at, 1);
  }
  return rest[0]!.startsWith(query[last]!);
}

/** Completions of what is being typed, from the passage index. */
export function suggest(ix: CorpusIndexes, query: string, limit = 5): string[] {
  return ix.passages
    .autoSuggest(query, { ...PASSAGE_QUERY, combineWith: 'AND' })
    .slice(0, limit)
    .map((s) => s.suggestion);
}
