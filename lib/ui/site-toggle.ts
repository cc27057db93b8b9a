import { isSiteEnabled, siteKey, type Settings } from '../settings/defaults';

/**
 * Settings with highlighting on or off for the site of `hostname`, as the popup's switch edits
 * them. Off adds the site (without `www.`) to `disabledSites`; on removes every entry that covers
 * the host, a parent domain included, since the reader asked for this site to be highlighted.
 * The master switch is never changed here. Returns the same object when nothing changes.
 */
export function withSiteEnabled(settings: Settings, hostname: string, on: boolean): Settings {
  const host = siteKey(hostname);
  if (!host) return settings;
  const covers = (entry: string) => {
    const site = siteKey(entry);
    return host === site || host.endsWith(`.${site}`);
  };
  if (on) {
    const kept = settings.disabledSites.filter((s) => !covers(s));
    return kept.length === settings.disabledSites.length ? settings : { ...settings, disabledSites: kept };
  }
  if (settings.disabledSites.some(covers)) return settings;
  return { ...settings, disabledSites: [...settings.disabledSites, host] };
}

/** What the switch shows: whether this site is highlighted, and whether the switch can act at all. */
export function siteSwitchState(settings: Settings, hostname: string): { checked: boolean; usable: boolean } {
  return { checked: isSiteEnabled(settings, hostname), usable: settings.enabled && siteKey(hostname) !== '' };
}
