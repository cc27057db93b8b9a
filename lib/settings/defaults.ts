import { ENTITY_TYPES, type EntityTypeName } from '../corpus/constants';

/**
 * The settings as the content script reads them, without Zod (30 KB it need not carry on every
 * page). Writes always go through `settingsSchema` (options page), so what is stored is valid;
 * reading only fills in defaults for missing or mistyped fields. A unit test keeps these defaults
 * equal to the schema's.
 */
/** The `storage.local` key of the settings (WXT's `local:settings`). */
export const SETTINGS_KEY = 'settings';

export interface Settings {
  version: 1;
  /** Master switch for highlighting on pages. */
  enabled: boolean;
  /** Host names never annotated (a host also covers its subdomains). */
  disabledSites: string[];
  /** Entity types highlighted. */
  types: EntityTypeName[];
  /** Hover-intent delay before a card opens, ms. */
  hoverDelayMs: number;
  highlightStyle: 'background' | 'underline';
  /** Paint the first mention of each entity per section (heading to heading), or every mention. */
  density: 'first-per-section' | 'all';
  /** Interface language: follow the browser, or force one. */
  language: 'auto' | 'en' | 'es';
  /**
   * Where the content script runs: on every site the browser lets it read (`all`), or only on
   * `chosenSites`, with access to every other site given up (`chosen`; see `lib/sites/`).
   */
  sites: 'all' | 'chosen';
  /** Sites the reader allowed one by one: host names without `www.`, each covering its subdomains. */
  chosenSites: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: 1,
  enabled: true,
  disabledSites: [],
  types: [...ENTITY_TYPES],
  hoverDelayMs: 300,
  highlightStyle: 'background',
  density: 'first-per-section',
  language: 'auto',
  sites: 'all',
  chosenSites: [],
});

/** Stored settings over the defaults, field by field, keeping only fields of the right kind. */
export function readSettings(raw: unknown): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (raw && typeof raw === 'object') {
    for (const [k, def] of Object.entries(DEFAULT_SETTINGS)) {
      const v = (raw as Record<string, unknown>)[k];
      if (v !== undefined && Array.isArray(v) === Array.isArray(def) && typeof v === typeof def) out[k] = v;
    }
  }
  return out as unknown as Settings;
}

/** Lower-cased host without a leading `www.`, as the site list stores it. */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

/** True when `site` (an entry of a site list) is the host of `hostname` or one of its parent domains. */
export function siteCovers(site: string, hostname: string): boolean {
  const host = siteKey(hostname);
  const key = siteKey(site);
  return key !== '' && (host === key || host.endsWith(`.${key}`));
}

/** True when `hostname` is one of the sites the reader chose (whatever the mode). */
export function isSiteChosen(settings: Pick<Settings, 'chosenSites'>, hostname: string): boolean {
  return settings.chosenSites.some((s) => siteCovers(s, hostname));
}

/**
 * True when pages of `hostname` should be annotated under these settings. In `chosen` mode a
 * site that is not chosen is never annotated, even by a copy of the content script that a
 * registration still being updated let in.
 */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  if (!settings.enabled) return false;
  if (settings.sites === 'chosen' && !isSiteChosen(settings, hostname)) return false;
  return !settings.disabledSites.some((s) => siteCovers(s, hostname));
}
