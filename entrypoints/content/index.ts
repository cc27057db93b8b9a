import './style.css';
import { storage } from '#imports';
import { compileMatcher } from '@/lib/match';
import { Annotator } from '@/lib/highlight/annotator';
import { createClient } from '@/lib/client';
import type { Request } from '@/lib/messages';
import { DEFAULT_SETTINGS, isSiteEnabled, readSettings, type Settings } from '@/lib/settings/defaults';

const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: { ...DEFAULT_SETTINGS } });

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
    const ask = createClient((m: Request) => browser.runtime.sendMessage(m));
    let settings = readSettings(await settingsItem.getValue());
    let annotator: Annotator | null = null;

    const startAnnotating = async () => {
      const table = await ask({ type: 'matcherTable' });
      if (ctx.isInvalid || !table) return;
      annotator = new Annotator({ matcher: compileMatcher(table), types: new Set(settings.types) });
      await annotator.start();
    };
    const apply = async () => {
      const on = isSiteEnabled(settings, location.hostname);
      if (!on && annotator) {
        annotator.stop();
        annotator = null;
      } else if (on && !annotator) {
        await startAnnotating();
      } else annotator?.setTypes(new Set(settings.types));
    };

    const unwatch = settingsItem.watch((value) => {
      settings = readSettings(value);
      void apply();
    });
    ctx.onInvalidated(() => {
      unwatch();
      annotator?.stop();
    });
    await apply();
  },
});
