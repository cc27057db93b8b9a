import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { seedBundle } from '../corpus/test-seeds';
import { runUpdateCheck, type CheckDeps } from './check';
import { fakeHost, publishBundle, testKey, type FakeFile } from './test-publish';

const BASE = 'https://corpus.example.org/hled';
const LATEST = `${BASE}/latest.json`;
const ACTIVE = seedBundle().bundle.corpusVersion;
const NEWER = '2030.01.01.1';

async function host(version = NEWER, change?: (files: Map<string, FakeFile>) => void) {
  const key = await testKey();
  const pub = await publishBundle(version, key);
  const files = new Map<string, FakeFile>([
    [LATEST, { body: JSON.stringify(pub.manifest), headers: { 'Cache-Control': 'max-age=600' } }],
    [`${BASE}/bundle.json`, { body: pub.json }],
    [`${BASE}/bundle.json.sig`, { body: pub.signature }],
  ]);
  change?.(files);
  const h = fakeHost(files);
  const apply = vi.fn(async () => {});
  const deps: CheckDeps = { fetch: h.fetch, trustedKeys: [key.trusted], activeVersion: ACTIVE, apply, now: 1_000_000, allowLoopbackHttp: false };
  return { key, pub, files, h, apply, deps };
}

describe('runUpdateCheck', () => {
  it('downloads, verifies and applies a newer signed bundle named by latest.json', async () => {
    const { h, apply, deps, key, pub } = await host();
    const r = await runUpdateCheck(LATEST, null, deps);
    expect(r.outcome).toEqual({ result: 'updated', version: NEWER, signer: { kid: key.publicJwk.kid, name: 'Test publisher' } });
    expect(apply).toHaveBeenCalledOnce();
    expect((apply.mock.calls[0] as unknown[])[0]).toBe(pub.json);
    expect(r.validators?.etag).toMatch(/^"/);
    expect(r.freshUntil).toBe(1_000_000 + 600_000);
    expect(h.requests.map((q) => q.url)).toEqual([LATEST, `${BASE}/bundle.json`, `${BASE}/bundle.json.sig`]);
  });
  it('sends the saved ETag and downloads nothing more on 304 Not Modified', async () => {
    const { h, apply, deps } = await host();
    const first = await runUpdateCheck(LATEST, null, deps);
    const second = await runUpdateCheck(LATEST, first.validators, { ...deps, activeVersion: NEWER });
    expect(second.outcome).toEqual({ result: 'not-modified', version: null });
    expect(second.validators).toEqual(first.validators);
    expect(h.requests.at(-1)).toMatchObject({ url: LATEST, headers: { 'if-none-match': first.validators!.etag } });
    expect(h.count(`${BASE}/bundle.json`)).toBe(1);
    expect(apply).toHaveBeenCalledOnce();
  });
  it('is up to date, without downloading the bundle, when latest.json names the active version', async () => {
    const { h, apply, deps } = await host(ACTIVE);
    expect((await runUpdateCheck(LATEST, null, deps)).outcome).toEqual({ result: 'up-to-date', version: ACTIVE });
    expect(h.count(`${BASE}/bundle.json`)).toBe(0);
    expect(apply).not.toHaveBeenCalled();
  });
  it('refuses a tampered bundle whose digest latest.json was updated for: "bad-signature", nothing applied', async () => {
    const { deps, apply, pub, files } = await host();
    const tampered = pub.json.replace('Ebrard', 'Ebrarb');
    const { sha256Hex } = await import('./digest');
    files.set(`${BASE}/bundle.json`, { body: tampered });
    files.set(LATEST, { body: JSON.stringify({ ...pub.manifest, sha256: await sha256Hex(new TextEncoder().encode(tampered)) }) });
    const r = await runUpdateCheck(LATEST, null, deps);
    expect(r.outcome).toEqual({ result: 'failed', version: null, failure: { code: 'bad-signature' } });
    expect(r.validators).toBeNull();
    expect(apply).not.toHaveBeenCalled();
  });
  it.each([
    ['a bundle that does not match the sha256 of latest.json', (f: Map<string, FakeFile>) => f.set(`${BASE}/bundle.json`, { body: `${String(f.get(`${BASE}/bundle.json`)!.body)} ` }), { code: 'digest-mismatch' }],
    ['a missing signature', (f: Map<string, FakeFile>) => f.delete(`${BASE}/bundle.json.sig`), { code: 'unsigned' }],
    ['a missing bundle (404)', (f: Map<string, FakeFile>) => f.delete(`${BASE}/bundle.json`), { code: 'http', status: 404, url: `${BASE}/bundle.json` }],
    ['a latest.json that is not JSON', (f: Map<string, FakeFile>) => f.set(LATEST, { body: '<html>' }), { code: 'not-json' }],
  ])('refuses %s', async (_, change, failure) => {
    const { deps, apply } = await host(NEWER, change);
    expect((await runUpdateCheck(LATEST, null, deps)).outcome).toEqual({ result: 'failed', version: null, failure });
    expect(apply).not.toHaveBeenCalled();
  });
  it('refuses an older version than the active one (a replayed old bundle)', async () => {
    const { deps, apply } = await host('2020.01.01.1');
    expect((await runUpdateCheck(LATEST, null, deps)).outcome).toEqual({ result: 'failed', version: '2020.01.01.1', failure: { code: 'older', version: '2020.01.01.1', active: ACTIVE } });
    expect(apply).not.toHaveBeenCalled();
  });
  it('orders versions numerically: 2030.01.01.10 is newer than 2030.01.01.9', async () => {
    const { deps } = await host('2030.01.01.10');
    expect((await runUpdateCheck(LATEST, null, { ...deps, activeVersion: '2030.01.01.9' })).outcome.result).toBe('updated');
  });
  it('refuses a bundle signed by a key nobody trusts, and a key id mismatch between latest.json and the bundle', async () => {
    const { deps, pub, files } = await host();
    const stranger = await testKey('Stranger');
    expect((await runUpdateCheck(LATEST, null, { ...deps, trustedKeys: [stranger.trusted] })).outcome).toMatchObject({ failure: { code: 'unknown-signer' } });
    files.set(LATEST, { body: JSON.stringify({ ...pub.manifest, signer: stranger.publicJwk.kid }) });
    expect((await runUpdateCheck(LATEST, null, deps)).outcome).toMatchObject({ failure: { code: 'signer-mismatch', manifest: stranger.publicJwk.kid, bundle: pub.manifest.signer } });
  });
  it('refuses a bundle that fails the schema, naming the field', async () => {
    const key = await testKey();
    const { deps, files } = await host();
    const broken = JSON.parse((await publishBundle(NEWER, key)).json) as { documents: { date: string }[] };
    broken.documents[0]!.date = 'tomorrow';
    files.set(LATEST, { body: JSON.stringify(broken) });
    const r = await runUpdateCheck(LATEST, null, { ...deps, trustedKeys: [key.trusted] });
    expect(r.outcome).toMatchObject({ result: 'failed', failure: { code: 'schema' } });
    expect((r.outcome as { failure: { errors: string[] } }).failure.errors[0]).toMatch(/^bundle: documents\[0\]\.date is not a date/);
  });
  it('reports a network failure with its message', async () => {
    const { deps, h } = await host();
    h.setDown(true);
    expect((await runUpdateCheck(LATEST, null, deps)).outcome).toEqual({ result: 'failed', version: null, failure: { code: 'network', detail: 'Failed to fetch' } });
  });
  it('takes a bundle URL directly (signature beside it) and a gzipped bundle', async () => {
    const { deps, pub, files, apply } = await host();
    files.set(`${BASE}/bundle.json`, { body: gzipSync(Buffer.from(pub.json)) });
    expect((await runUpdateCheck(`${BASE}/bundle.json`, null, deps)).outcome.result).toBe('updated');
    expect((apply.mock.calls[0] as unknown[])[0]).toBe(pub.json);
  });
  it('refuses http URLs, and takes http://127.0.0.1 only when test builds allow it', async () => {
    const { deps } = await host();
    expect((await runUpdateCheck('http://corpus.example.org/latest.json', null, deps)).outcome).toMatchObject({ failure: { code: 'not-https' } });
    expect((await runUpdateCheck('http://127.0.0.1:9/latest.json', null, deps)).outcome).toMatchObject({ failure: { code: 'not-https' } });
    expect((await runUpdateCheck('http://127.0.0.1:9/latest.json', null, { ...deps, allowLoopbackHttp: true })).outcome).toMatchObject({ failure: { code: 'http', status: 404 } });
  });
});
