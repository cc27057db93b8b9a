import { describe, expect, it } from 'vitest';
import { ALL_URLS, siteOfPattern, siteOfUrl, sitePatterns, sitesPatterns } from './patterns';

describe('siteOfUrl', () => {
  it.each([
    ['https://www.nytimes.com/2026/11/23/world/americas/mexico.html', 'nytimes.com'],
    ['http://localhost:5173/article-en.html', 'localhost'],
    ['http://127.0.0.1:8080/', '127.0.0.1'],
    ['https://English.ElPais.com/', 'english.elpais.com'],
    ['https://xn--mxico-bsa.example/', 'xn--mxico-bsa.example'],
    ['http://[::1]:3000/', '[::1]'],
  ])('reads %s as the site %s', (url, site) => {
    expect(siteOfUrl(url)).toBe(site);
  });

  it.each([['chrome://extensions'], ['chrome-extension://abc/popup.html'], ['file:///home/a.html'], ['about:blank'], ['not a url'], [undefined]])('has no site for %s', (url) => {
    expect(siteOfUrl(url)).toBeNull();
  });
});

describe('sitePatterns', () => {
  it('covers http and https, the host and its subdomains, on any port', () => {
    expect(sitePatterns('nytimes.com')).toEqual(['*://*.nytimes.com/*']);
    expect(sitePatterns('www.NYTimes.com')).toEqual(['*://*.nytimes.com/*']);
    expect(sitePatterns('localhost')).toEqual(['*://*.localhost/*']);
  });

  it('matches an IP address exactly', () => {
    expect(sitePatterns('127.0.0.1')).toEqual(['*://127.0.0.1/*']);
    expect(sitePatterns('[::1]')).toEqual(['*://[::1]/*']);
  });

  it.each([[''], ['*.evil.com'], ['a.com/path'], ['<all_urls>'], ['exa mple.com']])('gives no pattern for the stored entry %j', (entry) => {
    expect(sitePatterns(entry)).toEqual([]);
  });

  it('lists several sites without repeats', () => {
    expect(sitesPatterns(['elpais.com', 'www.elpais.com', '127.0.0.1', 'bad/entry'])).toEqual(['*://*.elpais.com/*', '*://127.0.0.1/*']);
  });
});

describe('siteOfPattern', () => {
  it('reads back the site of its own patterns', () => {
    for (const site of ['nytimes.com', 'localhost', '127.0.0.1', '[::1]']) expect(siteOfPattern(sitePatterns(site)[0]!)).toBe(site);
  });

  it.each([[ALL_URLS], ['https://cdn.example.org/*'], ['http://127.0.0.1/*'], ['*://*.127.0.0.1/*'], ['*://nytimes.com/*'], ['*://*.nytimes.com/news/*']])(
    'is null for %s, which a site choice never asks for',
    (pattern) => {
      expect(siteOfPattern(pattern)).toBeNull();
    },
  );
});
