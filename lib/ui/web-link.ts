/**
 * The URL itself when it is an http(s) URL, else null. The bundle schema already refuses other
 * schemes at import; components check again where a URL becomes a link, so a `javascript:` or
 * `data:` URL that reached the store any other way still never becomes a clickable `href`.
 */
export function webLink(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}
