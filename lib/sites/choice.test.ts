import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteEnabled, type Settings } from '../settings/defaults';
import { addedSites, modeSwitchPlan, offersAllow, originsToRemove, withSiteChosen } from './choice';

const base = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, types: [...DEFAULT_SETTINGS.types], ...patch });

describe('withSiteChosen', () => {
  it('chooses the site without www., and the page is then read in "only sites I choose" mode', () => {
    const before = base({ sites: 'chosen' });
    expect(isSiteEnabled(before, 'www.nytimes.com')).toBe(false);
    const s = withSiteChosen(before, 'www.NYTimes.com', true);
    expect(s.chosenSites).toEqual(['nytimes.com']);
    expect(isSiteEnabled(s, 'www.nytimes.com')).toBe(true);
    expect(isSiteEnabled(s, 'nytimes.com.evil.org')).toBe(false);
  });

  it('takes a chosen site out of the switched-off sites', () => {
    const s = withSiteChosen(base({ disabledSites: ['elpais.com', 'cnn.com'] }), 'english.elpais.com', true);
    expect(s.disabledSites).toEqual(['cnn.com']);
    expect(s.chosenSites).toEqual(['english.elpais.com']);
  });

  it('stops a site by removing every entry that covers it', () => {
    const s = withSiteChosen(base({ sites: 'chosen', chosenSites: ['elpais.com', 'localhost'] }), 'english.elpais.com', false);
    expect(s.chosenSites).toEqual(['localhost']);
  });

  it('changes nothing when the site is already as asked, or has no host name', () => {
    const s = base({ chosenSites: ['elpais.com'] });
    expect(withSiteChosen(s, 'english.elpais.com', true)).toBe(s);
    expect(withSiteChosen(s, 'cnn.com', false)).toBe(s);
    expect(withSiteChosen(s, '', true)).toBe(s);
  });
});

describe('addedSites', () => {
  it('lists the sites chosen by a change', () => {
    expect(addedSites(base({ chosenSites: ['a.org'] }), base({ chosenSites: ['a.org', 'www.b.org'] }))).toEqual(['b.org']);
    expect(addedSites(base({ chosenSites: ['a.org'] }), base())).toEqual([]);
  });
});

describe('originsToRemove', () => {
  it('gives up the access of a site no longer chosen', () => {
    expect(originsToRemove(base({ sites: 'chosen', chosenSites: ['a.org', 'localhost'] }), base({ sites: 'chosen', chosenSites: ['a.org'] }), false)).toEqual(['*://*.localhost/*']);
  });

  it('keeps a pattern another chosen entry still needs', () => {
    expect(originsToRemove(base({ chosenSites: ['a.org', 'www.a.org'] }), base({ sites: 'chosen', chosenSites: ['a.org'] }), false)).toEqual([]);
  });

  it('gives up a site removed in "all sites" mode only when every site is not granted anyway', () => {
    const before = base({ chosenSites: ['a.org'] });
    expect(originsToRemove(before, base(), true)).toEqual([]);
    expect(originsToRemove(before, base(), false)).toEqual(['*://*.a.org/*']);
  });

  it('gives up nothing when nothing was removed', () => {
    expect(originsToRemove(base({ chosenSites: ['a.org'] }), base({ sites: 'chosen', chosenSites: ['a.org', 'b.org'] }), false)).toEqual([]);
  });
});

describe('modeSwitchPlan', () => {
  const s = base({ chosenSites: ['a.org', '127.0.0.1'] });
  it('asks for every site to go to "all sites"', () => {
    expect(modeSwitchPlan(s, 'all', false)).toEqual({ remove: [], request: ['<all_urls>'] });
  });

  it('gives up every site, then asks again for the chosen ones and what other features need', () => {
    expect(modeSwitchPlan(s, 'chosen', true, ['https://cdn.example.org/*'])).toEqual({
      remove: ['<all_urls>'],
      request: ['*://*.a.org/*', '*://127.0.0.1/*', 'https://cdn.example.org/*'],
    });
  });

  it('has nothing to give up or ask for when every site was not granted', () => {
    expect(modeSwitchPlan(s, 'chosen', false)).toEqual({ remove: [], request: [] });
  });
});

describe('offersAllow', () => {
  it('offers to allow a site without access, in either mode', () => {
    expect(offersAllow(base(), 'elpais.com', false)).toBe(true);
    expect(offersAllow(base({ sites: 'chosen', chosenSites: ['elpais.com'] }), 'elpais.com', false)).toBe(true);
  });
  it('offers to allow a site with access that is not chosen in "only sites I choose" mode', () => {
    expect(offersAllow(base({ sites: 'chosen', chosenSites: ['localhost'] }), '127.0.0.1', true)).toBe(true);
    expect(offersAllow(base({ sites: 'chosen', chosenSites: ['localhost'] }), 'localhost', true)).toBe(false);
  });
  it('offers nothing on a tab that is not a web page, or a readable site in "all sites" mode', () => {
    expect(offersAllow(base(), null, false)).toBe(false);
    expect(offersAllow(base(), 'elpais.com', true)).toBe(false);
  });
});
