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

/** "Highlight on nytimes.com": a switch over `disabledSites` for the active tab's site. */
export function SiteSwitch({ hostname, settings, lang, onChange }: SiteSwitchProps) {
  const { checked, usable } = siteSwitchState(settings, hostname);
  return (
    <label class={`switch${usable ? '' : ' off'}`}>
      <input type="checkbox" role="switch" checked={checked} disabled={!usable} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span class="switch-label">{popupText(lang)('popup_highlightSite', { host: siteKey(hostname) })}</span>
    </label>
  );
}
