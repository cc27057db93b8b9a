import type { Entity } from '../corpus';
import { latestRole } from '../corpus/as-of';
import type { EntityCard, EntityHit, PassageHit, SearchResults, TimelineEntry } from '../messages';
import { namedEntities, queryEntities, queryPassages, type CorpusIndexes } from '../search/indexes';
import { relatedPassages } from '../search/related';
import { cutSnippet } from '../search/snippet';
import { sentenceAround } from '../cite/sentence';
import { markTerms, terms } from '../search/text';
import type { CorpusDb, StoredDocument, StoredPassage } from './db';

/** What the queries read from memory: small tables kept by the service after start-up. */
export interface CorpusView {
  db: CorpusDb;
  documents: ReadonlyMap<string, StoredDocument>;
  entities: ReadonlyMap<string, Entity>;
  indexes: CorpusIndexes;
}

const byNewest = (a: TimelineEntry, b: TimelineEntry) => b.date.localeCompare(a.date) || a.documentId.localeCompare(b.documentId);

function sourceOf(doc: StoredDocument) {
  return { documentId: doc.id, title: doc.title, date: doc.date, publisher: doc.publisher, url: doc.url, language: doc.language };
}

/**
 * Card data of several entities in one pass over the mentions table: names, roles, a timeline of
 * the passages that mention each (newest first, the mention marked in the snippet), and the
 * entities most often mentioned in the same passages.
 */
export async function buildCards(view: CorpusView, ids: readonly string[], timelineLimit = 100): Promise<EntityCard[]> {
  const wanted = [...new Set(ids)].filter((id) => view.entities.has(id));
  if (!wanted.length) return [];
  const mentions = await view.db.mentions.where('entity').anyOf(wanted).toArray();
  const passageIds = [...new Set(mentions.map((m) => m.passage))];
  const passages = await view.db.passages.bulkGet(passageIds);
  const passageById = new Map(passages.filter((p): p is StoredPassage => !!p).map((p) => [p.id, p]));
  const byEntity = groupBy(mentions, (m) => m.entity);
  return wanted.map((id) => {
    const e = view.entities.get(id)!;
    const own = byEntity.get(id) ?? [];
    const timeline: TimelineEntry[] = [];
    const related = new Map<string, number>();
    for (const [pid, ms] of groupBy(own, (m) => m.passage)) {
      const p = passageById.get(pid);
      const doc = p && view.documents.get(p.document);
      if (!p || !doc) continue;
      const marks = ms.map((m): [number, number] => [m.start, m.end]).sort((a, b) => a[0] - b[0]);
      timeline.push({
        ...sourceOf(doc),
        passageId: pid,
        snippet: cutSnippet(p.text, marks[0]![0], marks[0]![1], marks),
        quote: sentenceAround(p.text, marks[0]![0], marks[0]![1], doc.language),
      });
      for (const other of new Set((p.mentions ?? []).map(([entity]) => entity))) {
        if (other !== id) related.set(other, (related.get(other) ?? 0) + 1);
      }
    }
    timeline.sort(byNewest);
    const dates = timeline.map((t) => t.date).sort();
    return {
      id: e.id,
      type: e.type,
      scope: e.scope,
      ...(e.country ? { country: e.country } : {}),
      name: e.name,
      description: e.description,
      roles: e.roles ?? [],
      ...(e.period ? { period: e.period } : {}),
      documents: new Set(timeline.map((t) => t.documentId)).size,
      first: dates[0] ?? null,
      last: dates.at(-1) ?? null,
      timeline: timeline.slice(0, timelineLimit),
      related: [...related]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 5)
        .flatMap(([rid, count]) => {
          const r = view.entities.get(rid);
          return r ? [{ id: rid, type: r.type, name: r.name, count }] : [];
        }),
    };
  });
}

/**
 * Entities first, then passages (best first) with a snippet around the matched words. A passage
 * found through an entity's other-language name ("Sowing Opportunities" for a passage saying
 * "Sembrando Oportunidades") gets that mention marked instead.
 */
/** Every name an entity goes by: its name in both languages and its aliases. */
function namesOf(e: Entity | undefined): string[] {
  return e ? [e.name.en, e.name.es, ...e.aliases.map((a) => a.text)] : [];
}

/** The in-memory part of a passage search: the entities the query names, and the best `limit` passages. */
export function passageHits(view: Pick<CorpusView, 'entities' | 'indexes'>, q: string, limit: number) {
  const named = namedEntities(view.indexes, q, (id) => namesOf(view.entities.get(id)));
  return { named, results: queryPassages(view.indexes, q, named, limit) };
}

export async function searchCorpus(view: CorpusView, query: string, limit = 30, lang: 'en' | 'es' = 'en'): Promise<SearchResults> {
  const q = query.trim();
  if (!q) return { query, entities: [], passages: [], suggestions: [] };
  const { named, results } = passageHits(view, q, limit);
  const ids = results.map((r) => String(r.id));
  // The passages are read from IndexedDB while the entity hits are computed.
  const reading = view.db.passages.bulkGet(ids);
  const entities: EntityHit[] = queryEntities(view.indexes, q)
    .slice(0, 6)
    .flatMap((r) => {
      const e = view.entities.get(String(r.id));
      return e ? [{ id: e.id, type: e.type, name: e.name, role: latestRole(e.roles), score: r.score }] : [];
    });
  const rows = await reading;
  const hitIds = new Set(named);
  const passages: PassageHit[] = [];
  results.forEach((r, i) => {
    const p = rows[i];
    const doc = p && view.documents.get(p.document);
    if (!p || !doc) return;
    // The mentions of the entities the query names ("Sowing Opportunities" → the passage's
    // "Sembrando Oportunidades") come first; the matched words are marked too, where they do not overlap.
    const mentionMarks = (p.mentions ?? []).filter(([entity]) => hitIds.has(entity)).map(([, start, end]): [number, number] => [start, end]);
    const marks = mergeMarks(mentionMarks, markTerms(p.text, new Set(r.terms)));
    const [from, to] = mentionMarks.sort((a, b) => a[0] - b[0])[0] ?? marks[0] ?? [0, 0];
    passages.push({ ...sourceOf(doc), passageId: p.id, snippet: cutSnippet(p.text, from, to, marks), quote: sentenceAround(p.text, from, to, doc.language), score: r.score });
  });
  let suggestions = entities.map((e) => e.name[lang]);
  if (!entities.length && !passages.length) {
    suggestions = view.indexes.entities
      .search(q, { fuzzy: 0.4, prefix: true, combineWith: 'OR' })
      .slice(0, 5)
      .flatMap((r) => {
        const e = view.entities.get(String(r.id));
        return e ? [e.name[lang]] : [];
      });
  }
  return { query, entities, passages, suggestions };
}

/**
 * Corpus passages about what a page's paragraph is about, for the card of an entity named in it:
 * the entity's own names are left out of the query, so on a page about semiconductors the
 * semiconductor passages come first rather than any passage naming the person.
 */
export async function relatedToParagraph(view: CorpusView, paragraph: string, entityId: string, limit = 3): Promise<PassageHit[]> {
  const e = view.entities.get(entityId);
  const leaveOut = new Set<string>();
  for (const text of namesOf(e)) for (const t of terms(text)) leaveOut.add(t);
  const results = relatedPassages(view.indexes, paragraph, leaveOut, limit);
  const rows = await view.db.passages.bulkGet(results.map((r) => String(r.id)));
  return results.flatMap((r, i) => {
    const p = rows[i];
    const doc = p && view.documents.get(p.document);
    if (!p || !doc) return [];
    const marks = markTerms(p.text, new Set(r.terms));
    // The sentence with the most shared words is the one worth quoting and showing.
    const best = densestMark(p.text, marks, doc.language);
    return [{ ...sourceOf(doc), passageId: p.id, snippet: cutSnippet(p.text, best[0], best[1], marks), quote: sentenceAround(p.text, best[0], best[1], doc.language), score: r.score }];
  });
}

/** The span of the sentence holding the most marks (the first mark's when none stands out). */
function densestMark(text: string, marks: [number, number][], lang: string): [number, number] {
  if (!marks.length) return [0, 0];
  let best = marks[0]!;
  let bestCount = 0;
  for (const m of marks) {
    const quote = sentenceAround(text, m[0], m[1], lang);
    const at = text.indexOf(quote.replace(/^…|…$/g, ''));
    const count = at < 0 ? 0 : marks.filter(([a, b]) => a >= at && b <= at + quote.length).length;
    if (count > bestCount) [best, bestCount] = [m, count];
  }
  return best;
}

/** Marks from both lists, sorted, dropping any that overlap one already kept (mentions win). */
function mergeMarks(first: [number, number][], second: [number, number][]): [number, number][] {
  const kept: [number, number][] = [];
  for (const m of [...first, ...second]) if (!kept.some(([a, b]) => m[0] < b && a < m[1])) kept.push(m);
  return kept.sort((a, b) => a[0] - b[0]);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}
