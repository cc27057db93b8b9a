import './style.css';
import { storage } from '#imports';
import { compileMatcher, matcherTableSchema } from '@/lib/match';
import { Annotator } from '@/lib/highlight/annotator';
import { createClient, type Request } from '@/lib/messages';
import { DEFAULT_SETTINGS, isSiteEnabled, parseSettings, type Settings } from '@/lib/settings';

const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
    const ask = createClient((m: Request) => browser.runtime.sendMessage(m));
    let settings = parseSettings(await settingsItem.getValue());
    let annotator: Annotator | null = null;

    const startAnnotating = async () => {
      const table = matcherTableSchema.parse(await ask({ type: 'matcherTable' }));
      if (ctx.isInvalid) return;
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
      settings = parseSettings(value);
      void apply();
    });
    ctx.onInvalidated(() => {
      unwatch();
      annotator?.stop();
    });
    await apply();
  },
});
