import { describe, expect, it } from 'vitest';
import { compareCorpusVersions } from './bundle';
import { diffBundles } from './diff';
import { seedBundle } from './test-seeds';

describe('diffBundles', () => {
  it('lists one added document and one added entity', () => {
    const active = seedBundle().bundle;
    const next = structuredClone(active);
    next.corpusVersion = '2030.01.01.1';
    next.documents.push({ ...structuredClone(active.documents[0]!), id: 'new-doc', title: 'A new document' });
    next.entities.push({ ...structuredClone(active.entities[0]!), id: 'new-entity', name: { en: 'New Entity', es: 'Nueva entidad' } });
    const s = diffBundles(active, next, compareCorpusVersions);
    expect(s.documents.added).toEqual([{ id: 'new-doc', label: 'A new document', date: active.documents[0]!.date }]);
    expect(s.entities.added).toEqual([{ id: 'new-entity', label: 'New Entity' }]);
    expect(s.documents.removed).toEqual([]);
    expect(s.documents.changed).toEqual([]);
    expect(s.corpusVersion).toEqual({ from: active.corpusVersion, to: '2030.01.01.1' });
    expect(s.older).toBe(false);
  });
  it('lists removed and changed ones, and notices an older corpus', () => {
    const active = seedBundle().bundle;
    const next = structuredClone(active);
    next.corpusVersion = '2000.01.01.1';
    next.documents.pop();
    next.entities[0]!.description.en = 'Changed.';
    const s = diffBundles(active, next, compareCorpusVersions);
    expect(s.documents.removed.map((d) => d.id)).toEqual([active.documents.at(-1)!.id]);
    expect(s.entities.changed.map((e) => e.id)).toEqual([active.entities[0]!.id]);
    expect(s.older).toBe(true);
  });
  it('treats everything as added when nothing is active', () => {
    const s = diffBundles(null, seedBundle().bundle, compareCorpusVersions);
    expect(s.documents.added).toHaveLength(5);
    expect(s.corpusVersion.from).toBeNull();
  });
});
