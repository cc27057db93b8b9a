import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { seedBundle } from '../corpus/test-seeds';
import { CorpusDb } from './db';
import { handleRequest } from './handle';
import { sha256 } from './prepare';
import { WRITE_IN_PROGRESS } from './service';
import { bundleWithVersion, makeService } from './test-service';
import { QUOTA_EXCEEDED } from './write';

const SEED_VERSION = () => seedBundle().bundle.corpusVersion;

/** Every table of the database, hashed: "nothing lost" means this is unchanged. */
async function databaseDigest(db: CorpusDb): Promise<string> {
  return sha256(JSON.stringify(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()]))));
}

/** Fails the write transaction once it has replaced some passages, the way a stopped worker or a full disk would. */
function failMidWrite(db: CorpusDb, error: () => unknown, after = 20): () => void {
  let written = 0;
  const hook = () => {
    if (++written > after) throw error();
  };
  db.passages.hook('creating', hook);
  return () => db.passages.hook('creating').unsubscribe(hook);
}

describe('an import interrupted mid-way (service worker stopped)', () => {
  it('leaves the previous corpus active after a restart, and a retry succeeds', async () => {
    const first = makeService();
    await first.service.ready();
    const exportBefore = await first.service.exportBundle();
    const digestBefore = await databaseDigest(first.db);
    // The transaction is aborted part-way through its writes: what a worker stopped mid-import leaves.
    failMidWrite(first.db, () => {
      Dexie.currentTransaction?.abort();
      return new Error('worker stopped');
    });
    await expect(first.service.importBundle(bundleWithVersion('2030.01.01.1'), 'file')).rejects.toThrow();
    first.db.close();

    // A new worker: a new connection and a new service over the same database.
    const restarted = makeService({ name: first.db.name });
    expect((await restarted.service.corpusInfo()).corpusVersion).toBe(SEED_VERSION());
    expect(await restarted.service.exportBundle()).toBe(exportBefore);
    expect(await databaseDigest(restarted.db)).toBe(digestBefore);
    expect((await restarted.service.search('Ebrard')).passages.length).toBeGreaterThan(0);

    const retried = await restarted.service.importBundle(bundleWithVersion('2030.01.01.1'), 'file');
    expect(retried.corpusVersion).toBe('2030.01.01.1');
    expect((await restarted.service.history()).entries.map((e) => e.action)).toEqual(['import', 'install']);
    expect((await restarted.service.search('Ebrard')).passages.length).toBeGreaterThan(0);
  });
});

describe('two imports at once', () => {
  it('lets the first win whole and refuses the second with a message, changing nothing for it', async () => {
    const { service, db } = makeService();
    await service.ready();
    const [a, b] = await Promise.allSettled([service.importBundle(bundleWithVersion('2030.01.01.1', 'Corpus A'), 'file'), service.importBundle(bundleWithVersion('2031.01.01.1', 'Corpus B'), 'url')]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('rejected');
    expect((b as PromiseRejectedResult).reason.message).toBe(WRITE_IN_PROGRESS);
    const info = await service.corpusInfo();
    expect([info.name, info.corpusVersion, info.source]).toEqual(['Corpus A', '2030.01.01.1', 'file']);
    expect((await db.history.toArray()).map((h) => [h.action, h.corpusVersion])).toEqual([
      ['install', SEED_VERSION()],
      ['import', '2030.01.01.1'],
    ]);
    // Once the first is done, the second can be tried again and goes through.
    expect((await service.importBundle(bundleWithVersion('2031.01.01.1', 'Corpus B'), 'url')).name).toBe('Corpus B');
  });

  it('answers the refused one through the message channel with that message', async () => {
    const { service } = makeService();
    await service.ready();
    const msg = (v: string) => ({ type: 'importBundle', json: bundleWithVersion(v), source: 'file' });
    const [a, b] = await Promise.all([handleRequest(service, msg('2030.01.01.1')), handleRequest(service, msg('2031.01.01.1'))]);
    expect(a.ok).toBe(true);
    expect(b).toEqual({ ok: false, error: WRITE_IN_PROGRESS });
  });

  it('refuses a reset or restore started while an import runs', async () => {
    const { service } = makeService();
    await service.ready();
    const importing = service.importBundle(bundleWithVersion('2030.01.01.1'), 'file');
    await expect(service.resetToBuiltin()).rejects.toThrow(WRITE_IN_PROGRESS);
    await expect(service.restorePrevious()).rejects.toThrow(WRITE_IN_PROGRESS);
    expect((await importing).corpusVersion).toBe('2030.01.01.1');
  });

  it('does not stay locked after a failed import', async () => {
    const { service } = makeService();
    await expect(service.importBundle('not json', 'file')).rejects.toThrow(/is not JSON/);
    expect((await service.importBundle(bundleWithVersion('2030.01.01.1'), 'file')).corpusVersion).toBe('2030.01.01.1');
  });
});

describe('popup and options open together during an import', () => {
  it('each read sees the old corpus or the new one whole, and all see the new one after', async () => {
    const { service } = makeService();
    await service.ready();
    const next = structuredClone(seedBundle().bundle);
    next.corpusVersion = '2030.01.01.1';
    next.documents = next.documents.slice(0, 3);
    const kept = new Set(next.documents.map((d) => d.id));
    next.mentions = next.mentions.filter((m) => kept.has(m.document));
    const importing = service.importBundle(JSON.stringify(next), 'file');
    const reads = await Promise.all(Array.from({ length: 12 }, () => service.corpusInfo()));
    await importing;
    for (const info of reads) {
      expect([
        [SEED_VERSION(), 5],
        ['2030.01.01.1', 3],
      ]).toContainEqual([info.corpusVersion, info.documents]);
    }
    const [popup, options] = await Promise.all([service.corpusInfo(), service.corpusInfo()]);
    expect(popup).toEqual(options);
    expect([popup.corpusVersion, popup.documents]).toEqual(['2030.01.01.1', 3]);
    const hits = await service.search('Ebrard', 100);
    for (const p of hits.passages) expect(kept.has(p.documentId)).toBe(true);
  });
});

describe('storage quota exceeded during an import', () => {
  it.each([
    ['as IndexedDB raises it', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['as Dexie wraps it', () => new Dexie.AbortError('Transaction aborted', new DOMException('The quota has been exceeded.', 'QuotaExceededError'))],
  ])('says so clearly (%s), loses nothing, and the import works once there is room', async (_how, error) => {
    const { service, db } = makeService();
    await service.ready();
    const exportBefore = await service.exportBundle();
    const digestBefore = await databaseDigest(db);
    const release = failMidWrite(db, error);
    await expect(service.importBundle(bundleWithVersion('2030.01.01.1'), 'file')).rejects.toThrow(QUOTA_EXCEEDED);
    const reply = await handleRequest(service, { type: 'importBundle', json: bundleWithVersion('2030.01.01.1'), source: 'file' });
    expect(reply).toEqual({ ok: false, error: QUOTA_EXCEEDED });
    expect(await service.exportBundle()).toBe(exportBefore);
    expect(await databaseDigest(db)).toBe(digestBefore);
    expect((await service.lookupEntity('marcelo-ebrard'))!.timeline.length).toBeGreaterThan(0);
    release();
    expect((await service.importBundle(bundleWithVersion('2030.01.01.1'), 'file')).corpusVersion).toBe('2030.01.01.1');
  });
});

describe('imports one after another', () => {
  it('are never refused: each awaited import frees the way for the next at once', async () => {
    const { service } = makeService();
    for (const v of ['2030.01.01.1', '2030.01.01.2', '2030.01.01.3']) expect((await service.importBundle(bundleWithVersion(v), 'file')).corpusVersion).toBe(v);
    expect((await service.restorePrevious()).corpusVersion).toBe('2030.01.01.2');
    expect((await service.resetToBuiltin()).corpusVersion).toBe(SEED_VERSION());
  });
});
