import { describe, expect, it } from 'vitest';
import { seedBundle } from '../corpus/test-seeds';
import { BundleError } from './prepare';
import { bundleWithVersion, makeService } from './test-service';

/** The seeds' bundle plus one document and one entity, as a maintainer's update would be. */
function updatedBundle(): string {
  const b = structuredClone(seedBundle().bundle);
  b.corpusVersion = '2030.01.01.1';
  const doc = structuredClone(b.documents[0]!);
  doc.id = 'zz_new_document';
  doc.title = 'Quetzalcoatl Corridor pilot begins';
  doc.passages = [{ id: 'zz_new_document:p1', index: 0, heading: null, text: 'The Quetzalcoatl Corridor pilot was announced by the HLED.' }];
  b.documents.push(doc);
  const e = structuredClone(b.entities.find((x) => x.id === 'sembrando-oportunidades')!);
  e.id = 'quetzalcoatl-corridor';
  e.name = { en: 'Quetzalcoatl Corridor', es: 'Corredor Quetzalcóatl' };
  e.aliases = [{ text: 'Quetzalcoatl Corridor', lang: 'en', acronym: false, titleCaseIsWord: false, source: 'seed' }];
  b.entities.push(e);
  b.mentions.push({ entity: 'quetzalcoatl-corridor', document: 'zz_new_document', passage: 'zz_new_document:p1', start: 4, end: 25, rule: 'name' });
  return JSON.stringify(b);
}

describe('previewImport', () => {
  it('summarizes one added document and one added entity, writing nothing', async () => {
    const { service, db } = makeService();
    const s = await service.previewImport(updatedBundle());
    expect(s.documents.added.map((d) => d.id)).toEqual(['zz_new_document']);
    expect(s.entities.added.map((e) => e.id)).toEqual(['quetzalcoatl-corridor']);
    expect(s.corpusVersion).toEqual({ from: seedBundle().bundle.corpusVersion, to: '2030.01.01.1' });
    expect((await db.bundles.get('active'))!.corpusVersion).toBe(seedBundle().bundle.corpusVersion);
  });
  it.each([
    ['not json {', /^bundle: is not JSON/],
    ['{"format":"other","schemaVersion":1}', /^bundle: format is "other", expected "hled-corpus"$/],
    [JSON.stringify({ ...seedBundle().bundle, schemaVersion: 99 }), /schemaVersion 99 is newer than this extension understands/],
  ])('refuses %s with a specific error', async (json, error) => {
    const { service } = makeService();
    const e = await service.previewImport(json).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BundleError);
    expect((e as BundleError).errors[0]).toMatch(error);
  });
  it('names the field of a document that is wrong', async () => {
    const { service } = makeService();
    const b = structuredClone(seedBundle().bundle) as Record<string, any>;
    b.documents[2].date = '2024-13-01';
    const e = (await service.previewImport(JSON.stringify(b)).catch((x: unknown) => x)) as BundleError;
    expect(e.errors[0]).toMatch(/^bundle: documents\[2\]\.date is not a date/);
  });
});

describe('importBundle', () => {
  it('makes the new corpus active: the new document is searchable, the new alias is in the table', async () => {
    const { service } = makeService();
    const before = (await service.matcherTable())!;
    const info = await service.importBundle(updatedBundle(), 'file');
    expect(info.corpusVersion).toBe('2030.01.01.1');
    expect(info.source).toBe('file');
    expect((await service.search('Quetzalcoatl')).passages[0]?.documentId).toBe('zz_new_document');
    const after = (await service.matcherTable(before.version))!;
    expect(after.aliases.some((a) => a.text === 'Quetzalcoatl Corridor')).toBe(true);
  });
  it('keeps the previous corpus intact and active when a bundle is broken', async () => {
    const { service } = makeService();
    const broken = JSON.parse(updatedBundle());
    broken.mentions.push({ entity: 'nobody', document: 'x', passage: 'y', start: 0, end: 1, rule: 'name' });
    await expect(service.importBundle(JSON.stringify(broken), 'file')).rejects.toThrow(/mentions\[\d+\]\.entity names no entity/);
    expect((await service.corpusInfo()).corpusVersion).toBe(seedBundle().bundle.corpusVersion);
    expect((await service.search('Ebrard')).passages.length).toBeGreaterThan(0);
  });
  it('rolls the whole write back when it fails mid-way (quota, crash): the old corpus still answers', async () => {
    const { service, db } = makeService();
    await service.ready();
    const exported = await service.exportBundle();
    // Fail inside the transaction, after some tables were already cleared and refilled.
    db.mentions.hook('creating', () => {
      throw new Error('QuotaExceededError (simulated)');
    });
    await expect(service.importBundle(updatedBundle(), 'file')).rejects.toThrow(/QuotaExceededError/);
    expect(await service.exportBundle()).toBe(exported);
    expect(await db.documents.count()).toBe(5);
    expect((await service.search('Ebrard')).passages.length).toBeGreaterThan(0);
    expect((await service.lookupEntity('marcelo-ebrard'))!.timeline.length).toBeGreaterThan(0);
  });
});

describe('restorePrevious and resetToBuiltin', () => {
  it('swaps back to the previous corpus, and resets to the built-in one', async () => {
    const { service } = makeService();
    await service.importBundle(bundleWithVersion('2031.01.01.1', 'Imported corpus'), 'url');
    expect((await service.history()).previous?.corpusVersion).toBe(seedBundle().bundle.corpusVersion);
    expect((await service.restorePrevious()).corpusVersion).toBe(seedBundle().bundle.corpusVersion);
    expect((await service.history()).previous?.corpusVersion).toBe('2031.01.01.1');
    await service.restorePrevious();
    expect((await service.corpusInfo()).name).toBe('Imported corpus');
    const reset = await service.resetToBuiltin();
    expect(reset.corpusVersion).toBe(seedBundle().bundle.corpusVersion);
    expect(reset.source).toBe('builtin');
    expect((await service.history()).entries.map((e) => e.action)).toEqual(['reset', 'restore', 'restore', 'import', 'install']);
  });
  it('says so when there is nothing to restore', async () => {
    const { service } = makeService();
    await expect(service.restorePrevious()).rejects.toThrow(/no previous corpus/);
  });
  it('exports the active corpus exactly as imported', async () => {
    const { service } = makeService();
    const json = bundleWithVersion('2031.01.01.1');
    await service.importBundle(json, 'file');
    expect(await service.exportBundle()).toBe(json);
  });
});

describe('import verification', () => {
  it('verifies a signed bundle against a key the reader added and records its signer; an unsigned one imports as unverified', async () => {
    const { testKey, publishBundle } = await import('../updates/test-publish');
    const { addTrustedKey } = await import('./keys');
    const { service, db } = makeService();
    const key = await testKey('Desk');
    const pub = await publishBundle('2030.02.01.1', key);
    expect((await service.previewImport(pub.json, pub.signature)).verification).toMatchObject({ ok: false, code: 'unknown-signer' });
    await addTrustedKey(db, 'Desk', JSON.stringify(key.publicJwk), new Date());
    expect((await service.previewImport(pub.json, pub.signature)).verification).toEqual({ ok: true, signer: { kid: key.publicJwk.kid, name: 'Desk' } });
    expect((await service.previewImport(pub.json.replace('Ebrard', 'Ebrarx'), pub.signature)).verification).toMatchObject({ ok: false, code: 'bad-signature' });
    expect(await service.importBundle(pub.json, 'file', pub.signature)).toMatchObject({ signer: 'Desk', signerKid: key.publicJwk.kid });
    const unsigned = await service.importBundle(bundleWithVersion('2030.03.01.1'), 'file');
    expect(unsigned).toMatchObject({ signer: null, signerKid: null, source: 'file' });
    expect((await service.previewImport(bundleWithVersion('2030.04.01.1'))).verification).toMatchObject({ ok: false, code: 'unsigned' });
    // Restoring the previous corpus brings its signer back with it.
    expect((await service.restorePrevious()).signer).toBe('Desk');
  });
});
