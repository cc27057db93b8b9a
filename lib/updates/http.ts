/**
 * HTTP caching as a subscription uses it: validators saved from one check are sent with the next
 * (`If-None-Match`, `If-Modified-Since`), so an unchanged `latest.json` costs a 304 and no body;
 * `Cache-Control: max-age` says how long a response stays fresh, and scheduled checks do not ask
 * again before then.
 */

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** The conditional request headers for saved validators (none for a first check). */
export function conditionalHeaders(v: Validators | null): Record<string, string> {
  const h: Record<string, string> = {};
  if (v?.etag) h['If-None-Match'] = v.etag;
  if (v?.lastModified) h['If-Modified-Since'] = v.lastModified;
  return h;
}

/** The validators of a response, to send with the next check. */
export function readValidators(headers: Pick<Headers, 'get'>): Validators {
  return { etag: headers.get('etag'), lastModified: headers.get('last-modified') };
}

/**
 * Seconds a response stays fresh by its `Cache-Control`, 0 for `no-cache`/`no-store`, null when it
 * says nothing. `s-maxage` is for shared caches, not for us.
 */
export function maxAgeSeconds(cacheControl: string | null): number | null {
  if (!cacheControl) return null;
  let maxAge: number | null = null;
  for (const part of cacheControl.toLowerCase().split(',')) {
    const [name, value] = part.trim().split('=') as [string, string | undefined];
    if (name === 'no-store' || name === 'no-cache') return 0;
    if (name === 'max-age' && value !== undefined && /^"?\d+"?$/.test(value)) maxAge = Number(value.replace(/"/g, ''));
  }
  return maxAge;
}
