import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import { restoreSnapshot, snapshotOf, type IndexSnapshot } from './snapshot';
import { processTerm, terms, words } from './text';

/**
 * The two MiniSearch indexes of a corpus, built once per bundle and stored, so a cold service
 * worker restores them instead of re-indexing. `SEARCH_INDEX_VERSION` changes whenever the text
 * pipeline or fields change: a stored index of another version is rebuilt, never misread.
 */
export const SEARCH_INDEX_VERSION = 4;

/** What the passage index sees of a passage. */
export interface PassageIndexDoc {
  id: string;
  text: string;
  /**
   * The document's title on its first passage, empty on the others: a query for a title's words
   * finds the document by its opening, as a reader expects, instead of every one of its
   * passages with the same score (which was also most of the work of such queries).
   */
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

/** The passages that mention some entities, best first, with their scores: see `passagesMentioning`. */
interface MentionHits {
  ids: readonly string[];
  score: ReadonlyMap<string, number>;
}

/** Mention lists kept per index, the most recently used last; a few dozen entities at most. */
const mentionMemo = new WeakMap<CorpusIndexes, Map<string, MentionHits>>();
const MENTION_MEMO_SIZE = 32;

/**
 * The passages mentioning an entity, scored by its token's BM25 (a passage naming few other
 * entities is more about this one). The list depends on the entity alone, not on the query, and
 * the most mentioned entity (the dialogue itself) has thousands: computed once per index and
 * entity, and then every query naming it only looks scores up.
 */
function mentionsOf(ix: CorpusIndexes, entityId: string): MentionHits {
  let memo = mentionMemo.get(ix);
  if (!memo) mentionMemo.set(ix, (memo = new Map()));
  let hits = memo.get(entityId);
  if (hits) {
    memo.delete(entityId);
  } else {
    const found = ix.passages.search(entityToken(entityId), { fields: ['entities'], boost: { entities: 2 }, prefix: false, fuzzy: false });
    hits = { ids: found.map((r) => String(r.id)), score: new Map(found.map((r) => [String(r.id), r.score])) };
    if (memo.size >= MENTION_MEMO_SIZE) memo.delete(memo.keys().next().value!);
  }
  memo.set(entityId, hits);
  return hits;
}

function mentionsOfAll(ix: CorpusIndexes, entityIds: readonly string[]): MentionHits | null {
  if (!entityIds.length) return null;
  if (entityIds.length === 1) return mentionsOf(ix, entityIds[0]!);
  const score = new Map<string, number>();
  for (const id of entityIds) for (const [p, s] of mentionsOf(ix, id).score) score.set(p, (score.get(p) ?? 0) + s);
  return { ids: [...score.keys()].sort((a, b) => score.get(b)! - score.get(a)!), score };
}

/**
 * Text hits and mention hits together, best first: a passage's score is its text score plus its
 * mention score. Of the passages found only by a mention, the best `limit` are enough (they can
 * only follow each other in that order), so a query naming the dialogue does not build a result
 * for each of its thousands of passages. `total` counts them all.
 */
function withMentions(text: SearchResult[], mentions: MentionHits | null, limit: number): { hits: SearchResult[]; total: number } {
  if (!mentions) return { hits: text.slice(0, limit), total: text.length };
  const inText = new Set<string>();
  for (const r of text) {
    const id = String(r.id);
    inText.add(id);
    r.score += mentions.score.get(id) ?? 0;
  }
  const hits = text;
  let both = 0;
  let added = 0;
  for (const id of mentions.ids) {
    if (inText.has(id)) {
      both++;
      continue;
    }
    if (added < limit) {
      hits.push({ id, score: mentions.score.get(id)!, terms: [], queryTerms: [], match: {} });
      added++;
    }
  }
  return { hits: best(hits, limit), total: text.length + mentions.ids.length - both };
}

const byScore = (a: SearchResult, b: SearchResult) => b.score - a.score;

/**
 * The `limit` best hits, best first, in the order a full (stable) sort would give: the cut-off
 * score comes from a native sort of the scores alone, and only the hits above it are sorted.
 */
function best(hits: SearchResult[], limit: number): SearchResult[] {
  if (hits.length <= limit) return hits.sort(byScore);
  const scores = Float64Array.from(hits, (h) => h.score).sort();
  const cut = scores[scores.length - limit]!;
  return hits.filter((h) => h.score >= cut).sort(byScore).slice(0, limit);
}

/**
 * Passages for a query, best first, at most `limit`: the words in the text, title or heading,
 * OR a mention of one of `entityIds` (the entities the query names, so "Sowing Opportunities"
 * reaches passages that say "Sembrando Oportunidades"). All words, then typos allowed, then any
 * word.
 */
export function queryPassages(ix: CorpusIndexes, query: string, entityIds: readonly string[] = [], limit = Infinity): SearchResult[] {
  const mentions = mentionsOfAll(ix, entityIds);
  const run = (o: SearchOptions) => withMentions(ix.passages.search(query, o), mentions, limit);
  let found = run(PASSAGE_QUERY);
  if (found.total < FEW) found = run(fuzzy(PASSAGE_QUERY));
  if (!found.total) found = run({ ...fuzzy(PASSAGE_QUERY), combineWith: 'OR' });
  return found.hits;
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
