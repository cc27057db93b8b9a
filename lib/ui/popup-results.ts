import type { EntityHit, PassageHit, SearchResults } from '../messages';
import type { UiLanguage } from '../i18n/language';

/** Passages of one document, in the order the search ranked them. */
export interface DocumentGroup {
  documentId: string;
  title: string;
  date: string;
  language: PassageHit['language'];
  /** The passages shown. */
  passages: PassageHit[];
  /** Passages of this document found but folded away. */
  hidden: number;
}

/**
 * Passages grouped by document: documents in the order of their best passage, passages in rank
 * order inside each. At most `perDocument` passages are shown per document unless the document is
 * in `expanded`, so one long document cannot push every other one out of a small popup.
 */
export function groupByDocument(passages: readonly PassageHit[], perDocument = Infinity, expanded: ReadonlySet<string> = new Set()): DocumentGroup[] {
  const groups = new Map<string, { first: PassageHit; all: PassageHit[] }>();
  for (const p of passages) {
    const g = groups.get(p.documentId);
    if (g) g.all.push(p);
    else groups.set(p.documentId, { first: p, all: [p] });
  }
  return [...groups.values()].map(({ first, all }) => {
    const shown = expanded.has(first.documentId) ? all : all.slice(0, perDocument);
    return { documentId: first.documentId, title: first.title, date: first.date, language: first.language, passages: shown, hidden: all.length - shown.length };
  });
}

/** One choice of the popup's result list, in the order arrow keys visit them. */
export type ResultOption =
  | { kind: 'entity'; key: string; entity: EntityHit }
  | { kind: 'passage'; key: string; passage: PassageHit }
  /** "3 more passages from this document": unfolds the group. */
  | { kind: 'more'; key: string; documentId: string; count: number };

export interface ResultList {
  entities: ResultOption[];
  groups: { group: DocumentGroup; options: ResultOption[] }[];
  /** Every option in visiting order; an option's index here is its place for the arrow keys. */
  flat: ResultOption[];
}

/** The result list of a search: entities first, then each document's passages and its "more" option. */
export function resultList(results: SearchResults, opts: { perDocument?: number; expanded?: ReadonlySet<string> } = {}): ResultList {
  const entities: ResultOption[] = results.entities.map((entity) => ({ kind: 'entity', key: `e:${entity.id}`, entity }));
  const groups = groupByDocument(results.passages, opts.perDocument, opts.expanded).map((group) => {
    const options: ResultOption[] = group.passages.map((passage) => ({ kind: 'passage', key: `p:${passage.passageId}`, passage }));
    if (group.hidden) options.push({ kind: 'more', key: `m:${group.documentId}`, documentId: group.documentId, count: group.hidden });
    return { group, options };
  });
  return { entities, groups, flat: [...entities, ...groups.flatMap((g) => g.options)] };
}

/**
 * Suggestions to show as chips: the reply's closest entity names, in the interface language when
 * the reply also carries that entity, without the query itself and without repeats; at most `max`.
 */
export function suggestionChips(results: SearchResults, lang: UiLanguage, max = Infinity): string[] {
  const byEnglish = new Map(results.entities.map((e) => [e.name.en, e.name[lang]]));
  const query = results.query.trim().toLocaleLowerCase();
  const out: string[] = [];
  for (const s of results.suggestions) {
    const shown = byEnglish.get(s) ?? s;
    const key = shown.toLocaleLowerCase();
    if (key !== query && !out.some((o) => o.toLocaleLowerCase() === key)) out.push(shown);
  }
  return out.slice(0, max);
}
