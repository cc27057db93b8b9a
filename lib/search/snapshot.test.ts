import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { seedBundle } from '../corpus/test-seeds';
import { indexDocs } from '../store/prepare';
import { buildIndexes, queryEntities, queryPassages, restoreIndexes, serializeIndexes, suggest } from './indexes';
import { restoreSnapshot, snapshotOf } from './snapshot';

const QUERIES = ['Ebrard', 'Marcelo Ebr', 'Raimondoo', 'semiconductor supply chain', 'Sembrando Oportunidades', 'dialogo economico', 'frontera', 'HLED', 'COFEPRIS', 'zzzz'];

describe('index snapshots', () => {
  const [passages, entities] = indexDocs(seedBundle().bundle);
  const fresh = buildIndexes(passages, entities);
  const restored = restoreIndexes(serializeIndexes(fresh));

  it('answers every query exactly as a fresh build does (ids, scores, matched terms)', () => {
    for (const q of QUERIES) {
      expect(queryPassages(restored, q)).toEqual(queryPassages(fresh, q));
      expect(queryEntities(restored, q)).toEqual(queryEntities(fresh, q));
      expect(suggest(restored, q)).toEqual(suggest(fresh, q));
    }
    expect(queryPassages(fresh, 'Ebrard').length).toBeGreaterThan(0);
  });

  it('keeps document ids, and the restored index can still grow', () => {
    expect(queryPassages(restored, 'Ebrard')[0]!.id).toBe(queryPassages(fresh, 'Ebrard')[0]!.id);
    restored.passages.add({ id: 'new-1', text: 'A brand new passage about quokkas', title: '', heading: '', entities: '' });
    expect(restored.passages.search('quokkas').map((r) => r.id)).toEqual(['new-1']);
  });

  it('keeps stored fields', () => {
    const options = { fields: ['text'], storeFields: ['lang'] };
    const ms = new MiniSearch<{ id: string; text: string; lang: string }>(options);
    ms.addAll([{ id: 'a', text: 'alpha beta', lang: 'en' }, { id: 'b', text: 'beta gamma', lang: 'es' }]);
    const back = restoreSnapshot<{ id: string; text: string; lang: string }>(JSON.parse(JSON.stringify(snapshotOf(ms))), options);
    expect(back.search('gamma').map((r) => [r.id, r.lang])).toEqual([['b', 'es']]);
  });

  it('restores an index with removed documents', () => {
    const ms = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
    ms.addAll([{ id: 'a', text: 'alpha beta' }, { id: 'b', text: 'beta gamma' }, { id: 'c', text: 'gamma delta' }]);
    ms.discard('b');
    const back = restoreSnapshot<{ id: string; text: string }>(JSON.parse(JSON.stringify(snapshotOf(ms))), { fields: ['text'] });
    expect(back.search('beta').map((r) => r.id)).toEqual(ms.search('beta').map((r) => r.id));
    expect(back.search('gamma').map((r) => r.id)).toEqual(['c']);
    expect(back.documentCount).toBe(2);
  });

  it('is smaller than MiniSearch’s own JSON', () => {
    const own = JSON.stringify({ passages: fresh.passages, entities: fresh.entities }).length;
    expect(serializeIndexes(fresh).length).toBeLessThan(own * 0.85);
  });

  it('refuses an index stored in the previous format, so the store rebuilds it', () => {
    const old = JSON.stringify({ v: 3, passages: snapshotOf(fresh.passages), entities: snapshotOf(fresh.entities) });
    expect(() => restoreIndexes(old)).toThrow(/search: stored index has version 3, expected 4/);
  });
});
