const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A subscription URL must be https: a corpus checked every day must not travel in the clear (the
 * signature protects its content, https its privacy). Test builds also take http on this machine
 * (`allowLoopbackHttp`, from `import.meta.env.HLED_TEST_BUILD`, false in every production build),
 * because the end-to-end tests' server has no certificate. Returns null when refused.
 */
export function checkSubscriptionUrl(raw: string, allowLoopbackHttp: boolean): URL | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (url.protocol === 'https:') return url;
  if (allowLoopbackHttp && url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return url;
  return null;
}
