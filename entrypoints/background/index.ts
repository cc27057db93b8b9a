import { browser, type PublicPath } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { SETTINGS_KEY } from '@/lib/settings/defaults';
import { parseSettings } from '@/lib/settings/schema';
import { SiteRegistrar } from '@/lib/sites/registrar';
import { CONTENT_SCRIPT_FILES } from '@/lib/sites/registration';
import { CorpusDb } from '@/lib/store/db';
import { createMessageListener, ownPageActions } from '@/lib/store/listener';
import { CorpusService } from '@/lib/store/service';
import { Updater } from '@/lib/store/updater';

/** Where the build puts the bundle made from `seeds/` (see `wxt.config.ts`). */
const BUILTIN_BUNDLE = '/corpus/builtin.json';
const BUILTIN_VERSION = '/corpus/builtin.version.json';
/** The one alarm that wakes the background for the next subscription check. */
const UPDATE_ALARM = 'corpus-update';

export default defineBackground(() => {
  const db = new CorpusDb();
  const service = new CorpusService({
    db,
    // Generated at build time, so WXT's list of public paths does not know it.
    loadBuiltin: async () => (await fetch(browser.runtime.getURL(BUILTIN_BUNDLE as PublicPath))).text(),
    builtinVersion: async () => ((await (await fetch(browser.runtime.getURL(BUILTIN_VERSION as PublicPath))).json()) as { corpusVersion?: string }).corpusVersion ?? null,
  });
  const updater = new Updater({
    db,
    corpus: service,
    fetch: (input, init) => fetch(input, init),
    schedule: async (when) => {
      if (when === null) await browser.alarms.clear(UPDATE_ALARM);
      else browser.alarms.create(UPDATE_ALARM, { when: Math.max(when, Date.now() + 1000) });
    },
    // A constant: production builds keep subscriptions to https only.
    allowLoopbackHttp: import.meta.env.HLED_TEST_BUILD === true,
  });
  const ext = { id: browser.runtime.id, origin: browser.runtime.getURL('/' as PublicPath) };
  const actions = ownPageActions(ext, (url) => browser.tabs.create({ url }));
  // Its reply is an async function's native Promise (a Dexie promise chain would arrive as
  // `undefined` in Chromium and Firefox). Only this extension's pages and content scripts reach
  // it (no `externally_connectable`); it checks the sender anyway, and what a content script may ask.
  browser.runtime.onMessage.addListener(createMessageListener(service, ext, actions, updater));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) void updater.checkNow(false).catch((e: unknown) => console.error('updates: check failed', e));
  });
  // The keyboard command goes to the tab it was pressed in; no `tabs` permission needed.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'next-mention' && tab?.id !== undefined) void browser.tabs.sendMessage(tab.id, { type: 'nextMention' }).catch(() => {});
  });
  // Where the content script runs: registered on every start (idempotent: a registration that is
  // right is left alone), followed through settings changes and granted access.
  const sites = new SiteRegistrar({
    scripting: browser.scripting,
    access: {
      contains: (origins) => browser.permissions.contains({ origins }),
      remove: (origins) => browser.permissions.remove({ origins }),
    },
    tabs: {
      // Host access to the site was just granted, so its tabs' URLs can be matched without `tabs`.
      matching: async (patterns) => (await browser.tabs.query({ url: patterns })).flatMap((t) => (t.id === undefined ? [] : [t.id])),
      isRunning: async (tabId) => (await browser.tabs.sendMessage(tabId, { type: 'pageEntities' }).catch(() => undefined)) !== undefined,
      inject: async (tabId) => {
        await browser.scripting.insertCSS({ target: { tabId, allFrames: true }, files: [...CONTENT_SCRIPT_FILES.css] });
        await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: CONTENT_SCRIPT_FILES.js.map((f) => `/${f}` as Extract<PublicPath, `${string}.js`>) });
      },
    },
    settings: {
      read: async () => parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]),
      write: (next) => browser.storage.local.set({ [SETTINGS_KEY]: parseSettings(next) }),
    },
  });
  browser.storage.onChanged.addListener((changes, area) => {
    const change = area === 'local' ? changes[SETTINGS_KEY] : undefined;
    if (change) void sites.settingsChanged(parseSettings(change.oldValue), parseSettings(change.newValue));
  });
  browser.permissions.onAdded.addListener(({ origins }) => void sites.originsAdded(origins ?? []));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void sites.sync();
    // The first-run page asks where to run. Not in test builds: they are installed with the
    // fixture server's hosts granted, and their tests open the page themselves.
    if (reason === 'install' && !import.meta.env.HLED_TEST_BUILD) void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.runtime.onStartup.addListener(() => void sites.sync());
  void sites.sync();
  // Install the built-in corpus (first run) or a newer one (update) without waiting for a request.
  void service.ready().catch((e: unknown) => console.error('store: start-up failed', e));
  // Alarms survive a worker restart but not every browser restart or extension update.
  void browser.alarms.get(UPDATE_ALARM).then((a) => (a ? undefined : updater.reschedule())).catch((e: unknown) => console.error('updates: scheduling failed', e));
});
