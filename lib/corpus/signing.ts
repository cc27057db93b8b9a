import { z } from 'zod';

/**
 * Ed25519 signatures over the exact bytes of a bundle file, with WebCrypto (`crypto.subtle`, in
 * Node 20, Chromium and Firefox alike): no cryptography of our own. Keys travel as JWKs; a key's
 * id (`kid`) is its RFC 7638 thumbprint, so a kid can be checked against the key it names and
 * two people cannot give one key two names.
 */

const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/, { message: 'is not base64url' });

export const publicJwk = z.object({
  kty: z.literal('OKP', { message: 'is not "OKP" (an Ed25519 key)' }),
  crv: z.literal('Ed25519', { message: 'is not "Ed25519"' }),
  x: b64url.length(43, { message: 'is not a 32-byte Ed25519 public key' }),
  kid: z.string().min(1).max(200).optional(),
});
export type PublicJwk = z.infer<typeof publicJwk>;

export const privateJwk = publicJwk.extend({ d: b64url.length(43, { message: 'is not a 32-byte Ed25519 private key' }) });
export type PrivateJwk = z.infer<typeof privateJwk>;

export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

const ED25519 = { name: 'Ed25519' } as const;

/** RFC 7638 thumbprint of an Ed25519 key: SHA-256 of its required members in order, base64url. */
export async function keyId(jwk: Pick<PublicJwk, 'x'>): Promise<string> {
  const canonical = `{"crv":"Ed25519","kty":"OKP","x":"${jwk.x}"}`;
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical))));
}

/** A new key pair, both halves as JWKs carrying the same `kid`. */
export async function generateKeyPair(): Promise<{ privateJwk: PrivateJwk & { kid: string }; publicJwk: PublicJwk & { kid: string } }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const priv = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const kid = await keyId({ x: priv.x! });
  return {
    privateJwk: { kty: 'OKP', crv: 'Ed25519', x: priv.x!, d: priv.d!, kid },
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x: priv.x!, kid },
  };
}

/**
 * Reads JSON text or a parsed object as an Ed25519 public key. Throws `KeyError` saying what is
 * wrong: not JSON, not an Ed25519 key, a private key pasted by mistake, or a `kid` that is not
 * the key's own thumbprint. Returns the key with its `kid` filled in.
 */
export async function readPublicJwk(input: unknown): Promise<PublicJwk & { kid: string }> {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch {
      throw new KeyError('key: is not JSON');
    }
  }
  if (json && typeof json === 'object' && 'd' in json) throw new KeyError('key: is a private key; paste only the public key (without "d")');
  const parsed = publicJwk.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new KeyError(`key: ${i.path.join('.') || 'key'} ${i.message.replace(/^Invalid input: /, '')}`);
  }
  const kid = await keyId(parsed.data);
  if (parsed.data.kid !== undefined && parsed.data.kid !== kid) throw new KeyError(`key: kid "${parsed.data.kid}" does not match the key (its thumbprint is "${kid}")`);
  try {
    await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: parsed.data.x }, ED25519, true, ['verify']);
  } catch (e) {
    throw new KeyError(`key: is not a usable Ed25519 key (${(e as Error).message})`);
  }
  return { ...parsed.data, kid };
}

/** Reads a private JWK (the maintainers' signing key). */
export async function readPrivateJwk(input: unknown): Promise<PrivateJwk & { kid: string }> {
  const parsed = privateJwk.safeParse(typeof input === 'string' ? JSON.parse(input) : input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new KeyError(`key: ${i.path.join('.') || 'key'} ${i.message.replace(/^Invalid input: /, '')}`);
  }
  const kid = await keyId(parsed.data);
  if (parsed.data.kid !== undefined && parsed.data.kid !== kid) throw new KeyError(`key: kid "${parsed.data.kid}" does not match the key (its thumbprint is "${kid}")`);
  return { ...parsed.data, kid };
}

/** The base64 Ed25519 signature of `bytes`. Ed25519 is deterministic: same key and bytes, same signature. */
export async function signBytes(bytes: Uint8Array, key: PrivateJwk): Promise<string> {
  const k = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: key.x, d: key.d }, ED25519, false, ['sign']);
  return toBase64(new Uint8Array(await crypto.subtle.sign(ED25519, k, bytes as BufferSource)));
}

/** True when `signature` (base64) is `key`'s signature of exactly `bytes`. Never throws on bad input. */
export async function verifyBytes(bytes: Uint8Array, signature: string, key: PublicJwk): Promise<boolean> {
  let sig: Uint8Array;
  try {
    sig = fromBase64(signature.trim());
  } catch {
    return false;
  }
  if (sig.length !== 64) return false;
  try {
    const k = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: key.x }, ED25519, false, ['verify']);
    return await crypto.subtle.verify(ED25519, k, sig as BufferSource, bytes as BufferSource);
  } catch {
    return false;
  }
}

/** A trusted key: the project's, shipped with the extension, or one a reader added by name. */
export interface TrustedKey {
  kid: string;
  name: string;
  jwk: PublicJwk;
  builtin: boolean;
}

export type Verification =
  | { ok: true; signer: { kid: string; name: string } }
  | { ok: false; code: 'unsigned' | 'unknown-signer' | 'bad-signature'; kid: string | null };

/**
 * Checks a signature file (one base64 signature per line: two during a key rotation) against the
 * bundle's bytes. The key the bundle names (`signer`) is tried first, then every other trusted
 * key, so a bundle signed with an old and a new key verifies for readers who trust either.
 */
export async function verifySignatureFile(bytes: Uint8Array, signatureFile: string | null, namedKid: string | null, trusted: readonly TrustedKey[]): Promise<Verification> {
  const lines = (signatureFile ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return { ok: false, code: 'unsigned', kid: namedKid };
  const named = trusted.filter((k) => k.kid === namedKid);
  const ordered = [...named, ...trusted.filter((k) => k.kid !== namedKid)];
  for (const key of ordered) {
    for (const line of lines) if (await verifyBytes(bytes, line, key.jwk)) return { ok: true, signer: { kid: key.kid, name: key.name } };
  }
  return { ok: false, code: named.length || !namedKid ? 'bad-signature' : 'unknown-signer', kid: namedKid };
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
