import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { CONTENT_SCRIPT_ID, registrationSteps, wantedScript, type ScriptRegistration } from './registration';

describe('wantedScript', () => {
  it('runs on every page in "all sites" mode', () => {
    expect(wantedScript(DEFAULT_SETTINGS)).toEqual({
      id: CONTENT_SCRIPT_ID,
      matches: ['<all_urls>'],
      js: ['content-scripts/content.js'],
      css: ['content-scripts/content.css'],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  });

  it('runs on the chosen sites only, and nowhere when none is chosen', () => {
    expect(wantedScript({ sites: 'chosen', chosenSites: ['elpais.com', 'localhost'] })?.matches).toEqual(['*://*.elpais.com/*', '*://*.localhost/*']);
    expect(wantedScript({ sites: 'chosen', chosenSites: [] })).toBeNull();
    expect(wantedScript({ sites: 'chosen', chosenSites: ['not a host'] })).toBeNull();
  });

  it('ignores the chosen list in "all sites" mode', () => {
    expect(wantedScript({ sites: 'all', chosenSites: ['elpais.com'] })?.matches).toEqual(['<all_urls>']);
  });
});

describe('registrationSteps', () => {
  const all = wantedScript({ sites: 'all', chosenSites: [] })!;
  const chosen = wantedScript({ sites: 'chosen', chosenSites: ['elpais.com'] })!;
  const asReported = (s: typeof all, patch: Partial<ScriptRegistration> = {}): ScriptRegistration => ({ ...s, matchOriginAsFallback: false, world: 'ISOLATED', ...patch }) as ScriptRegistration;

  it('registers when nothing is registered', () => {
    expect(registrationSteps([], all)).toEqual([{ op: 'register', script: all }]);
  });

  it('does nothing when the registration already matches, as Chromium or Firefox report it', () => {
    expect(registrationSteps([asReported(all)], all)).toEqual([]);
    expect(registrationSteps([asReported(all, { js: ['/content-scripts/content.js'], css: ['/content-scripts/content.css'] })], all)).toEqual([]);
    expect(registrationSteps([asReported(chosen, { matches: [...chosen.matches].reverse() })], chosen)).toEqual([]);
  });

  it('updates when the sites changed', () => {
    expect(registrationSteps([asReported(all)], chosen)).toEqual([{ op: 'update', script: chosen }]);
    expect(registrationSteps([asReported(chosen)], all)).toEqual([{ op: 'update', script: all }]);
  });

  it('unregisters when no site is left, and scripts of other ids always', () => {
    expect(registrationSteps([asReported(chosen)], null)).toEqual([{ op: 'unregister', ids: [CONTENT_SCRIPT_ID] }]);
    expect(registrationSteps([], null)).toEqual([]);
    expect(registrationSteps([{ id: 'old' }, asReported(all)], all)).toEqual([{ op: 'unregister', ids: ['old'] }]);
  });
});
