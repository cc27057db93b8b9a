import { describe, expect, it } from 'vitest';
import type { EntityHit, PassageHit, SearchResults } from '../messages';
import { groupByDocument, resultList, suggestionChips } from './popup-results';

const DOC_2025 = { documentId: '000_0a1eb5644c355993', title: 'US and Mexico Collaborate on Advanced Manufacturing', date: '2025-10-22', publisher: null, url: null, language: 'en' as const };
const DOC_2022 = { documentId: '004_de0b601aba4ffa92', title: 'Joint Statement Following the 2022 U.S.-Mexico High-Level Economic Dialogue', date: '2022-09-12', publisher: null, url: null, language: 'en' as const };

function passage(doc: typeof DOC_2025, n: number, text: string): PassageHit {
  return { ...doc, passageId: `${doc.documentId}:${n}`, snippet: { text, marks: [], offset: 0 }, quote: text, score: 10 - n };
}

const ebrard: EntityHit = {
  id: 'marcelo-ebrard',
  type: 'person',
  name: { en: 'Marcelo Ebrard', es: 'Marcelo Ebrard' },
  role: null,
  score: 9,
};
const sembrando: EntityHit = {
  id: 'sembrando-oportunidades',
  type: 'program',
  name: { en: 'Sembrando Oportunidades (Sowing Opportunities)', es: 'Sembrando Oportunidades' },
  role: null,
  score: 8,
};

const passages = [
  passage(DOC_2025, 1, 'Marcelo Ebrard, Mexico’s Secretary of Economy, has been instrumental…'),
  passage(DOC_2025, 2, 'Ebrard highlighted that the three countries have not had coordination…'),
  passage(DOC_2022, 1, 'Economy Secretary Tatiana Clouthier, Foreign Secretary Marcelo Ebrard…'),
  passage(DOC_2025, 3, 'Ebrard expressed optimism about regional integration…'),
  passage(DOC_2025, 4, 'Ebrard stressed the necessity of close coordination…'),
];

describe('groupByDocument', () => {
  it('orders documents by their best passage and keeps rank order inside each', () => {
    const groups = groupByDocument(passages);
    expect(groups.map((g) => [g.documentId, g.date, g.passages.map((p) => p.passageId), g.hidden])).toEqual([
      [DOC_2025.documentId, '2025-10-22', [1, 2, 3, 4].map((n) => `${DOC_2025.documentId}:${n}`), 0],
      [DOC_2022.documentId, '2022-09-12', [`${DOC_2022.documentId}:1`], 0],
    ]);
  });

  it('folds passages past the per-document limit unless the document is expanded', () => {
    const folded = groupByDocument(passages, 2);
    expect(folded.map((g) => [g.passages.length, g.hidden])).toEqual([[2, 2], [1, 0]]);
    const open = groupByDocument(passages, 2, new Set([DOC_2025.documentId]));
    expect(open.map((g) => [g.passages.length, g.hidden])).toEqual([[4, 0], [1, 0]]);
  });

  it('gives no groups for no passages', () => expect(groupByDocument([])).toEqual([]));
});

describe('resultList', () => {
  const results: SearchResults = { query: 'Ebrard', entities: [ebrard], passages, suggestions: ['Marcelo Ebrard'] };

  it('lists entities first, then each document’s passages and its "more" option, in arrow-key order', () => {
    const list = resultList(results, { perDocument: 2 });
    expect(list.flat.map((o) => o.key)).toEqual([
      'e:marcelo-ebrard',
      `p:${DOC_2025.documentId}:1`,
      `p:${DOC_2025.documentId}:2`,
      `m:${DOC_2025.documentId}`,
      `p:${DOC_2022.documentId}:1`,
    ]);
    expect(list.flat[3]).toEqual({ kind: 'more', key: `m:${DOC_2025.documentId}`, documentId: DOC_2025.documentId, count: 2 });
    expect(list.groups.map((g) => g.options.length)).toEqual([3, 1]);
  });

  it('gives unique keys', () => {
    const keys = resultList(results).flat.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('suggestionChips', () => {
  it('names an entity in the interface language when the reply carries it', () => {
    const r: SearchResults = { query: 'Sowing', entities: [sembrando], passages: [], suggestions: [sembrando.name.en] };
    expect(suggestionChips(r, 'es')).toEqual(['Sembrando Oportunidades']);
    expect(suggestionChips(r, 'en')).toEqual(['Sembrando Oportunidades (Sowing Opportunities)']);
  });

  it('drops the query itself, whatever its case, and repeats', () => {
    const r: SearchResults = { query: ' marcelo ebrard ', entities: [ebrard], passages: [], suggestions: ['Marcelo Ebrard', 'Gina Raimondo', 'Gina Raimondo'] };
    expect(suggestionChips(r, 'en')).toEqual(['Gina Raimondo']);
  });

  it('keeps at most `max`, best first', () => {
    const r: SearchResults = { query: 'Sembradno', entities: [], passages: [], suggestions: ['Sembrando Oportunidades (Sowing Opportunities)', 'Sembrando Vida (Sowing Life)', 'United States Agency for International Development (USAID)'] };
    expect(suggestionChips(r, 'en', 2)).toEqual(['Sembrando Oportunidades (Sowing Opportunities)', 'Sembrando Vida (Sowing Life)']);
  });

  it('keeps names the reply has no entity for as they are', () => {
    const r: SearchResults = { query: 'Raimondoo', entities: [], passages: [], suggestions: ['Gina Raimondo'] };
    expect(suggestionChips(r, 'es')).toEqual(['Gina Raimondo']);
  });
});
