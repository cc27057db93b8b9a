import { describe, expect, it } from 'vitest';
import { seedBundle } from './test-seeds';
import { KeyError, generateKeyPair, keyId, readPrivateJwk, readPublicJwk, signBytes, verifyBytes, verifySignatureFile, type TrustedKey } from './signing';
import { BUILTIN_TRUSTED_KEYS } from './trusted-keys';

const bytes = () => new TextEncoder().encode(seedBundle().json);
const trusted = (jwk: TrustedKey['jwk'] & { kid: string }, name = 'Test publisher'): TrustedKey => ({ kid: jwk.kid, name, jwk, builtin: false });

describe('signBytes / verifyBytes', () => {
  it('verifies a signature of the exact bytes, and signs the same bytes the same way twice', async () => {
    const { privateJwk, publicJwk } = await generateKeyPair();
    const sig = await signBytes(bytes(), privateJwk);
    expect(atob(sig)).toHaveLength(64);
    expect(await signBytes(bytes(), privateJwk)).toBe(sig);
    expect(await verifyBytes(bytes(), sig, publicJwk)).toBe(true);
  });
  it('fails verification after a one-byte change of the bundle', async () => {
    const { privateJwk, publicJwk } = await generateKeyPair();
    const original = bytes();
    const sig = await signBytes(original, privateJwk);
    const changed = original.slice();
    const at = changed.indexOf('E'.charCodeAt(0));
    changed[at] = 'F'.charCodeAt(0);
    expect(await verifyBytes(changed, sig, publicJwk)).toBe(false);
  });
  it('fails with another key, and on a signature that is not base64 or not 64 bytes', async () => {
    const a = await generateKeyPair();
    const b = await generateKeyPair();
    const sig = await signBytes(bytes(), a.privateJwk);
    expect(await verifyBytes(bytes(), sig, b.publicJwk)).toBe(false);
    expect(await verifyBytes(bytes(), 'not base64 !!', a.publicJwk)).toBe(false);
    expect(await verifyBytes(bytes(), btoa('short'), a.publicJwk)).toBe(false);
  });
});

describe('verifySignatureFile', () => {
  it('names the trusted key that verified the bundle', async () => {
    const { privateJwk, publicJwk } = await generateKeyPair();
    const sig = await signBytes(bytes(), privateJwk);
    expect(await verifySignatureFile(bytes(), `${sig}\n`, publicJwk.kid, [trusted(publicJwk)])).toEqual({ ok: true, signer: { kid: publicJwk.kid, name: 'Test publisher' } });
  });
  it('accepts a rotation signature file (old and new key) for readers who trust either key', async () => {
    const old = await generateKeyPair();
    const next = await generateKeyPair();
    const file = `${await signBytes(bytes(), old.privateJwk)}\n${await signBytes(bytes(), next.privateJwk)}\n`;
    expect(await verifySignatureFile(bytes(), file, old.publicJwk.kid, [trusted(next.publicJwk, 'New')])).toMatchObject({ ok: true, signer: { name: 'New' } });
    expect(await verifySignatureFile(bytes(), file, old.publicJwk.kid, [trusted(old.publicJwk, 'Old')])).toMatchObject({ ok: true, signer: { name: 'Old' } });
  });
  it.each([
    ['no signature file', null, 'unsigned'],
    ['an empty signature file', '\n', 'unsigned'],
  ])('says "unsigned" for %s', async (_, file, code) => {
    const { publicJwk } = await generateKeyPair();
    expect(await verifySignatureFile(bytes(), file, publicJwk.kid, [trusted(publicJwk)])).toMatchObject({ ok: false, code });
  });
  it('says "unknown-signer" when the bundle names a key nobody trusts (key id mismatch)', async () => {
    const signer = await generateKeyPair();
    const other = await generateKeyPair();
    const sig = await signBytes(bytes(), signer.privateJwk);
    expect(await verifySignatureFile(bytes(), sig, signer.publicJwk.kid, [trusted(other.publicJwk)])).toEqual({ ok: false, code: 'unknown-signer', kid: signer.publicJwk.kid });
  });
  it('says "bad-signature" when the named, trusted key did not sign these bytes', async () => {
    const named = await generateKeyPair();
    const impostor = await generateKeyPair();
    const sig = await signBytes(bytes(), impostor.privateJwk);
    expect(await verifySignatureFile(bytes(), sig, named.publicJwk.kid, [trusted(named.publicJwk)])).toEqual({ ok: false, code: 'bad-signature', kid: named.publicJwk.kid });
  });
});

describe('readPublicJwk', () => {
  it('reads a public JWK and fills in its kid (the RFC 7638 thumbprint)', async () => {
    const { publicJwk } = await generateKeyPair();
    const { kid, ...withoutKid } = publicJwk;
    expect(await readPublicJwk(JSON.stringify(withoutKid))).toEqual(publicJwk);
    expect(await keyId(publicJwk)).toBe(kid);
  });
  it.each([
    ['not JSON', 'key: is not JSON'],
    [JSON.stringify({ kty: 'RSA', crv: 'Ed25519', x: 'A'.repeat(43) }), 'key: kty is not "OKP" (an Ed25519 key)'],
    [JSON.stringify({ kty: 'OKP', crv: 'X25519', x: 'A'.repeat(43) }), 'key: crv is not "Ed25519"'],
    [JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }), 'key: x is not a 32-byte Ed25519 public key'],
    [JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), d: 'B'.repeat(43) }), 'key: is a private key; paste only the public key (without "d")'],
  ])('refuses %s', async (text, message) => {
    const e = await readPublicJwk(text).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KeyError);
    expect((e as Error).message).toBe(message);
  });
  it('refuses a kid that is not the key’s own (key id mismatch)', async () => {
    const a = await generateKeyPair();
    const b = await generateKeyPair();
    await expect(readPublicJwk({ ...a.publicJwk, kid: b.publicJwk.kid })).rejects.toThrow(/^key: kid ".+" does not match the key \(its thumbprint is ".+"\)$/);
    await expect(readPrivateJwk({ ...a.privateJwk, kid: b.publicJwk.kid })).rejects.toThrow(/does not match the key/);
  });
});

describe('BUILTIN_TRUSTED_KEYS', () => {
  it('holds only public keys whose kid is their thumbprint', async () => {
    expect(BUILTIN_TRUSTED_KEYS.length).toBeGreaterThan(0);
    for (const k of BUILTIN_TRUSTED_KEYS) {
      expect(k.jwk).not.toHaveProperty('d');
      expect((await readPublicJwk(k.jwk)).kid).toBe(k.kid);
    }
  });
});
