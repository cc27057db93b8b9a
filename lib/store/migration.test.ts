import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { seedBundle } from '../corpus/test-seeds';
import { CorpusDb } from './db';
import { sha256 } from './prepare';
import { bundleWithVersion, makeService } from './test-service';

/**
 * The first released database (the schema and rows of the first release, commit bccac93:
 * Dexie versions 1 and 2, no meta table, passage rows without their mentions, history without a
 * source) filled with the real corpus the way that release wrote it, then opened by today's code.
 */
async function firstReleaseDatabase(name: string, activeJson: string, previousJson: string | null): Promise<void> {
  const db = new Dexie(name);
  db.version(1).stores({ documents: 'id, date', passages: 'id, document', entities: 'id, type', mentions: '++key, entity, passage, document', bundles: 'slot', indexes: 'key' });
  db.version(2).stores({ history: '++id, at' });
  const bundle = JSON.parse(activeJson) as ReturnType<typeof seedBundle>['bundle'];
  // Hashed first: a WebCrypto await inside the transaction would let it commit early.
  const [activeSum, previousSum] = await Promise.all([sha256(activeJson), previousJson ? sha256(previousJson) : null]);
  await db.transaction('rw', db.tables, async () => {
    await db.table('documents').bulkAdd(bundle.documents.map(({ passages, ...d }) => ({ ...d, passageCount: passages.length })));
    await db.table('passages').bulkAdd(bundle.documents.flatMap((d) => d.passages.map((p) => ({ ...p, document: d.id }))));
    await db.table('entities').bulkAdd(bundle.entities);
    await db.table('mentions').bulkAdd(bundle.mentions);
    await db.table('bundles').put({ slot: 'active', corpusVersion: bundle.corpusVersion, checksum: activeSum, json: activeJson, source: 'file', activatedAt: '2026-02-01T00:00:00.000Z' });
    if (previousJson) {
      const prev = JSON.parse(previousJson) as { corpusVersion: string };
      await db.table('bundles').put({ slot: 'previous', corpusVersion: prev.corpusVersion, checksum: previousSum, json: previousJson, source: 'builtin', activatedAt: '2026-01-01T00:00:00.000Z' });
    }
    // That release's index serialization, which today's code no longer reads.
    await db.table('indexes').put({ key: 'search', corpusVersion: bundle.corpusVersion, json: JSON.stringify({ v: 0, passages: {}, entities: {} }) });
    await db.table('history').bulkAdd([
      { at: '2026-01-01T00:00:00.000Z', action: 'install', corpusVersion: '2020.01.01.1', note: 'HLED corpus, 5 documents' },
      { at: '2026-02-01T00:00:00.000Z', action: 'import', corpusVersion: bundle.corpusVersion, note: `${bundle.name}, ${bundle.documents.length} documents` },
    ]);
  });
  expect(db.verno).toBe(2);
  db.close();
}

describe('opening the first released database with today’s code', () => {
  it('keeps the imported corpus active and whole: same export, same counts, search, cards, history, restore', async () => {
    const name = `first-release-${Date.now()}`;
    const active = bundleWithVersion('2099.01.01.1', 'Imported corpus');
    const previous = bundleWithVersion('2020.01.01.1');
    await firstReleaseDatabase(name, active, previous);

    const fresh = makeService();
    const { service, db, logs } = makeService({ name, builtin: bundleWithVersion('2020.01.01.1') });
    const info = await service.corpusInfo();
    expect(db.verno).toBe(4);
    expect(info).toMatchObject({ name: 'Imported corpus', corpusVersion: '2099.01.01.1', source: 'file', documents: 5 });
    expect(info.passages).toBe((await fresh.service.corpusInfo()).passages);
    expect(await service.exportBundle()).toBe(active);

    // The old index is rebuilt once, and answers like a fresh install's.
    expect(logs[0]).toMatch(/^store: rebuilding the search index \(search: stored index has version 0/);
    for (const q of ['Ebrard', 'Sembrando Oportunidades', 'semiconductor supply chain', 'COFEPRIS']) {
      const [got, want] = await Promise.all([service.search(q, 50), fresh.service.search(q, 50)]);
      expect(got.passages.map((p) => [p.passageId, p.snippet.marks]), q).toEqual(want.passages.map((p) => [p.passageId, p.snippet.marks]));
    }
    // Cards read the mentions the upgrade put on each passage row: related entities included.
    const [card, freshCard] = await Promise.all([service.lookupEntity('marcelo-ebrard'), fresh.service.lookupEntity('marcelo-ebrard')]);
    expect(card!.related.length).toBeGreaterThan(0);
    expect(card).toEqual(freshCard);
    expect(await db.passages.filter((p) => !Array.isArray(p.mentions)).count()).toBe(0);

    const history = await service.history();
    expect(history.entries.map((e) => e.action)).toEqual(['rebuild-index', 'import', 'install']);
    expect(history.previous?.corpusVersion).toBe('2020.01.01.1');
    expect((await service.restorePrevious()).corpusVersion).toBe('2020.01.01.1');
    db.close();
    await Dexie.delete(name);
  });

  it('opens an empty first-release database (installed, never loaded) by installing the built-in corpus', async () => {
    const name = `first-release-empty-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores({ documents: 'id, date', passages: 'id, document', entities: 'id, type', mentions: '++key, entity, passage, document', bundles: 'slot', indexes: 'key' });
    old.version(2).stores({ history: '++id, at' });
    await old.open();
    old.close();
    const { service, db } = makeService({ name });
    expect((await service.corpusInfo()).corpusVersion).toBe(seedBundle().bundle.corpusVersion);
    expect(await db.meta.get('active')).toMatchObject({ source: 'builtin' });
    db.close();
    await Dexie.delete(name);
  });
});

describe('CorpusDb', () => {
  it('is at version 4', () => expect(new CorpusDb('x').verno).toBe(4));
});
