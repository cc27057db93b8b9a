import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings/defaults';
import { switchMode, type AccessPort } from './switch-mode';

/** Host permissions that behave like Chromium's: removing `<all_urls>` takes every origin with it. */
function fakeAccess(granted: string[], answer = true): AccessPort & { granted: Set<string>; calls: string[] } {
  const set = new Set(granted);
  const calls: string[] = [];
  return {
    granted: set,
    calls,
    contains: async (origins) => origins.every((o) => set.has(o) || set.has('<all_urls>')),
    request: async (origins) => {
      calls.push(`request ${origins.join(' ')}`);
      if (answer) for (const o of origins) set.add(o);
      return answer;
    },
    remove: async (origins) => {
      calls.push(`remove ${origins.join(' ')}`);
      if (origins.includes('<all_urls>')) set.clear();
      for (const o of origins) set.delete(o);
      return true;
    },
  };
}

const base = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, types: [...DEFAULT_SETTINGS.types], ...patch });

describe('switchMode', () => {
  it('asks for every site first, before anything else is awaited, and saves "all" once granted', async () => {
    const access = fakeAccess([]);
    const save = vi.fn(async () => {});
    const pending = switchMode('all', { access, settings: base({ sites: 'chosen' }), allSitesGranted: false, save });
    // The request went out in the same task as the click.
    expect(access.calls).toEqual(['request <all_urls>']);
    expect(await pending).toEqual({ switched: true, missing: [] });
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ sites: 'all' }));
  });

  it('stays where it was when the reader refuses every site', async () => {
    const save = vi.fn(async () => {});
    expect(await switchMode('all', { access: fakeAccess([], false), settings: base({ sites: 'chosen' }), allSitesGranted: false, save })).toEqual({ switched: false, missing: ['<all_urls>'] });
    expect(save).not.toHaveBeenCalled();
  });

  it('gives up every site and asks again for the chosen ones and a subscription host, in that order', async () => {
    const access = fakeAccess(['<all_urls>']);
    const save = vi.fn(async () => {});
    const keep = vi.fn(async () => {
      // The CORS check runs once `<all_urls>` is gone, when it tells the truth.
      expect(access.granted.has('<all_urls>')).toBe(false);
      return ['https://cdn.example.org/*'];
    });
    const r = await switchMode('chosen', { access, settings: base({ chosenSites: ['a.org'] }), allSitesGranted: true, keep, save });
    expect(r).toEqual({ switched: true, missing: [] });
    expect(access.calls).toEqual(['remove <all_urls>', 'request *://*.a.org/* https://cdn.example.org/*']);
    expect([...access.granted]).toEqual(['*://*.a.org/*', 'https://cdn.example.org/*']);
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ sites: 'chosen', chosenSites: ['a.org'] }));
  });

  it('switches to chosen sites even when their access is refused, and says which are missing', async () => {
    const save = vi.fn(async () => {});
    const r = await switchMode('chosen', { access: fakeAccess(['<all_urls>'], false), settings: base({ chosenSites: ['a.org'] }), allSitesGranted: true, save });
    expect(r).toEqual({ switched: true, missing: ['*://*.a.org/*'] });
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ sites: 'chosen' }));
  });

  it('asks nothing when every site was not granted: the chosen sites keep what they had', async () => {
    const access = fakeAccess(['*://*.a.org/*']);
    await switchMode('chosen', { access, settings: base({ chosenSites: ['a.org'] }), allSitesGranted: false, save: async () => {} });
    expect(access.calls).toEqual([]);
  });
});
