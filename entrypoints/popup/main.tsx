import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { PopupDeps } from '@/components/popup/deps';
import { Popup } from '@/components/popup/Popup';
import { createClient, type TabRequest } from '@/lib/client';
import type { Request } from '@/lib/messages';
import { SETTINGS_KEY, type Settings } from '@/lib/settings/defaults';
import { parseSettings } from '@/lib/settings/schema';
import { offersAllow, withSiteChosen } from '@/lib/sites/choice';
import { siteOfUrl, sitePatterns } from '@/lib/sites/patterns';
import { pageEntityRows, readPageEntities } from '@/lib/ui/page-entities';
import { uiLanguage } from '@/lib/i18n/language';

async function main() {
  const ask = createClient((m: Request) => browser.runtime.sendMessage(m));
  const readSettings = async () => parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  const initial = await readSettings();
  const lang = uiLanguage(initial.language, navigator.language);
  document.documentElement.lang = lang;

  // The tab the popup was opened over. `activeTab` lets us message it and read its URL; the
  // content script's reply says what it found. No reply means no content script there: a site
  // HLED Lens is not allowed on (offered "Allow on this site"), browser pages, the web store,
  // PDFs, or a tab loaded before access was given.
  let tabId: number | undefined;
  const tell = (msg: TabRequest) => browser.tabs.sendMessage(tabId!, msg);
  const deps: PopupDeps = {
    lang,
    search: (query) => ask({ type: 'search', query, limit: 30, lang }),
    corpusInfo: () => ask({ type: 'corpusInfo' }),
    page: async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return { kind: 'unreadable' };
      tabId = tab.id;
      const reply: unknown = await tell({ type: 'pageEntities' }).catch(() => null);
      const page = readPageEntities(reply);
      if (!page) {
        const site = siteOfUrl(tab.url);
        const granted = site ? await browser.permissions.contains({ origins: sitePatterns(site) }) : false;
        return site && offersAllow(await readSettings(), site, granted) ? { kind: 'blocked', site } : { kind: 'unreadable' };
      }
      const cards = page.entities.length ? await ask({ type: 'cardsFor', ids: page.entities.map((e) => e.id) }) : [];
      return { kind: 'page', page: { hostname: page.hostname, enabled: page.enabled, rows: pageEntityRows(page, cards, lang) } };
    },
    allowSite: async (site) => {
      // First, inside the click: the browser shows its prompt only during the reader's gesture.
      const granted = await browser.permissions.request({ origins: sitePatterns(site) });
      if (!granted) return false;
      // The background chooses the site too when the grant reaches it, since the prompt may close
      // this popup first; choosing it starts the content script in the site's open tabs.
      const current = await readSettings();
      const next = withSiteChosen(current, site, true);
      if (next !== current) await browser.storage.local.set({ [SETTINGS_KEY]: parseSettings(next) });
      return true;
    },
    showEntity: async (id) => {
      await tell({ type: 'showEntity', id }).catch(() => {});
      window.close();
    },
    openReader: (hash) => void browser.tabs.create({ url: browser.runtime.getURL('/reader.html') + hash }),
    openOptions: () => void browser.runtime.openOptionsPage(),
    settings: {
      read: readSettings,
      write: (settings: Settings) => browser.storage.local.set({ [SETTINGS_KEY]: parseSettings(settings) }),
      watch: (fn) => {
        const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
          if (area === 'local' && SETTINGS_KEY in changes) fn(parseSettings(changes[SETTINGS_KEY]!.newValue));
        };
        browser.storage.onChanged.addListener(listener);
        return () => browser.storage.onChanged.removeListener(listener);
      },
    },
  };
  render(<Popup deps={deps} initialSettings={initial} />, document.getElementById('app')!);
}

void main();
