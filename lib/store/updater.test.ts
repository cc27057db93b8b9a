import { describe, expect, it } from 'vitest';
import { seedBundle } from '../corpus/test-seeds';
import { fakeHost, publishBundle, testKey, type FakeFile } from '../updates/test-publish';
import { makeService } from './test-service';
import { UPDATE_LOG_SIZE, Updater } from './updater';

const BASE = 'https://corpus.example.org';
const LATEST = `${BASE}/latest.json`;
const BUILTIN = seedBundle().bundle.corpusVersion;

async function setup() {
  const { service, db } = makeService();
  const key = await testKey('Corpus desk');
  const files = new Map<string, FakeFile>();
  const publish = async (version: string) => {
    const pub = await publishBundle(version, key);
    files.set(LATEST, { body: JSON.stringify(pub.manifest) });
    files.set(`${BASE}/bundle.json`, { body: pub.json });
    files.set(`${BASE}/bundle.json.sig`, { body: pub.signature });
    return pub;
  };
  const host = fakeHost(files);
  const alarms: (number | null)[] = [];
  let clock = Date.parse('2026-11-23T12:00:00Z');
  const updater = new Updater({
    db,
    corpus: service,
    fetch: host.fetch,
    schedule: async (when) => void alarms.push(when),
    allowLoopbackHttp: false,
    now: () => new Date(clock),
    random: () => 0.5,
  });
  await updater.addKey('Corpus desk', JSON.stringify(key.publicJwk));
  return { service, db, key, files, publish, host, alarms, updater, advance: (ms: number) => (clock += ms), now: () => clock };
}

describe('Updater', () => {
  it('subscribes, applies the signed bundle with its signer, keeps the previous corpus, and schedules a day later', async () => {
    const { service, publish, updater, alarms, now } = await setup();
    await publish('2030.01.01.1');
    const status = await updater.subscribe(LATEST);
    expect(status.log[0]).toMatchObject({ result: 'updated', version: '2030.01.01.1', manual: true });
    const info = await service.corpusInfo();
    expect(info).toMatchObject({ corpusVersion: '2030.01.01.1', source: 'subscription', signer: 'Corpus desk' });
    expect((await service.history()).previous?.corpusVersion).toBe(BUILTIN);
    expect(alarms.at(-1)).toBe(now() + 24 * 3600_000);
  });
  it('changes nothing on a bad signature, logs why, and retries after 15 minutes', async () => {
    const { service, publish, files, updater, alarms, now } = await setup();
    await publish('2030.01.01.1');
    await updater.subscribe(LATEST);
    const pub = await publish('2030.01.01.2');
    files.set(`${BASE}/bundle.json.sig`, { body: (await publishBundle('2030.01.01.3', await testKey())).signature });
    const status = await updater.checkNow(true);
    expect(status.log[0]).toMatchObject({ result: 'failed', failure: { code: 'bad-signature' } });
    expect(status.subscription?.failures).toBe(1);
    expect(alarms.at(-1)).toBe(now() + 15 * 60_000);
    expect((await service.corpusInfo()).corpusVersion).toBe('2030.01.01.1');
    expect(pub.manifest.version).toBe('2030.01.01.2');
  });
  it('backs off further after each failure and resets after a success', async () => {
    const { publish, host, updater } = await setup();
    await publish('2030.01.01.1');
    await updater.subscribe(LATEST);
    host.setDown(true);
    await updater.checkNow(true);
    const second = await updater.checkNow(true);
    expect(second.subscription?.failures).toBe(2);
    host.setDown(false);
    expect((await updater.checkNow(true)).subscription?.failures).toBe(0);
  });
  it('lets a scheduled check skip the network while the last answer is fresh; "Update now" asks anyway', async () => {
    const { files, publish, host, updater, advance } = await setup();
    await publish('2030.01.01.1');
    files.set(LATEST, { ...files.get(LATEST)!, headers: { 'Cache-Control': 'max-age=3600' } });
    await updater.subscribe(LATEST);
    const asked = host.count(LATEST);
    advance(60_000);
    await updater.checkNow(false);
    expect(host.count(LATEST)).toBe(asked);
    await updater.checkNow(true);
    expect(host.count(LATEST)).toBe(asked + 1);
    advance(2 * 3600_000);
    await updater.checkNow(false);
    expect(host.count(LATEST)).toBe(asked + 2);
  });
  it(`keeps the last ${UPDATE_LOG_SIZE} checks`, async () => {
    const { publish, updater } = await setup();
    await publish('2030.01.01.1');
    await updater.subscribe(LATEST);
    for (let i = 0; i < UPDATE_LOG_SIZE + 5; i++) await updater.checkNow(true);
    const { log } = await updater.status();
    expect(log).toHaveLength(UPDATE_LOG_SIZE);
    expect(log[0]!.id).toBeGreaterThan(log.at(-1)!.id!);
  });
  it('refuses an http subscription outside test builds and clears the alarm on unsubscribe', async () => {
    const { updater, alarms } = await setup();
    await expect(updater.subscribe('http://127.0.0.1:8080/latest.json')).rejects.toThrow(/https/);
    await updater.subscribe(LATEST);
    const status = await updater.unsubscribe();
    expect(status.subscription).toBeNull();
    expect(alarms.at(-1)).toBeNull();
  });
  it('lists the project key first and the added key after it; refuses a duplicate and removing the project key', async () => {
    const { updater, key } = await setup();
    const { keys } = await updater.status();
    expect(keys.map((k) => [k.name, k.builtin])).toEqual([
      ['HLED Lens project', true],
      ['Corpus desk', false],
    ]);
    await expect(updater.addKey('Again', JSON.stringify(key.publicJwk))).rejects.toThrow(/already trusted/);
    await expect(updater.removeKey(keys[0]!.kid)).rejects.toThrow(/cannot be removed/);
    expect((await updater.removeKey(key.publicJwk.kid)).keys).toHaveLength(1);
  });
});

describe('handleRequest with the updater', () => {
  it('routes subscription messages to the updater and refuses them where there is none', async () => {
    const { handleRequest } = await import('./handle');
    const { service, updater, publish } = await setup();
    await publish('2030.01.01.1');
    expect(await handleRequest(service, { type: 'updateNow' })).toEqual({ ok: false, error: 'messages: updateNow is not available here' });
    const reply = await handleRequest(service, { type: 'subscribe', url: LATEST }, undefined, updater);
    expect(reply.ok && (reply.value as { log: { result: string }[] }).log[0]!.result).toBe('updated');
    expect(await handleRequest(service, { type: 'addTrustedKey', name: 'x', jwk: 'nope' }, undefined, updater)).toEqual({ ok: false, error: 'key: is not JSON' });
    expect(await handleRequest(service, { type: 'corpusInfo' })).toMatchObject({ ok: true, value: { source: 'subscription', signer: 'Corpus desk' } });
  });
});

describe('rollback while subscribed', () => {
  it('holds back the version the reader went back from until a newer one is published', async () => {
    const { handleRequest } = await import('./handle');
    const { service, updater, publish, files } = await setup();
    await publish('2030.01.01.1');
    await updater.subscribe(LATEST);
    const v2 = await publish('2030.01.01.2');
    await updater.checkNow(true);
    expect((await service.corpusInfo()).corpusVersion).toBe('2030.01.01.2');

    expect(await handleRequest(service, { type: 'restorePrevious' }, undefined, updater)).toMatchObject({ ok: true, value: { corpusVersion: '2030.01.01.1' } });
    expect((await updater.status()).subscription?.heldBack).toBe('2030.01.01.2');
    // latest.json rewritten (a new ETag, so no 304), still naming the version held back.
    files.set(LATEST, { body: JSON.stringify(v2.manifest, null, 2) });
    const held = await updater.checkNow(true);
    expect(held.log[0]).toMatchObject({ result: 'up-to-date', version: '2030.01.01.2' });
    expect((await service.corpusInfo()).corpusVersion).toBe('2030.01.01.1');

    await publish('2030.01.01.3');
    const next = await updater.checkNow(true);
    expect(next.log[0]).toMatchObject({ result: 'updated', version: '2030.01.01.3' });
    expect(next.subscription?.heldBack).toBeNull();
  });
  it('holds nothing back when the corpus left behind did not come from the subscription', async () => {
    const { handleRequest } = await import('./handle');
    const { service, updater } = await setup();
    await updater.subscribe(LATEST);
    await service.importBundle((await import('./test-service')).bundleWithVersion('2031.01.01.1'), 'file');
    await handleRequest(service, { type: 'resetToBuiltin' }, undefined, updater);
    expect((await updater.status()).subscription?.heldBack ?? null).toBeNull();
  });
});
