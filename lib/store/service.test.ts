import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { seedBundle } from '../corpus/test-seeds';
import { CorpusDb } from './db';
import { handleRequest } from './handle';
import { bundleWithVersion, makeService } from './test-service';

const passagesOf = async (svc: ReturnType<typeof makeService>['service'], q: string) => (await svc.search(q, 100)).passages.map((p) => p.passageId);

describe('CorpusService start-up', () => {
  it('installs the built-in bundle on first run', async () => {
    const { service, db } = makeService();
    const info = await service.corpusInfo();
    expect(info.corpusVersion).toBe(seedBundle().bundle.corpusVersion);
    expect(info.documents).toBe(5);
    expect(info.source).toBe('builtin');
    expect(await db.passages.count()).toBe(info.passages);
    expect((await db.history.toArray()).map((h) => h.action)).toEqual(['install']);
  });

  it('restores the stored index after a restart instead of rebuilding it', async () => {
    const first = makeService();
    const before = await passagesOf(first.service, 'semiconductor supply chain');
    first.db.close();
    const second = makeService({ name: first.db.name });
    expect(await passagesOf(second.service, 'semiconductor supply chain')).toEqual(before);
    expect(second.logs).toEqual([]);
    expect((await second.db.history.toArray()).map((h) => h.action)).toEqual(['install']);
  });

  it('rebuilds a corrupt index snapshot, logs it, and answers the same', async () => {
    const first = makeService();
    const queries = ['Ebrard', 'Sembrando Oportunidades', 'border infrastructure', 'COFEPRIS'];
    const fresh = await Promise.all(queries.map((q) => passagesOf(first.service, q)));
    await first.db.indexes.update('search', { json: '{"v":1,"passages":{"garbage":true}' });
    first.db.close();
    const second = makeService({ name: first.db.name });
    expect(await Promise.all(queries.map((q) => passagesOf(second.service, q)))).toEqual(fresh);
    expect(second.logs[0]).toMatch(/^store: rebuilding the search index/);
    expect((await second.db.history.toArray()).map((h) => h.action)).toContain('rebuild-index');
  });

  it('replaces the active corpus with a newer built-in one (extension update)', async () => {
    const first = makeService({ builtin: bundleWithVersion('2020.01.01.1') });
    await first.service.ready();
    first.db.close();
    const second = makeService({ name: first.db.name, builtin: bundleWithVersion('2030.01.01.1') });
    expect((await second.service.corpusInfo()).corpusVersion).toBe('2030.01.01.1');
    expect((await second.db.bundles.get('previous'))?.corpusVersion).toBe('2020.01.01.1');
  });

  it('keeps a newer corpus the reader imported over an older built-in one', async () => {
    const first = makeService({ builtin: bundleWithVersion('2040.01.01.1') });
    await first.service.ready();
    first.db.close();
    const second = makeService({ name: first.db.name, builtin: bundleWithVersion('2030.01.01.1') });
    expect((await second.service.corpusInfo()).corpusVersion).toBe('2040.01.01.1');
  });

  it('makes requests wait while the corpus loads', async () => {
    const { service } = makeService();
    const [a, b] = await Promise.all([service.search('Ebrard'), service.corpusInfo()]);
    expect(a.passages.length).toBeGreaterThan(0);
    expect(b.documents).toBe(5);
  });
});

describe('search', () => {
  it('finds by prefix while typing ("Ebra")', async () => {
    const { service } = makeService();
    const r = await service.search('Ebra');
    expect(r.entities[0]?.id).toBe('marcelo-ebrard');
    expect(r.passages.length).toBeGreaterThan(5);
  });
  it('forgives a typo ("Raimondoo")', async () => {
    const { service } = makeService();
    expect((await service.search('Raimondoo')).passages.length).toBeGreaterThan(0);
  });
  it('ignores accents both ways (Jeronimo finds Jerónimo, Ramirez finds Ramírez)', async () => {
    const { service } = makeService();
    const jer = await service.search('Santa Teresa Jeronimo');
    expect(jer.passages[0]?.snippet.text).toMatch(/Jerónimo/);
    const ram = await service.search('Rogelio Ramirez');
    expect(ram.passages.some((p) => /Ramírez/.test(p.snippet.text))).toBe(true);
  });
  it('reaches the same passages with the English and the Spanish program name', async () => {
    const { service } = makeService();
    const es = new Set(await passagesOf(service, 'Sembrando Oportunidades'));
    const en = new Set(await passagesOf(service, 'Sowing Opportunities'));
    const mentioned = new Set(seedBundle().bundle.mentions.filter((m) => m.entity === 'sembrando-oportunidades').map((m) => m.passage));
    expect(mentioned.size).toBeGreaterThan(1);
    for (const p of mentioned) {
      expect(es.has(p), p).toBe(true);
      expect(en.has(p), p).toBe(true);
    }
  });
  it('returns snippets with the matched words as ranges, never markup', async () => {
    const { service } = makeService();
    const hit = (await service.search('semiconductors')).passages[0]!;
    expect(hit.snippet.marks.length).toBeGreaterThan(0);
    for (const [a, b] of hit.snippet.marks) expect(hit.snippet.text.slice(a, b).toLowerCase()).toMatch(/^semiconductor/);
    expect(hit.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(hit.title.length).toBeGreaterThan(0);
  });
  it('suggests the closest names when nothing is found', async () => {
    const { service } = makeService();
    const r = await service.search('Klowtier');
    expect(r.passages).toEqual([]);
    expect(r.suggestions).toContain('Tatiana Clouthier');
  });
});

describe('lookupEntity', () => {
  it('returns card data with a timeline, newest first', async () => {
    const { service } = makeService();
    const card = (await service.lookupEntity('marcelo-ebrard'))!;
    expect(card.name.en).toBe('Marcelo Ebrard');
    expect(card.roles.length).toBeGreaterThanOrEqual(2);
    const dates = card.timeline.map((t) => t.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(card.first).toBe(dates.at(-1));
    expect(card.last).toBe(dates[0]);
    for (const t of card.timeline) {
      const [a, b] = t.snippet.marks[0]!;
      expect(t.snippet.text.slice(a, b)).toMatch(/Ebrard/);
    }
    expect(card.related.length).toBeGreaterThan(0);
  });
  it('returns null for an unknown id, and several cards in one call', async () => {
    const { service } = makeService();
    expect(await service.lookupEntity('nobody')).toBeNull();
    const cards = await service.cardsFor(['marcelo-ebrard', 'gina-raimondo', 'nobody']);
    expect(cards.map((c) => c.id)).toEqual(['marcelo-ebrard', 'gina-raimondo']);
  });
  it('gives the content script a versioned alias table, and nothing when its copy is current', async () => {
    const { service } = makeService();
    const table = (await service.matcherTable())!;
    expect(table.version).toBe(seedBundle().bundle.corpusVersion);
    expect(table.aliases.length).toBeGreaterThan(100);
    expect(await service.matcherTable(table.version)).toBeNull();
  });
});

describe('handleRequest', () => {
  it.each([
    [undefined, /bad request/],
    ['search', /bad request/],
    [{ type: 'nope' }, /bad request/],
    [{ type: 'search' }, /bad request \(query: /],
    [{ type: 'search', query: 42 }, /bad request/],
    [{ type: 'cardsFor', ids: 'x' }, /bad request/],
  ])('answers a malformed message %j with an error', async (msg, err) => {
    const { service } = makeService();
    const reply = await handleRequest(service, msg);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(err);
  });
  it('answers a good one with its value', async () => {
    const { service } = makeService();
    const reply = await handleRequest(service, { type: 'ping' });
    expect(reply).toEqual({ ok: true, value: { corpusVersion: seedBundle().bundle.corpusVersion } });
  });
});

describe('CorpusDb schema upgrades', () => {
  it('opens a version 1 database as the current version with its data intact and the meta row filled', async () => {
    const name = `upgrade-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ documents: 'id, date', passages: 'id, document', entities: 'id, type', mentions: '++key, entity, passage, document', bundles: 'slot', indexes: 'key' });
    await v1.table('documents').put({ id: 'doc-1', date: '2022-09-12', title: 'T' });
    await v1.table('bundles').put({ slot: 'active', corpusVersion: '2025.01.01.1', checksum: 'x', json: '{"name":"Old corpus"}', source: 'file', activatedAt: '2025-01-01T00:00:00Z' });
    v1.close();
    const db = new CorpusDb(name);
    expect(await db.documents.get('doc-1')).toMatchObject({ title: 'T' });
    expect(await db.history.count()).toBe(0);
    expect(await db.meta.get('active')).toEqual({ key: 'active', corpusVersion: '2025.01.01.1', name: 'Old corpus', source: 'file' });
    expect(db.verno).toBe(4);
    db.close();
    await Dexie.delete(name);
  });
  it('opens a version 3 database as version 4 with its corpus intact and empty subscription tables', async () => {
    const name = `upgrade-v3-${Date.now()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores({ documents: 'id, date', passages: 'id, document', entities: 'id, type', mentions: '++key, entity, passage, document', bundles: 'slot', indexes: 'key' });
    v3.version(2).stores({ history: '++id, at' });
    v3.version(3).stores({ meta: 'key' });
    await v3.table('meta').put({ key: 'active', corpusVersion: '2025.01.01.1', name: 'Old corpus', source: 'url' });
    await v3.table('history').add({ at: '2025-01-01T00:00:00Z', action: 'import', corpusVersion: '2025.01.01.1', note: 'n' });
    v3.close();
    const db = new CorpusDb(name);
    expect(await db.meta.get('active')).toEqual({ key: 'active', corpusVersion: '2025.01.01.1', name: 'Old corpus', source: 'url' });
    expect(await db.history.count()).toBe(1);
    expect(await db.subscription.count()).toBe(0);
    expect(await db.updateLog.count()).toBe(0);
    await db.trustedKeys.put({ kid: 'k', name: 'n', jwk: { kty: 'OKP', crv: 'Ed25519', x: 'x'.repeat(43) }, addedAt: '2026-01-01T00:00:00Z' });
    expect(await db.trustedKeys.get('k')).toMatchObject({ name: 'n' });
    expect(db.verno).toBe(4);
    db.close();
    await Dexie.delete(name);
  });
});

describe('search marks', () => {
  it('marks the Spanish name in a passage found by the English one, first', async () => {
    const { service } = makeService();
    const r = await service.search('Sowing Opportunities');
    const hit = r.passages.find((p) => /Sembrando Oportunidades/.test(p.snippet.text) && !/Sowing Opportunities/.test(p.snippet.text))!;
    expect(hit).toBeDefined();
    const [a, b] = hit.snippet.marks[0]!;
    expect(hit.snippet.text.slice(a, b)).toBe('Sembrando Oportunidades');
  });
  it('gives suggestions in the language asked for', async () => {
    const { service } = makeService();
    expect((await service.search('Klowtier', 10, 'es')).suggestions).toContain('Tatiana Clouthier');
    const es = await service.search('Secretaría de Economía', 10, 'es');
    expect(es.suggestions[0]).toBe('Secretaría de Economía');
  });
});
