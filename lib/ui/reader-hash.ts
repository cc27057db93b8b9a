/** What the reader page shows, from its URL hash: a document at a passage, or a search. */
export type ReaderRoute =
  | { kind: 'document'; doc: string; passage: string | null }
  | { kind: 'entity'; id: string }
  | { kind: 'search'; q: string }
  | { kind: 'home' };

export function parseReaderHash(hash: string): ReaderRoute {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const doc = params.get('doc');
  if (doc) return { kind: 'document', doc, passage: params.get('p') };
  const entity = params.get('entity');
  if (entity) return { kind: 'entity', id: entity };
  const q = params.get('q');
  if (q !== null && q.trim()) return { kind: 'search', q: q.trim() };
  return { kind: 'home' };
}

export function documentHash(doc: string, passage?: string): string {
  const params = new URLSearchParams({ doc });
  if (passage) params.set('p', passage);
  return `#${params}`;
}

export function searchHash(q: string): string {
  return `#${new URLSearchParams({ q })}`;
}

export function entityHash(id: string): string {
  return `#${new URLSearchParams({ entity: id })}`;
}
