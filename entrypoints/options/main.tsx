import './style.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CorpusSection } from '@/components/options/CorpusSection';
import { CorrectionsSection } from '@/components/options/CorrectionsSection';
import { CORRECTIONS_KEY, readCorrections, removeCorrection, type Correction } from '@/lib/settings/corrections';
import { ImportSection } from '@/components/options/ImportSection';
import { SettingsSection } from '@/components/options/SettingsSection';
import { SitesSection, type SitesNotice } from '@/components/options/SitesSection';
import { SubscriptionSection } from '@/components/options/SubscriptionSection';
import { TrustedKeysSection } from '@/components/options/TrustedKeysSection';
import { createClient } from '@/lib/client';
import type { CorpusInfo, EntityCard, ReplyValues, Request } from '@/lib/messages';
import type { SubscriptionStatus } from '@/lib/store/updater';
import { SETTINGS_KEY, type Settings } from '@/lib/settings/defaults';
import { parseSettings } from '@/lib/settings/schema';
import { uiLanguage } from '@/lib/i18n/language';
import { optionsText } from '@/lib/i18n/options';
import { errorText } from '@/lib/ui/error-text';
import { withSiteChosen } from '@/lib/sites/choice';
import { ALL_URLS, sitePatterns } from '@/lib/sites/patterns';
import { switchMode, type AccessPort } from '@/lib/sites/switch-mode';

const ask = createClient((m: Request) => browser.runtime.sendMessage(m));

const fetchDeps = {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  // Optional host permission for that one origin, asked only when CORS refuses.
  requestOrigin: (origin: string) => browser.permissions.request({ origins: [origin] }),
};

const access: AccessPort = {
  contains: (origins) => browser.permissions.contains({ origins }),
  request: (origins) => browser.permissions.request({ origins }),
  remove: (origins) => browser.permissions.remove({ origins }),
};

/**
 * Whether the server answers a CORS request the way every update check makes it (with the header
 * it sends, so the server's answer to the CORS preflight is tested too). Only meaningful without
 * host access to the server: with it, the browser lets the request through whatever the server says.
 */
async function corsAllows(url: string): Promise<boolean> {
  try {
    await fetch(url, { mode: 'cors', credentials: 'omit', cache: 'no-store', headers: { 'If-None-Match': '"hled-probe"' }, signal: AbortSignal.timeout(3000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * The background fetches a subscription on its own schedule, so it needs the server to allow
 * CORS, or a host permission for that origin: asked now (a click is needed to ask), only when a
 * CORS request fails.
 */
async function ensureAccess(url: string): Promise<boolean> {
  return (await corsAllows(url)) || browser.permissions.request({ origins: [`${new URL(url).origin}/*`] });
}

function Options({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  const lang = uiLanguage(settings.language, navigator.language);
  const t = optionsText(lang);
  const [info, setInfo] = useState<CorpusInfo | null>(null);
  const [history, setHistory] = useState<ReplyValues['history'] | null>(null);
  const [subscription, setSubscription] = useState<SubscriptionStatus | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [corrections, setCorrections] = useState<Correction[]>([]);
  const [names, setNames] = useState<Map<string, EntityCard['name']>>(new Map());
  // Host access as the browser has it now, so a click can ask without awaiting anything first.
  const [allGranted, setAllGranted] = useState(false);
  const [withoutAccess, setWithoutAccess] = useState<ReadonlySet<string>>(new Set());
  const [sitesNotice, setSitesNotice] = useState<SitesNotice>(null);
  // The notice is a key or a raw error, put in words when shown, so it follows a language change.
  const [notice, setNotice] = useState<{ saved: true } | { error: string } | null>(null);

  const refresh = async () => {
    const [i, h, sub] = await Promise.all([ask({ type: 'corpusInfo' }), ask({ type: 'history' }), ask({ type: 'subscriptionStatus' })]);
    setInfo(i);
    setHistory(h);
    setSubscription(sub);
  };
  const onSubscriptionChanged = (status: SubscriptionStatus) => {
    setSubscription(status);
    // A check may have applied a new corpus.
    void refresh();
  };
  useEffect(() => {
    // Corrections are made in cards on pages: follow them while the page is open.
    const load = async (raw: unknown) => {
      const list = readCorrections(raw);
      setCorrections(list);
      const ids = [...new Set(list.map((c) => c.entity))];
      if (ids.length) setNames(new Map((await ask({ type: 'cardsFor', ids })).map((c) => [c.id, c.name])));
    };
    void browser.storage.local.get(CORRECTIONS_KEY).then((r) => load(r[CORRECTIONS_KEY]));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && CORRECTIONS_KEY in changes) void load(changes[CORRECTIONS_KEY]!.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  useEffect(() => {
    // Settings also change elsewhere: the popup chooses sites, the background records a grant.
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) setSettings(parseSettings(changes[SETTINGS_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  useEffect(() => {
    // What the browser grants moves with prompts here, in the popup, and in the browser's own settings.
    const check = async () => {
      setAllGranted(await access.contains([ALL_URLS]));
      const missing = await Promise.all(settings.chosenSites.map(async (site) => ((await access.contains(sitePatterns(site))) ? null : site)));
      setWithoutAccess(new Set(missing.filter((x): x is string => x !== null)));
    };
    void check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [settings.chosenSites.join('\n')]);
  useEffect(() => {
    void refresh();
    void browser.commands.getAll().then((all) => setShortcut(all.find((c) => c.name === 'next-mention')?.shortcut ?? null));
    document.documentElement.lang = lang;
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('options_title');
  }, [lang]);

  const save = async (change: Partial<Settings>) => {
    const next = parseSettings({ ...settings, ...change });
    setSettings(next);
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    setNotice({ saved: true });
  };
  // Called straight from the click: `switchMode` asks the browser before it awaits anything.
  const chooseMode = (mode: Settings['sites']) => {
    setSitesNotice(null);
    const subscribed = subscription?.subscription?.url;
    void switchMode(mode, {
      access,
      settings,
      allSitesGranted: allGranted,
      // A subscription's host may have been readable only through every site: kept when it does not allow CORS.
      keep: async () => (subscribed && !(await corsAllows(subscribed)) ? [`${new URL(subscribed).origin}/*`] : []),
      save: (next) => save(next),
    }).then(
      (r) => setSitesNotice(!r.switched ? 'refusedAll' : r.missing.length ? 'missing' : null),
      (e: unknown) => setNotice({ error: (e as Error).message }),
    );
  };
  const runCorpusAction = async (question: string, type: 'restorePrevious' | 'resetToBuiltin') => {
    if (!confirm(question)) return;
    try {
      await ask({ type });
      await refresh();
    } catch (e) {
      setNotice({ error: (e as Error).message });
    }
  };
  const exportCorpus = async () => {
    const json = await ask({ type: 'exportBundle' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    a.download = `hled-corpus-${info?.corpusVersion ?? 'export'}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  const changeShortcut = () => {
    const firefox = (browser.commands as { openShortcutSettings?: () => Promise<void> }).openShortcutSettings;
    if (firefox) void firefox();
    else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  };

  return (
    <main>
      <h1>{t('options_title')}</h1>
      <CorpusSection
        lang={lang}
        info={info}
        history={history}
        onRestore={() => void runCorpusAction(t('options_confirmRestore', { version: history?.previous?.corpusVersion ?? '' }), 'restorePrevious')}
        onReset={() => void runCorpusAction(t('options_confirmReset'), 'resetToBuiltin')}
        onExport={() => void exportCorpus()}
      />
      <SubscriptionSection
        lang={lang}
        status={subscription}
        ask={ask}
        ensureAccess={ensureAccess}
        allowLoopbackHttp={import.meta.env.HLED_TEST_BUILD === true}
        onChanged={onSubscriptionChanged}
      />
      <ImportSection lang={lang} activeVersion={info?.corpusVersion ?? null} ask={ask} fetchDeps={fetchDeps} onChanged={() => void refresh()} />
      <TrustedKeysSection lang={lang} keys={subscription?.keys ?? []} ask={ask} onChanged={onSubscriptionChanged} />
      <SitesSection
        lang={lang}
        settings={settings}
        allGranted={allGranted}
        withoutAccess={withoutAccess}
        notice={sitesNotice}
        onMode={chooseMode}
        onAllowSite={(site) => void access.request(sitePatterns(site)).catch(() => false)}
        onStopSite={(site) => void save(withSiteChosen(settings, site, false))}
      />
      <SettingsSection lang={lang} settings={settings} shortcut={shortcut} onChange={(c) => void save(c)} onChangeShortcut={changeShortcut} />
      <CorrectionsSection
        lang={lang}
        corrections={corrections}
        nameOf={(id) => names.get(id)?.[lang] ?? id}
        onUndo={(c) => void browser.storage.local.set({ [CORRECTIONS_KEY]: removeCorrection(corrections, c) })}
      />
      <p class="notice" role="status">
        {notice && 'saved' in notice ? t('options_saved') : notice?.error !== undefined ? errorText(notice.error, lang) : null}
      </p>
    </main>
  );
}

async function main() {
  const initial = parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  render(<Options initial={initial} />, document.getElementById('app')!);
}

void main();
