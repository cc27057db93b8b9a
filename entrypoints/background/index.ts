import { browser, type PublicPath } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
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
  // Install the built-in corpus (first run) or a newer one (update) without waiting for a request.
  void service.ready().catch((e: unknown) => console.error('store: start-up failed', e));
  // Alarms survive a worker restart but not every browser restart or extension update.
  void browser.alarms.get(UPDATE_ALARM).then((a) => (a ? undefined : updater.reschedule())).catch((e: unknown) => console.error('updates: scheduling failed', e));
});
