import type { Settings } from '../settings/defaults';
import { ALL_URLS, sitesPatterns } from './patterns';

/** The one content script this extension registers (`scripting.registerContentScripts`). */
export const CONTENT_SCRIPT_ID = 'hled-content';

/**
 * The content script as WXT builds it (`entrypoints/content/`, `registration: 'runtime'`): the
 * script, its stylesheet (the highlights' `::highlight()` colours), every same-origin frame
 * (`isSameOriginFrame` in the script leaves other frames alone), once the page is idle.
 */
export const CONTENT_SCRIPT_FILES = Object.freeze({
  js: ['content-scripts/content.js'],
  css: ['content-scripts/content.css'],
  allFrames: true,
  runAt: 'document_idle' as const,
});

/** A registered content script as `scripting.getRegisteredContentScripts` reports it (the fields we set). */
export interface ScriptRegistration {
  id: string;
  matches?: string[];
  js?: string[];
  css?: string[];
  allFrames?: boolean;
  runAt?: string;
  persistAcrossSessions?: boolean;
}

/** What `registerContentScripts` is given: every field set. */
export type ContentScript = Required<Pick<ScriptRegistration, 'id' | 'matches' | 'js' | 'css' | 'allFrames' | 'persistAcrossSessions'>> & {
  runAt: 'document_idle';
};

/**
 * The registration the settings call for: every page in "all sites" mode (the browser injects
 * only where the reader granted access), the chosen sites' patterns in "only sites I choose"
 * mode, and none at all when no site is chosen (the API refuses a script without matches).
 */
export function wantedScript(settings: Pick<Settings, 'sites' | 'chosenSites'>): ContentScript | null {
  const matches = settings.sites === 'all' ? [ALL_URLS] : sitesPatterns(settings.chosenSites);
  if (!matches.length) return null;
  return { id: CONTENT_SCRIPT_ID, matches, ...CONTENT_SCRIPT_FILES, js: [...CONTENT_SCRIPT_FILES.js], css: [...CONTENT_SCRIPT_FILES.css], persistAcrossSessions: true };
}

export type RegistrationStep = { op: 'register'; script: ContentScript } | { op: 'update'; script: ContentScript } | { op: 'unregister'; ids: string[] };

/**
 * The calls that take the registered scripts to `wanted`, none when they already match: syncing
 * on every start of the background must not touch a registration that is right (a page loading
 * while it is replaced could be missed). Scripts of other ids (an older version's) go.
 */
export function registrationSteps(registered: readonly ScriptRegistration[], wanted: ContentScript | null): RegistrationStep[] {
  const stale = registered.filter((r) => r.id !== wanted?.id).map((r) => r.id);
  const steps: RegistrationStep[] = stale.length ? [{ op: 'unregister', ids: stale }] : [];
  if (!wanted) return steps;
  const ours = registered.find((r) => r.id === wanted.id);
  if (!ours) steps.push({ op: 'register', script: wanted });
  else if (!sameScript(ours, wanted)) steps.push({ op: 'update', script: wanted });
  return steps;
}

/** Paths compared without a leading slash (Firefox may report them with one), lists as sets. */
function sameScript(a: ScriptRegistration, b: ContentScript): boolean {
  const set = (x: readonly string[] | undefined) => JSON.stringify([...new Set((x ?? []).map((p) => p.replace(/^\//, '')))].sort());
  return (
    set(a.matches) === set(b.matches) &&
    set(a.js) === set(b.js) &&
    set(a.css) === set(b.css) &&
    (a.allFrames ?? false) === b.allFrames &&
    (a.runAt ?? 'document_idle') === b.runAt &&
    (a.persistAcrossSessions ?? true) === b.persistAcrossSessions
  );
}
