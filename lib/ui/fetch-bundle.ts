import { BundleFileError, MAX_BUNDLE_FILE_BYTES, readBundleFile } from './bundle-file';

export type FetchProblem = { code: 'bad-url' } | { code: 'not-https' } | { code: 'network'; reason: string } | { code: 'http'; status: number } | { code: 'permission-denied'; origin: string };

export class FetchBundleError extends Error {
  constructor(readonly problem: FetchProblem) {
    super(`bundle url: ${problem.code}`);
    this.name = 'FetchBundleError';
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https, or http to this machine (a maintainer testing a bundle locally). */
export function checkBundleUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FetchBundleError({ code: 'bad-url' });
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url;
  throw new FetchBundleError({ code: 'not-https' });
}

export interface FetchDeps {
  fetch: typeof fetch;
  /** Asks the reader for access to one origin (optional host permission); true when granted. */
  requestOrigin: (originPattern: string) => Promise<boolean>;
}

/**
 * Downloads a bundle. CORS first, with no credentials; only when the server does not allow it,
 * ask for that one origin's permission and try again. Then read it like a file (size limit,
 * gzip by magic bytes).
 */
export async function fetchBundle(raw: string, deps: FetchDeps, limit = MAX_BUNDLE_FILE_BYTES): Promise<string> {
  const url = checkBundleUrl(raw);
  const get = () => deps.fetch(url.href, { mode: 'cors', credentials: 'omit', cache: 'no-store' });
  let response: Response;
  try {
    response = await get();
  } catch {
    // A CORS refusal and a network failure look the same from here: asking for the origin
    // is what can fix the first, and is harmless for the second.
    const pattern = `${url.origin}/*`;
    if (!(await deps.requestOrigin(pattern))) throw new FetchBundleError({ code: 'permission-denied', origin: url.origin });
    try {
      response = await get();
    } catch (e) {
      throw new FetchBundleError({ code: 'network', reason: (e as Error).message });
    }
  }
  if (!response.ok) throw new FetchBundleError({ code: 'http', status: response.status });
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) throw new BundleFileError({ code: 'too-large', bytes: declared, limit });
  const blob = await response.blob();
  return readBundleFile(Object.assign(blob, { name: url.pathname }), limit);
}
