import { bundleProvenance, checkBundle, compareCorpusVersions, type Bundle } from '../corpus/bundle';
import { verifySignatureFile, type TrustedKey } from '../corpus/signing';
import { BundleFileError, MAX_BUNDLE_FILE_BYTES, decodeBundleBytes, readBundleBytes } from '../ui/bundle-file';
import { sha256Hex } from './digest';
import { conditionalHeaders, maxAgeSeconds, readValidators, type Validators } from './http';
import { MANIFEST_FORMAT, latestManifest, signatureUrl } from './manifest';
import { checkSubscriptionUrl } from './url';

/** Why a check changed nothing, in a form the options page puts in the reader's language. */
export type UpdateFailure =
  | { code: 'not-https' }
  | { code: 'network'; detail: string }
  | { code: 'http'; status: number; url: string }
  | { code: 'too-large' }
  | { code: 'not-json' }
  | { code: 'schema'; errors: string[] }
  | { code: 'digest-mismatch' }
  | { code: 'version-mismatch'; manifest: string; bundle: string }
  | { code: 'signer-mismatch'; manifest: string; bundle: string | null }
  | { code: 'unsigned' }
  | { code: 'unknown-signer'; kid: string | null }
  | { code: 'bad-signature' }
  | { code: 'older'; version: string; active: string }
  | { code: 'apply'; detail: string };

export type UpdateOutcome =
  | { result: 'updated'; version: string; signer: { kid: string; name: string } }
  | { result: 'not-modified'; version: null }
  | { result: 'up-to-date'; version: string }
  | { result: 'failed'; version: string | null; failure: UpdateFailure };

export interface CheckResult {
  outcome: UpdateOutcome;
  /** Validators to send next time: only from a check that succeeded (a failure is retried in full). */
  validators: Validators | null;
  /** Until when the answer is fresh (`Cache-Control: max-age`), ms since the epoch. */
  freshUntil: number | null;
}

export interface CheckDeps {
  fetch: typeof fetch;
  trustedKeys: TrustedKey[];
  activeVersion: string;
  /** Makes a verified bundle the active corpus in one transaction (throws if it cannot). */
  apply: (json: string, bundle: Bundle, signer: { kid: string; name: string }) => Promise<void>;
  now: number;
  /** Test builds only: subscriptions to http://127.0.0.1 (see `checkSubscriptionUrl`). */
  allowLoopbackHttp: boolean;
  limit?: number;
}

class Failed extends Error {
  constructor(readonly failure: UpdateFailure) {
    super(failure.code);
  }
}

/**
 * One update check of a subscription: ask for `latest.json` (or a bundle) with the saved
 * validators; on a newer version, download the bundle and its signature, check the digest, the
 * schema, the version and the signature, and only then apply it. Anything wrong changes nothing
 * and says why.
 */
export async function runUpdateCheck(url: string, saved: Validators | null, deps: CheckDeps): Promise<CheckResult> {
  let fresh: number | null = null;
  try {
    const target = checkSubscriptionUrl(url, deps.allowLoopbackHttp);
    if (!target) throw new Failed({ code: 'not-https' });
    const first = await get(deps, target.href, conditionalHeaders(saved));
    const maxAge = maxAgeSeconds(first.headers.get('cache-control'));
    fresh = maxAge ? deps.now + maxAge * 1000 : null;
    if (first.status === 304) return { outcome: { result: 'not-modified', version: null }, validators: saved, freshUntil: fresh };
    const validators = readValidators(first.headers);
    const body = await readBody(first, target.href, deps.limit);
    const parsed = parseJson(body);

    let bundleUrl = target.href;
    let bundleBytes = body;
    let bundleJson: unknown = parsed;
    let manifest: { version: string; sha256: string; signer: string } | null = null;
    if (isObject(parsed) && parsed.format === MANIFEST_FORMAT) {
      const m = latestManifest.safeParse(parsed);
      if (!m.success) throw new Failed({ code: 'schema', errors: m.error.issues.slice(0, 5).map((i) => `latest.json: ${i.path.join('.') || '(root)'} ${i.message}`) });
      manifest = m.data;
      // Nothing to download while the named version is the one we have.
      const order = compareCorpusVersions(m.data.version, deps.activeVersion);
      if (order === 0) return { outcome: { result: 'up-to-date', version: m.data.version }, validators, freshUntil: fresh };
      if (order < 0) throw new Failed({ code: 'older', version: m.data.version, active: deps.activeVersion });
      bundleUrl = new URL(m.data.url, target).href;
      const bundleResponse = await get(deps, bundleUrl, {});
      bundleBytes = await readBody(bundleResponse, bundleUrl, deps.limit);
      if ((await sha256Hex(bundleBytes)) !== m.data.sha256) throw new Failed({ code: 'digest-mismatch' });
      bundleJson = parseJson(bundleBytes);
    }

    const checked = checkBundle(bundleJson);
    if (!checked.ok) throw new Failed({ code: 'schema', errors: checked.errors.slice(0, 5) });
    const bundle = checked.bundle;
    const { signer: namedKid } = bundleProvenance(bundle);
    if (manifest && manifest.version !== bundle.corpusVersion) throw new Failed({ code: 'version-mismatch', manifest: manifest.version, bundle: bundle.corpusVersion });
    if (manifest && manifest.signer !== namedKid) throw new Failed({ code: 'signer-mismatch', manifest: manifest.signer, bundle: namedKid });
    const order = compareCorpusVersions(bundle.corpusVersion, deps.activeVersion);
    if (order === 0) return { outcome: { result: 'up-to-date', version: bundle.corpusVersion }, validators, freshUntil: fresh };
    if (order < 0) throw new Failed({ code: 'older', version: bundle.corpusVersion, active: deps.activeVersion });

    const sigResponse = await get(deps, signatureUrl(bundleUrl), {}, true);
    const signatureFile = sigResponse.status === 404 ? null : new TextDecoder().decode(await readBody(sigResponse, signatureUrl(bundleUrl), 64 * 1024));
    const verdict = await verifySignatureFile(bundleBytes, signatureFile, namedKid, deps.trustedKeys);
    if (!verdict.ok) throw new Failed(verdict.code === 'unknown-signer' ? { code: 'unknown-signer', kid: verdict.kid } : { code: verdict.code });

    try {
      await deps.apply(decodeBundleBytes(bundleBytes), bundle, verdict.signer);
    } catch (e) {
      throw new Failed({ code: 'apply', detail: (e as Error).message });
    }
    return { outcome: { result: 'updated', version: bundle.corpusVersion, signer: verdict.signer }, validators, freshUntil: fresh };
  } catch (e) {
    const failure: UpdateFailure = e instanceof Failed ? e.failure : e instanceof BundleFileError ? bodyFailure(e) : { code: 'network', detail: (e as Error).message };
    const version = failure.code === 'older' ? failure.version : failure.code === 'version-mismatch' ? failure.bundle : null;
    return { outcome: { result: 'failed', version, failure }, validators: null, freshUntil: null };
  }
}

async function get(deps: CheckDeps, url: string, headers: Record<string, string>, allow404 = false): Promise<Response> {
  let response: Response;
  try {
    // `no-store`: the validators are ours to send; the browser's cache must not answer for the server.
    response = await deps.fetch(url, { mode: 'cors', credentials: 'omit', cache: 'no-store', headers });
  } catch (e) {
    throw new Failed({ code: 'network', detail: (e as Error).message });
  }
  if (response.status === 304 || response.ok || (allow404 && response.status === 404)) return response;
  throw new Failed({ code: 'http', status: response.status, url });
}

async function readBody(response: Response, url: string, limit = MAX_BUNDLE_FILE_BYTES): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) throw new Failed({ code: 'too-large' });
  return readBundleBytes(Object.assign(await response.blob(), { name: new URL(url).pathname }), limit);
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decodeBundleBytes(bytes));
  } catch {
    throw new Failed({ code: 'not-json' });
  }
}

function bodyFailure(e: BundleFileError): UpdateFailure {
  return e.problem.code === 'too-large' ? { code: 'too-large' } : { code: 'not-json' };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
