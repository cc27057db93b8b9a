import type { PublicPath } from 'wxt/browser';
import { isOwnSender } from '@/lib/client';
import { CorpusDb } from '@/lib/store/db';
import { handleRequest } from '@/lib/store/handle';
import { CorpusService } from '@/lib/store/service';

/** Where the build puts the bundle made from `seeds/` (see `wxt.config.ts`). */
const BUILTIN_BUNDLE = '/corpus/builtin.json';

export default defineBackground(() => {
  const service = new CorpusService({
    db: new CorpusDb(),
    // Generated at build time, so WXT's list of public paths does not know it.
    loadBuiltin: async () => (await fetch(browser.runtime.getURL(BUILTIN_BUNDLE as PublicPath))).text(),
  });
  // An async function: its native Promise is the reply (a Dexie promise chain would arrive as
  // `undefined` in Chromium and Firefox).
  browser.runtime.onMessage.addListener(async (message: unknown, sender) => {
    if (!isOwnSender(sender, browser.runtime.id)) return { ok: false, error: 'messages: sender is not this extension' };
    return handleRequest(service, message);
  });
  // Install the built-in corpus (first run) or a newer one (update) without waiting for a request.
  void service.ready().catch((e: unknown) => console.error('store: start-up failed', e));
});
