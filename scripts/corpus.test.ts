import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBundle } from '../lib/corpus/bundle';
import { verifySignatureFile } from '../lib/corpus/signing';
import { sha256Hex } from '../lib/updates/digest';
import { latestManifest } from '../lib/updates/manifest';

const ROOT = resolve(__dirname, '..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

function corpus(...args: string[]) {
  const r = spawnSync(TSX, ['scripts/corpus.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, err: r.stderr };
}

describe('corpus keygen and --sign', () => {
  it('writes a key pair (private mode 600), signs the bundle, and gives the same bytes and signature twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hled-corpus-cli-'));
    const keys = join(dir, 'new', 'keys');
    expect(corpus('keygen', '--out', keys).code).toBe(0);
    expect(statSync(join(keys, 'private.jwk')).mode & 0o777).toBe(0o600);
    const pub = JSON.parse(readFileSync(join(keys, 'public.jwk'), 'utf8')) as { kid: string; d?: string };
    expect(pub.d).toBeUndefined();
    expect(corpus('keygen', '--out', keys)).toMatchObject({ code: 1, err: expect.stringMatching(/refusing to overwrite/) });

    const out = join(dir, 'dist', 'bundle.json');
    const r = corpus('--out', out, '--sign', join(keys, 'private.jwk'), '--data-as-of', '2026-11-20', '--latest', join(dir, 'dist', 'latest.json'));
    expect(r.code, r.err).toBe(0);
    const bytes = readFileSync(out);
    const sig = readFileSync(`${out}.sig`, 'utf8');
    const checked = checkBundle(JSON.parse(bytes.toString('utf8')));
    expect(checked.ok && checked.bundle.schemaVersion === 2 && [checked.bundle.signer, checked.bundle.dataAsOf]).toEqual([pub.kid, '2026-11-20']);
    const trusted = [{ kid: pub.kid, name: 'CLI key', jwk: pub as never, builtin: false }];
    expect(await verifySignatureFile(new Uint8Array(bytes), sig, pub.kid, trusted)).toMatchObject({ ok: true });
    const manifest = latestManifest.parse(JSON.parse(readFileSync(join(dir, 'dist', 'latest.json'), 'utf8')));
    expect(manifest).toMatchObject({ url: 'bundle.json', signer: pub.kid, sha256: await sha256Hex(new Uint8Array(bytes)) });

    expect(corpus('--out', out, '--sign', join(keys, 'private.jwk'), '--data-as-of', '2026-11-20', '--quiet').code).toBe(0);
    expect(readFileSync(out).equals(bytes)).toBe(true);
    expect(readFileSync(`${out}.sig`, 'utf8')).toBe(sig);
  }, 60_000);
  it('refuses --latest without --sign: a subscription takes only signed bundles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hled-corpus-cli-'));
    expect(corpus('--out', join(dir, 'b.json'), '--latest', join(dir, 'latest.json'))).toMatchObject({ code: 1, err: expect.stringMatching(/--latest needs --sign/) });
  }, 30_000);
});
