import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings/defaults';
import { SiteRegistrar, type ScriptingPort, type TabsPort } from './registrar';
import { CONTENT_SCRIPT_ID, type ContentScript, type ScriptRegistration } from './registration';

const base = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, types: [...DEFAULT_SETTINGS.types], ...patch });

/** A browser in miniature: a script registry that refuses duplicate ids like Chromium, permissions, tabs. */
function world(initial: Settings, granted: string[] = []) {
  const registry = new Map<string, ScriptRegistration>();
  const calls: string[] = [];
  const scripting: ScriptingPort = {
    getRegisteredContentScripts: async () => [...registry.values()].map((s) => ({ ...s })),
    registerContentScripts: async (scripts: ContentScript[]) => {
      for (const s of scripts) if (registry.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      for (const s of scripts) registry.set(s.id, s);
      calls.push('register');
    },
    updateContentScripts: async (scripts: ContentScript[]) => {
      for (const s of scripts) registry.set(s.id, s);
      calls.push('update');
    },
    unregisterContentScripts: async ({ ids }) => {
      for (const id of ids) registry.delete(id);
      calls.push(`unregister ${ids.join(',')}`);
    },
  };
  const perms = new Set(granted);
  const removed: string[][] = [];
  let settings = initial;
  const tabs: { id: number; site: string; running: boolean }[] = [];
  const injected: number[] = [];
  const tabsPort: TabsPort = {
    matching: async (patterns) => tabs.filter((t) => patterns.some((p) => p === `*://*.${t.site}/*` || p === `*://${t.site}/*`)).map((t) => t.id),
    isRunning: async (id) => tabs.find((t) => t.id === id)!.running,
    inject: async (id) => {
      injected.push(id);
      tabs.find((t) => t.id === id)!.running = true;
    },
  };
  const writes: Settings[] = [];
  const errors: string[] = [];
  const registrar = new SiteRegistrar({
    scripting,
    access: {
      contains: async (origins) => origins.every((o) => perms.has(o)),
      remove: async (origins) => {
        removed.push(origins);
        return true;
      },
    },
    tabs: tabsPort,
    settings: {
      read: async () => settings,
      write: async (next) => {
        settings = next;
        writes.push(next);
      },
    },
    log: (m) => errors.push(m),
  });
  return { registrar, registry, calls, removed, tabs, injected, writes, errors, matches: () => registry.get(CONTENT_SCRIPT_ID)?.matches ?? null };
}

describe('SiteRegistrar.sync', () => {
  it('registers for every page at install, and leaves a right registration alone on the next start', async () => {
    const w = world(base());
    await w.registrar.sync();
    expect(w.matches()).toEqual(['<all_urls>']);
    await w.registrar.sync();
    expect(w.calls).toEqual(['register']);
  });

  it('registers once when two starts sync at the same time', async () => {
    const w = world(base());
    await Promise.all([w.registrar.sync(), w.registrar.sync()]);
    expect(w.calls).toEqual(['register']);
    expect(w.errors).toEqual([]);
  });

  it('registers nothing in "only sites I choose" mode with no site chosen', async () => {
    const w = world(base({ sites: 'chosen' }));
    await w.registrar.sync();
    expect(w.registry.size).toBe(0);
  });
});

describe('SiteRegistrar.settingsChanged', () => {
  it('moves the registration to the chosen sites and back', async () => {
    const w = world(base());
    await w.registrar.sync();
    await w.registrar.settingsChanged(base(), base({ sites: 'chosen', chosenSites: ['localhost'] }));
    expect(w.matches()).toEqual(['*://*.localhost/*']);
    await w.registrar.settingsChanged(base({ sites: 'chosen', chosenSites: ['localhost'] }), base({ chosenSites: ['localhost'] }));
    expect(w.matches()).toEqual(['<all_urls>']);
  });

  it('stops a site: its access given up, the script unregistered when no site is left', async () => {
    const chosen = base({ sites: 'chosen', chosenSites: ['localhost'] });
    const w = world(chosen);
    await w.registrar.sync();
    await w.registrar.settingsChanged(chosen, base({ sites: 'chosen' }));
    expect(w.removed).toEqual([['*://*.localhost/*']]);
    expect(w.registry.size).toBe(0);
  });

  it('starts the script in open tabs of a site just chosen where it is not running yet', async () => {
    const w = world(base({ sites: 'chosen' }));
    w.tabs.push({ id: 1, site: 'localhost', running: false }, { id: 2, site: 'localhost', running: true }, { id: 3, site: '127.0.0.1', running: false });
    await w.registrar.settingsChanged(base({ sites: 'chosen' }), base({ sites: 'chosen', chosenSites: ['localhost'] }));
    expect(w.injected).toEqual([1]);
  });
});

describe('SiteRegistrar.originsAdded', () => {
  it('chooses the sites whose patterns the browser granted, and only those', async () => {
    const w = world(base({ sites: 'chosen' }));
    await w.registrar.originsAdded(['*://*.elpais.com/*', 'https://cdn.example.org/*', '<all_urls>']);
    expect(w.writes.map((s) => s.chosenSites)).toEqual([['elpais.com']]);
    await w.registrar.originsAdded(['*://*.elpais.com/*']);
    expect(w.writes).toHaveLength(1);
  });

  it('starts the script in open tabs of a site chosen before whose access comes back', async () => {
    const w = world(base({ sites: 'chosen', chosenSites: ['elpais.com'] }));
    w.tabs.push({ id: 4, site: 'elpais.com', running: false }, { id: 5, site: 'cnn.com', running: false });
    await w.registrar.originsAdded(['*://*.elpais.com/*']);
    expect(w.writes).toEqual([]);
    expect(w.injected).toEqual([4]);
  });
});
