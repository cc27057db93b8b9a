import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Welcome, type WelcomeOutcome } from '@/components/welcome/Welcome';
import { SETTINGS_KEY, type Settings } from '@/lib/settings/defaults';
import { parseSettings } from '@/lib/settings/schema';
import { ALL_URLS } from '@/lib/sites/patterns';
import { switchMode, type AccessPort } from '@/lib/sites/switch-mode';
import { uiLanguage } from '@/lib/i18n/language';
import { welcomeText } from '@/lib/i18n/welcome';

const access: AccessPort = {
  contains: (origins) => browser.permissions.contains({ origins }),
  request: (origins) => browser.permissions.request({ origins }),
  remove: (origins) => browser.permissions.remove({ origins }),
};
const readSettings = async () => parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
const save = (next: Settings) => browser.storage.local.set({ [SETTINGS_KEY]: parseSettings(next) });

async function main() {
  // Read before any click: a click's first call must be the permission request itself.
  let settings = await readSettings();
  let allGranted = await access.contains([ALL_URLS]);
  const lang = uiLanguage(settings.language, navigator.language);
  document.documentElement.lang = lang;
  document.title = welcomeText(lang)('welcome_title');
  const initial: WelcomeOutcome | null = settings.sites === 'chosen' ? 'chosen' : allGranted ? 'all' : null;
  const refresh = async () => {
    settings = await readSettings();
    allGranted = await access.contains([ALL_URLS]);
  };
  render(
    <Welcome
      lang={lang}
      initial={initial}
      onAllowAll={async () => {
        const { switched } = await switchMode('all', { access, settings, allSitesGranted: allGranted, save });
        await refresh();
        return switched;
      }}
      onChooseSites={async () => {
        await switchMode('chosen', { access, settings, allSitesGranted: allGranted, save });
        await refresh();
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />,
    document.getElementById('app')!,
  );
}

void main();
