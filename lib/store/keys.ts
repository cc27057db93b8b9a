import { readPublicJwk, type TrustedKey } from '../corpus/signing';
import { BUILTIN_TRUSTED_KEYS } from '../corpus/trusted-keys';
import type { CorpusDb } from './db';

/** Every key bundles are verified against: the project's, then the ones the reader added. */
export async function trustedKeys(db: CorpusDb): Promise<TrustedKey[]> {
  const added = (await db.trustedKeys.toArray()).sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  return [...BUILTIN_TRUSTED_KEYS, ...added.map((k) => ({ kid: k.kid, name: k.name, jwk: k.jwk, builtin: false }))];
}

/**
 * Adds a reader's key by name, after checking it is an Ed25519 public key whose `kid` (if it has
 * one) is its own. Throws `KeyError` or an Error naming the problem.
 */
export async function addTrustedKey(db: CorpusDb, name: string, jwkText: string, now: Date): Promise<TrustedKey> {
  const label = name.trim();
  if (!label) throw new Error('key: give the key a name');
  const jwk = await readPublicJwk(jwkText);
  if (BUILTIN_TRUSTED_KEYS.some((k) => k.kid === jwk.kid) || (await db.trustedKeys.get(jwk.kid))) throw new Error(`key: ${jwk.kid} is already trusted`);
  await db.trustedKeys.add({ kid: jwk.kid, name: label.slice(0, 100), jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid: jwk.kid }, addedAt: now.toISOString() });
  return { kid: jwk.kid, name: label, jwk, builtin: false };
}

/** Removes a key the reader added; the project's own key cannot be removed. */
export async function removeTrustedKey(db: CorpusDb, kid: string): Promise<void> {
  if (BUILTIN_TRUSTED_KEYS.some((k) => k.kid === kid)) throw new Error('key: the project’s own key cannot be removed');
  await db.trustedKeys.delete(kid);
}
