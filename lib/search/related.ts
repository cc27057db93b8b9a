import type { SearchResult } from 'minisearch';
import type { CorpusIndexes } from './indexes';
import { terms } from './text';

/** Distinct terms of a paragraph used as the query: enough to describe it, few enough to stay fast. */
const MAX_QUERY_TERMS = 30;
/** A related passage shares at least this many distinct terms with the paragraph. */
const MIN_SHARED_TERMS = 2;
/**
 * ...and scores at least this share of the best one: past it, what is left shares only common
 * words ("Mexico", "government") and would read as noise under "Related".
 */
const MIN_SCORE_SHARE = 0.35;

/**
 * The terms that say what a paragraph is about: its index terms, most frequent first (then in
 * order of appearance), without `leaveOut` (the hovered entity's own names, so the query finds
 * the paragraph's topic rather than every passage naming that person) and without numbers and
 * one- or two-letter words. How rare each term is in the corpus is left to the search's BM25.
 */
export function salientTerms(paragraph: string, leaveOut: ReadonlySet<string>, max = MAX_QUERY_TERMS): string[] {
  const counts = new Map<string, number>();
  for (const t of terms(paragraph)) {
    if (t.length < 3 || /^\d+$/.test(t) || leaveOut.has(t)) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  // Map order is first appearance; a stable sort keeps it among equals.
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, max).map(([t]) => t);
}

/**
 * Corpus passages most related to a paragraph: an OR query of its salient terms over passage
 * text and headings, best first, keeping passages that share at least two of them and score
 * close enough to the best. Titles are left out: a document's title is indexed on its opening
 * passage only, so matching it would lift that one passage for what the whole document is about.
 */
export function relatedPassages(ix: CorpusIndexes, paragraph: string, leaveOut: ReadonlySet<string>, limit = 3): SearchResult[] {
  const query = salientTerms(paragraph, leaveOut);
  if (query.length < MIN_SHARED_TERMS) return [];
  const hits = ix.passages
    .search(query.join(' '), { fields: ['text', 'heading'], boost: { text: 1, heading: 1.2 }, combineWith: 'OR', prefix: false, fuzzy: false })
    .filter((r) => new Set(r.queryTerms).size >= MIN_SHARED_TERMS);
  const best = hits[0]?.score ?? 0;
  return hits.filter((r) => r.score >= best * MIN_SCORE_SHARE).slice(0, limit);
}
