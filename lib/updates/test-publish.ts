import { bundleWithVersion } from '../store/test-service';
import { generateKeyPair, signBytes, type PrivateJwk, type PublicJwk, type TrustedKey } from '../corpus/signing';
import { sha256Hex } from './digest';
import { MANIFEST_FORMAT, type LatestManifest } from './manifest';

/** Test helpers: a publisher's key, signed bundles, and a fake static host with request counts. */

export interface TestKey {
  privateJwk: PrivateJwk & { kid: string };
  publicJwk: PublicJwk & { kid: string };
  trusted: TrustedKey;
}

export async function testKey(name = 'Test publisher'): Promise<TestKey> {
  const { privateJwk, publicJwk } = await generateKeyPair();
  const kid = publicJwk.kid!;
  return { privateJwk: { ...privateJwk, kid }, publicJwk: { ...publicJwk, kid }, trusted: { kid, name, jwk: publicJwk, builtin: false } };
}

export interface Published {
  json: string;
  signature: string;
  manifest: LatestManifest;
}

/** The seeds' bundle as `version`, naming `key` as its signer, signed, with its `latest.json`. */
export async function publishBundle(version: string, key: TestKey, url = 'bundle.json'): Promise<Published> {
  const b = JSON.parse(bundleWithVersion(version)) as Record<string, unknown>;
  b.signer = key.privateJwk.kid;
  const json = `${JSON.stringify(b)}\n`;
  const bytes = new TextEncoder().encode(json);
  return {
    json,
    signature: `${await signBytes(bytes, key.privateJwk)}\n`,
    manifest: { format: MANIFEST_FORMAT, version, url, sha256: await sha256Hex(bytes), signer: key.privateJwk.kid },
  };
}

export interface FakeFile {
  body: string | Uint8Array;
  headers?: Record<string, string>;
}

/** A fake static host: files by absolute URL, ETag/304 like a CDN, every request recorded. */
export function fakeHost(files: Map<string, FakeFile>) {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  let down = false;
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    requests.push({ url, headers });
    if (down) throw new TypeError('Failed to fetch');
    const f = files.get(url);
    if (!f) return new Response('Not Found', { status: 404 });
    const etag = `"${typeof f.body === 'string' ? f.body.length : f.body.byteLength}-${hashOf(f.body)}"`;
    if (headers['if-none-match'] === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
    return new Response(f.body as BodyInit, { status: 200, headers: { ETag: etag, ...f.headers } });
  }) as typeof fetch;
  return {
    fetch: fetchFn,
    requests,
    setDown(value: boolean) {
      down = value;
    },
    count: (url: string) => requests.filter((r) => r.url === url).length,
  };
}

function hashOf(body: string | Uint8Array): number {
  const s = typeof body === 'string' ? body : new TextDecoder().decode(body);
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h >>> 0;
}
