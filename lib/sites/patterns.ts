import { siteKey } from '../settings/defaults';

/** The match pattern of every page: what "all sites" asks the browser for. */
export const ALL_URLS = '<all_urls>';

/** A host name as `URL` gives it (punycode, lower case), or an IPv4 / bracketed IPv6 literal. */
const HOST = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*|\[[0-9a-f:.]+\])$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * The site of a page, as the site lists store it (lower-case host without `www.`), or null when
 * the URL is not an http(s) page: browser pages, files, the web store's `chrome://` and the
 * extension's own pages are out of reach whatever the settings say.
 */
export function siteOfUrl(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const site = siteKey(parsed.hostname);
  return HOST.test(site) ? site : null;
}

/**
 * The match patterns of one site, used both to ask for host access (`permissions.request`) and to
 * register the content script there (`scripting.registerContentScripts`): http and https, the host
 * and every subdomain (`*://*.nytimes.com/*` covers nytimes.com and www.nytimes.com, as a site
 * entry does everywhere else), any port. An IP address has no subdomains and is matched exactly.
 * A stored entry that is not a host name gives no pattern: one bad entry must not make the
 * browser refuse the whole registration.
 */
export function sitePatterns(site: string): string[] {
  const host = siteKey(site);
  if (!HOST.test(host)) return [];
  return [IPV4.test(host) || host.startsWith('[') ? `*://${host}/*` : `*://*.${host}/*`];
}

/** The patterns of several sites, without repeats, in order. */
export function sitesPatterns(sites: readonly string[]): string[] {
  return [...new Set(sites.flatMap(sitePatterns))];
}

/**
 * The site a pattern of `sitePatterns` stands for, or null for any other pattern (`<all_urls>`,
 * or the single-origin `https://host/*` that a bundle URL or a subscription asks for).
 */
export function siteOfPattern(pattern: string): string | null {
  const m = /^\*:\/\/(\*\.)?([^/*]+)\/\*$/.exec(pattern);
  if (!m) return null;
  const host = m[2]!;
  const exact = IPV4.test(host) || host.startsWith('[');
  if (exact === Boolean(m[1])) return null;
  return sitePatterns(host)[0] === pattern ? siteKey(host) : null;
}
