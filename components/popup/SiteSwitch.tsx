import { siteKey, type Settings } from '@/lib/settings/defaults';
import { siteSwitchState } from '@/lib/ui/site-toggle';
import type { UiLanguage } from '@/lib/i18n/language';
import { popupText } from '@/lib/i18n/popup';

export interface SiteSwitchProps {
  hostname: string;
  settings: Settings;
  lang: UiLanguage;
  onChange: (on: boolean) => void;
}

/**
 * The active tab's site switch. In "all sites" mode, "Highlight on nytimes.com" over
 * `disabledSites`: off, the script stays and paints nothing. In "only sites I choose" mode, "Run
 * on nytimes.com" over `chosenSites`: off is "Stop on this site" (the site's access is given back
 * and the script unregistered there), on asks the browser for the site again.
 */
export function SiteSwitch({ hostname, settings, lang, onChange }: SiteSwitchProps) {
  const { checked, usable } = siteSwitchState(settings, hostname);
  const t = popupText(lang);
  const host = siteKey(hostname);
  return (
    <label class={`switch${usable ? '' : ' off'}`}>
      <input type="checkbox" role="switch" id="site-switch" checked={checked} disabled={!usable} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span class="switch-label">{settings.sites === 'chosen' ? t('popup_runSite', { host }) : t('popup_highlightSite', { host })}</span>
    </label>
  );
}
