import { isSiteChosen, siteCovers, siteKey, type Settings } from '../settings/defaults';
import { ALL_URLS, sitePatterns, sitesPatterns } from './patterns';

/**
 * Settings with the site of `hostname` chosen or not, as "Allow on this site" and "Stop on this
 * site" edit them. Choosing adds the site (without `www.`) unless an entry already covers it, and
 * takes it out of `disabledSites`: the reader just asked for it to be read. Stopping removes every
 * entry that covers the host. Returns the same object when nothing changes.
 */
export function withSiteChosen(settings: Settings, hostname: string, on: boolean): Settings {
  const site = siteKey(hostname);
  if (!site) return settings;
  if (on) {
    const disabledSites = settings.disabledSites.filter((s) => !siteCovers(s, site));
    const chosen = settings.chosenSites.some((s) => siteCovers(s, site));
    if (chosen && disabledSites.length === settings.disabledSites.length) return settings;
    return { ...settings, disabledSites, chosenSites: chosen ? settings.chosenSites : [...settings.chosenSites, site] };
  }
  const chosenSites = settings.chosenSites.filter((s) => !siteCovers(s, site));
  return chosenSites.length === settings.chosenSites.length ? settings : { ...settings, chosenSites };
}

const keys = (sites: readonly string[]) => new Set(sites.map(siteKey));

/** Sites chosen after a change that were not chosen before. */
export function addedSites(before: Pick<Settings, 'chosenSites'>, after: Pick<Settings, 'chosenSites'>): string[] {
  const was = keys(before.chosenSites);
  return [...keys(after.chosenSites)].filter((s) => s && !was.has(s));
}

/**
 * Host access to give up after a settings change: the patterns of sites no longer chosen (and
 * not still covered by another chosen site's pattern). Nothing while every site is granted in
 * "all sites" mode: those sites stay readable through `<all_urls>` whatever happens to their own
 * pattern, and the reader switched them off with the site switch, not by giving up access.
 */
export function originsToRemove(before: Pick<Settings, 'chosenSites'>, after: Pick<Settings, 'sites' | 'chosenSites'>, allSitesGranted: boolean): string[] {
  if (after.sites === 'all' && allSitesGranted) return [];
  const now = keys(after.chosenSites);
  const kept = new Set(sitesPatterns([...now]));
  const gone = [...keys(before.chosenSites)].filter((s) => !now.has(s));
  return [...new Set(gone.flatMap(sitePatterns))].filter((p) => !kept.has(p));
}

/** What the browser is asked, in order, to move to a mode. */
export interface ModeSwitchPlan {
  /** Given up first. */
  remove: string[];
  /** Then asked for (the reader's click must still be under way). */
  request: string[];
}

/**
 * Moving to "all sites" asks for `<all_urls>`. Moving to "only sites I choose" gives `<all_urls>`
 * up and asks again for the chosen sites (and `keep`, origins other features need): Chromium's
 * `permissions.remove` of `<all_urls>` also takes away every origin it covers (seen in Chromium
 * 156: a granted `http://localhost/*` was gone after removing `<all_urls>`). Asking for origins
 * still granted answers at once without a prompt.
 */
export function modeSwitchPlan(settings: Pick<Settings, 'chosenSites'>, target: Settings['sites'], allSitesGranted: boolean, keep: readonly string[] = []): ModeSwitchPlan {
  if (target === 'all') return { remove: [], request: [ALL_URLS] };
  if (!allSitesGranted) return { remove: [], request: [] };
  return { remove: [ALL_URLS], request: [...new Set([...sitesPatterns(settings.chosenSites), ...keep])] };
}

/**
 * Whether the popup offers "Allow on this site" on a tab where no content script answered: an
 * http(s) site the extension has no access to, or, in "only sites I choose" mode, one not chosen
 * (a test build, or a subscription host, may have access to a site the reader never chose). Other
 * tabs are out of reach (browser pages) or were open before access was given (reloading reads them).
 */
export function offersAllow(settings: Pick<Settings, 'sites' | 'chosenSites'>, site: string | null, granted: boolean): boolean {
  if (!site) return false;
  return !granted || (settings.sites === 'chosen' && !isSiteChosen(settings, site));
}
