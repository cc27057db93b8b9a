import type { Bundle } from './bundle';

/** One changed item: its id, a readable label, and for documents their date (formatted by the page). */
export interface ChangeItem {
  id: string;
  label: string;
  date?: string;
}

export interface ChangeList {
  added: ChangeItem[];
  removed: ChangeItem[];
  changed: ChangeItem[];
}

/** What importing `next` over `active` would change, for the reader to confirm. */
export interface ImportSummary {
  name: string;
  corpusVersion: { from: string | null; to: string };
  /** True when `next` is older than the active corpus (a downgrade the reader should notice). */
  older: boolean;
  documents: ChangeList;
  entities: ChangeList;
}

function diffById<T extends { id: string }>(before: readonly T[], after: readonly T[], item: (t: T) => ChangeItem): ChangeList {
  const old = new Map(before.map((t) => [t.id, JSON.stringify(t)]));
  const out: ChangeList = { added: [], removed: [], changed: [] };
  const seen = new Set<string>();
  for (const t of after) {
    seen.add(t.id);
    const prev = old.get(t.id);
    if (prev === undefined) out.added.push(item(t));
    else if (prev !== JSON.stringify(t)) out.changed.push(item(t));
  }
  for (const t of before) if (!seen.has(t.id)) out.removed.push(item(t));
  return out;
}

/** Documents and entities added, removed and changed between two bundles (by id). */
export function diffBundles(active: Bundle | null, next: Bundle, compare: (a: string, b: string) => number): ImportSummary {
  return {
    name: next.name,
    corpusVersion: { from: active?.corpusVersion ?? null, to: next.corpusVersion },
    older: active ? compare(next.corpusVersion, active.corpusVersion) < 0 : false,
    documents: diffById(active?.documents ?? [], next.documents, (d) => ({ id: d.id, label: d.title, date: d.date })),
    entities: diffById(active?.entities ?? [], next.entities, (e) => ({ id: e.id, label: e.name.en })),
  };
}
