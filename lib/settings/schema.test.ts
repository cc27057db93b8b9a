import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteEnabled, readSettings } from './defaults';
import { parseSettings } from './schema';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored, the same as the content script’s reader', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ enabled: true, hoverDelayMs: 300, highlightStyle: 'background', language: 'auto' });
    expect(DEFAULT_SETTINGS.types).toHaveLength(6);
  });
  it('keeps good fields and replaces broken ones field by field', () => {
    const s = parseSettings({ enabled: false, hoverDelayMs: -5, types: ['person', 'nonsense'], language: 'es' });
    expect(s.enabled).toBe(false);
    expect(s.hoverDelayMs).toBe(300);
    expect(s.types).toHaveLength(6);
    expect(s.language).toBe('es');
  });
});

describe('readSettings', () => {
  it('fills in defaults for missing or mistyped fields', () => {
    const s = readSettings({ enabled: 'yes', disabledSites: ['a.org'], hoverDelayMs: 100 });
    expect(s.enabled).toBe(true);
    expect(s.disabledSites).toEqual(['a.org']);
    expect(s.hoverDelayMs).toBe(100);
  });
});

describe('isSiteEnabled', () => {
  it('turns a site and its subdomains off', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] };
    expect(isSiteEnabled(s, 'example.com')).toBe(false);
    expect(isSiteEnabled(s, 'www.example.com')).toBe(false);
    expect(isSiteEnabled(s, 'news.example.com')).toBe(false);
    expect(isSiteEnabled(s, 'notexample.com')).toBe(true);
  });
  it('turns everything off with the master switch', () => {
    expect(isSiteEnabled({ ...DEFAULT_SETTINGS, enabled: false }, 'a.org')).toBe(false);
  });
});

describe('where it runs', () => {
  it('defaults to every site, with no site chosen', () => {
    expect(parseSettings(undefined)).toMatchObject({ sites: 'all', chosenSites: [] });
  });
  it('keeps a stored choice and refuses a mode it does not know', () => {
    expect(parseSettings({ sites: 'chosen', chosenSites: ['elpais.com'] })).toMatchObject({ sites: 'chosen', chosenSites: ['elpais.com'] });
    expect(parseSettings({ sites: 'none', chosenSites: 'elpais.com' })).toMatchObject({ sites: 'all', chosenSites: [] });
  });
  it('annotates only chosen sites in "only sites I choose" mode, and still honours a site switched off', () => {
    const s = { ...DEFAULT_SETTINGS, sites: 'chosen' as const, chosenSites: ['localhost', 'elpais.com'], disabledSites: ['english.elpais.com'] };
    expect(isSiteEnabled(s, 'localhost')).toBe(true);
    expect(isSiteEnabled(s, '127.0.0.1')).toBe(false);
    expect(isSiteEnabled(s, 'www.elpais.com')).toBe(true);
    expect(isSiteEnabled(s, 'english.elpais.com')).toBe(false);
  });
});
