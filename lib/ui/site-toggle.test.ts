import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteEnabled, type Settings } from '../settings/defaults';
import { siteSwitchState, withSiteEnabled } from './site-toggle';

const base = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, types: [...DEFAULT_SETTINGS.types], ...patch });

describe('withSiteEnabled', () => {
  it('turns a site off by adding its host without www.', () => {
    const s = withSiteEnabled(base({ disabledSites: ['example.org'] }), 'www.NYTimes.com', false);
    expect(s.disabledSites).toEqual(['example.org', 'nytimes.com']);
    expect(isSiteEnabled(s, 'www.nytimes.com')).toBe(false);
  });

  it('turns 127.0.0.1 off and on again', () => {
    const off = withSiteEnabled(base(), '127.0.0.1', false);
    expect(off.disabledSites).toEqual(['127.0.0.1']);
    expect(withSiteEnabled(off, '127.0.0.1', true).disabledSites).toEqual([]);
  });

  it('turns a site on by removing every entry that covers it, a parent domain included', () => {
    const s = withSiteEnabled(base({ disabledSites: ['elpais.com', 'www.eluniversal.com.mx', 'cnn.com'] }), 'www.eluniversal.com.mx', true);
    expect(s.disabledSites).toEqual(['elpais.com', 'cnn.com']);
    const sub = withSiteEnabled(base({ disabledSites: ['elpais.com'] }), 'english.elpais.com', true);
    expect(sub.disabledSites).toEqual([]);
    expect(isSiteEnabled(sub, 'english.elpais.com')).toBe(true);
  });

  it('changes nothing when the site is already as asked, or has no host name', () => {
    const s = base({ disabledSites: ['elpais.com'] });
    expect(withSiteEnabled(s, 'english.elpais.com', false)).toBe(s);
    expect(withSiteEnabled(s, 'reuters.com', true)).toBe(s);
    expect(withSiteEnabled(s, '', false)).toBe(s);
  });

  it('never touches the master switch or other fields', () => {
    const s = base({ enabled: false, language: 'es', hoverDelayMs: 500 });
    expect(withSiteEnabled(s, 'reuters.com', false)).toEqual({ ...s, disabledSites: ['reuters.com'] });
  });
});

describe('siteSwitchState', () => {
  it('is checked when the site is highlighted and usable while highlighting is on at all', () => {
    expect(siteSwitchState(base(), 'reuters.com')).toEqual({ checked: true, usable: true });
    expect(siteSwitchState(base({ disabledSites: ['reuters.com'] }), 'www.reuters.com')).toEqual({ checked: false, usable: true });
    expect(siteSwitchState(base({ enabled: false }), 'reuters.com')).toEqual({ checked: false, usable: false });
    expect(siteSwitchState(base(), '')).toEqual({ checked: true, usable: false });
  });
});
