import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import { processTerm, words } from './text';

/**
 * The two MiniSearch indexes of a corpus, built once per bundle and stored, so a cold service
 * worker restores them instead of re-indexing. `SEARCH_INDEX_VERSION` changes whenever the text
 * pipeline or fields change: a stored index of another version is rebuilt, never misread.
 */
export const SEARCH_INDEX_VERSION = 1;

/** What the passage index sees of a passage. */
export interface PassageIndexDoc {
  id: string;
  document: string;
  text: string;
  title: string;
  heading: string;
  /** Names and aliases (both languages) of the entities the passage mentions. */
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

/** Prefix on the word being typed and on longer words; fuzzy only where a typo is plausible. */
function queryOptions(boost: Record<string, number>): SearchOptions {
  return {
    boost,
    prefix: (term, i, all) => i === all.length - 1 || term.length >= 4,
    fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
    combineWith: 'AND',
  };
}
const PASSAGE_QUERY = queryOptions({ entities: 2, title: 1.5, heading: 1.2, text: 1 });
const ENTITY_QUERY = queryOptions({ names: 3, aliases: 2, description: 0.5 });

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

/** The stored form: one JSON string holding our version and both MiniSearch serializations. */
export function serializeIndexes(ix: CorpusIndexes): string {
  return JSON.stringify({ v: SEARCH_INDEX_VERSION, passages: ix.passages, entities: ix.entities });
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
      passages: MiniSearch.loadJS(parsed.passages as never, passageOptions),
      entities: MiniSearch.loadJS(parsed.entities as never, entityOptions),
    };
  } catch (e) {
    throw new Error(`search: stored index is unreadable (${(e as Error).message})`);
  }
}

/** Passages for a query, best first; AND of the words, or OR when AND finds nothing. */
export function queryPassages(ix: CorpusIndexes, query: string): SearchResult[] {
  const all = ix.passages.search(query, PASSAGE_QUERY);
  return all.length ? all : ix.passages.search(query, { ...PASSAGE_QUERY, combineWith: 'OR' });
}

export function queryEntities(ix: CorpusIndexes, query: string): SearchResult[] {
  return ix.entities.search(query, ENTITY_QUERY);
}

/** Completions of what is being typed, from the passage index. */
export function suggest(ix: CorpusIndexes, query: string, limit = 5): string[] {
  return ix.passages
    .autoSuggest(query, { ...PASSAGE_QUERY, combineWith: 'AND' })
    .slice(0, limit)
    .map((s) => s.suggestion);
}
