import { describe, expect, it } from 'vitest';
import { seedBundle } from '../corpus/test-seeds';
import { indexDocs } from '../store/prepare';
import { buildIndexes, entityToken, queryPassages, type PassageIndexDoc } from './indexes';

const passage = (id: string, text: string, extra: Partial<PassageIndexDoc> = {}): PassageIndexDoc => ({ id, text, title: '', heading: '', entities: '', ...extra });

describe('queryPassages', () => {
  // Four passages mention the dialogue; two say so in words, two only through the matcher (Spanish, acronym).
  const ix = buildIndexes(
    [
      passage('p1', 'The High-Level Economic Dialogue met in Washington.', { entities: entityToken('hled') }),
      passage('p2', 'El Diálogo Económico de Alto Nivel se reunió.', { entities: entityToken('hled') }),
      passage('p3', 'The HLED agreed on supply chains.', { entities: `${entityToken('hled')} ${entityToken('gina-raimondo')}` }),
      passage('p4', 'Officials discussed the economic dialogue agenda.', { entities: entityToken('hled') }),
      passage('p5', 'An unrelated passage about the weather in Washington.'),
    ],
    [],
  );

  it('adds the passages that mention a named entity in other words, text matches first', () => {
    const ids = queryPassages(ix, 'economic dialogue', ['hled']).map((r) => r.id);
    expect(ids.slice(0, 2).sort()).toEqual(['p1', 'p4']);
    expect(ids.slice(2).sort()).toEqual(['p2', 'p3']);
  });

  it('gives the same best passages with a limit as without, and the limit holds', () => {
    for (const limit of [1, 2, 3]) {
      const limited = queryPassages(ix, 'economic dialogue', ['hled'], limit);
      expect(limited).toHaveLength(limit);
      expect(limited.map((r) => r.id)).toEqual(queryPassages(ix, 'economic dialogue', ['hled']).slice(0, limit).map((r) => r.id));
    }
  });

  it('counts mention-only passages as found, so a named entity needs no typo pass', () => {
    // "Washingtn" alone would be retried with typos; naming the entity already finds four.
    expect(queryPassages(ix, 'Washingtn', ['hled']).map((r) => r.id).sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(queryPassages(ix, 'Washingtn').map((r) => r.id).sort()).toEqual(['p1', 'p5']);
  });

  it('answers the same after the mention list was computed once (it is kept per index and entity)', () => {
    const first = queryPassages(ix, 'HLED', ['hled']);
    expect(queryPassages(ix, 'HLED', ['hled'])).toEqual(first);
    expect(first[0]!.id).toBe('p3');
  });
});

describe('titles in the passage index', () => {
  const { bundle } = seedBundle();
  const [docs] = indexDocs(bundle);
  const doc = bundle.documents.find((d) => d.passages.length > 2)!;

  it('are indexed once per document, on its first passage', () => {
    const own = docs.filter((p) => doc.passages.some((q) => q.id === p.id));
    expect(own.map((p) => p.title)).toEqual([doc.title, ...doc.passages.slice(1).map(() => '')]);
  });

  it('so a query for a title finds the document by its opening passage, not each of its passages', () => {
    const ix = buildIndexes(docs, []);
    const hits = queryPassages(ix, doc.title).map((r) => String(r.id));
    expect(hits).toContain(doc.passages[0]!.id);
    const ofDoc = hits.filter((id) => doc.passages.some((p) => p.id === id));
    expect(ofDoc.length).toBeLessThan(doc.passages.length);
  });
});
