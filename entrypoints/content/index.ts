import './style.css';
import { browser, type PublicPath } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { TAB_REQUEST_TYPES, createClient, type PageEntities, type TabRequest } from '@/lib/client';
import { Annotator, type PageMention } from '@/lib/highlight/annotator';
import { compileMatcher, type MatcherTable } from '@/lib/match';
import type { Request } from '@/lib/messages';
import { CORRECTIONS_KEY, addCorrection, correctionKey, correctionsFor, readCorrections } from '@/lib/settings/corrections';
import { SETTINGS_KEY, isSiteEnabled, readSettings } from '@/lib/settings/defaults';
import { uiLanguage } from '@/lib/i18n/language';
import type { CardLayer } from '@/components/card-layer';
import { installTestHooks } from './test-hooks';

/**
 * The cards (components/card-layer.ts and the view), built separately by `wxt.config.ts` and
 * web-accessible only through a per-session URL: imported once the page has a highlight.
 */
const CARD_UI = '/content-scripts/card-ui.js';
type CardModule = typeof import('@/components/card-layer');

/** Highlight names per style setting; `style.css` gives each its `::highlight()` look. */
const HIGHLIGHT_NAMES = { background: 'hled-mention', underline: 'hled-mention-underline' } as const;

export default defineContentScript({
  // Not in the manifest: the background registers this script on every site or on the sites the
  // reader chose (`lib/sites/registration.ts`, which also says where and when it runs: every frame,
  // at document_idle). Same-origin iframes are read like the page (embedded articles, live blogs);
  // frames of other origins (ads, players, social embeds) are left alone, see `isSameOriginFrame`.
  registration: 'runtime',
  async main(ctx) {
    if (!isSameOriginFrame(window)) return;
    const isTop = window === window.top;
    const ask = createClient((m: Request) => browser.runtime.sendMessage(m));
    // A constant: false in production builds, where this branch and the hooks are dropped.
    if (import.meta.env.HLED_TEST_BUILD) {
      installTestHooks((path) => void ask({ type: 'openPage', url: browser.runtime.getURL(`/${path}` as PublicPath) }).catch(() => {}), ctx.signal);
    }
    // Plain storage calls: a storage wrapper library would double this script's size.
    // The change listener is in place before the first read: a change made while the read is
    // under way (a reader switching a site off as the page loads) is never missed, and a read that
    // resolves after a change does not overwrite it with the older value.
    let changedWhileReading = { settings: false, corrections: false };
    const early = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local') return;
      if (SETTINGS_KEY in changes) changedWhileReading.settings = true;
      if (CORRECTIONS_KEY in changes) changedWhileReading.corrections = true;
    };
    browser.storage.onChanged.addListener(early);
    const stored = await browser.storage.local.get([SETTINGS_KEY, CORRECTIONS_KEY]);
    const fresh = changedWhileReading.settings || changedWhileReading.corrections ? await browser.storage.local.get([SETTINGS_KEY, CORRECTIONS_KEY]) : stored;
    browser.storage.onChanged.removeListener(early);
    changedWhileReading = { settings: false, corrections: false };
    let settings = readSettings(fresh[SETTINGS_KEY]);
    let corrections = correctionsFor(readCorrections(fresh[CORRECTIONS_KEY]), location.hostname);
    const suppressed = (table: MatcherTable) =>
      corrections.size ? (m: PageMention) => corrections.has(correctionKey(table.entities[m.entity]!.id, table.aliases[m.alias]!.text)) : undefined;
    let page: { annotator: Annotator; cards: () => Promise<CardLayer> | null; stop: AbortController; table: MatcherTable } | null = null;

    const startAnnotating = async () => {
      const table = await ask({ type: 'matcherTable' });
      if (ctx.isInvalid || !table) return;
      const stop = new AbortController();
      ctx.onInvalidated(() => stop.abort());
      // Created with the first highlight: until then the page has no card code and no listeners.
      let cards: Promise<CardLayer> | null = null;
      const cardLayer = () =>
        (cards ??= (import(/* @vite-ignore */ browser.runtime.getURL(CARD_UI as PublicPath)) as Promise<CardModule>).then(
          ({ CardLayer }) =>
            new CardLayer({
              annotator,
              table,
              ask,
              lang: () => uiLanguage(settings.language, navigator.language),
              hoverDelayMs: settings.hoverDelayMs,
              signal: stop.signal,
              saveCorrection: async (alias, entity) => {
                const list = readCorrections((await browser.storage.local.get(CORRECTIONS_KEY))[CORRECTIONS_KEY]);
                await browser.storage.local.set({ [CORRECTIONS_KEY]: addCorrection(list, { site: location.hostname, alias, entity, at: new Date().toISOString() }) });
              },
            }),
        ));
      const annotator = new Annotator({
        matcher: compileMatcher(table),
        types: new Set(settings.types),
        highlightName: HIGHLIGHT_NAMES[settings.highlightStyle],
        density: settings.density,
        suppressed: suppressed(table),
        onChange: (mentions) => {
          if (mentions.length && !stop.signal.aborted) void cardLayer().then((c) => c.prefetch(mentions)).catch(() => {});
        },
      });
      page = { annotator, cards: () => cards, stop, table };
      await annotator.start();
    };
    // Settings changes are applied one after another: a change that arrives while the page is
    // still being set up waits for it, then sees the page running and undoes it if needed.
    let applying: Promise<void> = Promise.resolve();
    const apply = () => {
      applying = applying.then(applyNow, applyNow);
      return applying;
    };
    const applyNow = async () => {
      const on = isSiteEnabled(settings, location.hostname);
      if (!on && page) {
        page.annotator.stop();
        page.stop.abort();
        page = null;
      } else if (on && !page) {
        await startAnnotating();
        // Starting waits on the background (a cold worker takes a while); a switch-off stored in
        // that time must win even if its change event was not seen, so the settings are read
        // again once and applied if they moved.
        const now = readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
        if (JSON.stringify(now) !== JSON.stringify(settings)) {
          settings = now;
          await applyNow();
        }
      } else if (page) {
        page.annotator.setTypes(new Set(settings.types));
        page.annotator.setHighlightName(HIGHLIGHT_NAMES[settings.highlightStyle]);
        page.annotator.setDensity(settings.density);
        void page.cards()?.then((c) => c.setHoverDelay(settings.hoverDelayMs));
      }
    };

    const pageEntities = (): PageEntities => {
      const counts = new Map<number, number>();
      for (const m of page?.annotator.mentions() ?? []) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
      const table = page?.table;
      return {
        hostname: location.hostname,
        enabled: isSiteEnabled(settings, location.hostname),
        entities: table ? [...counts].map(([i, count]) => ({ id: table.entities[i]!.id, type: table.entities[i]!.type, count })).sort((a, b) => b.count - a.count) : [],
      };
    };
    browser.runtime.onMessage.addListener((message: unknown) => {
      const msg = message as TabRequest | undefined;
      if (!msg || !TAB_REQUEST_TYPES.includes(msg.type)) return undefined;
      // Every frame of the tab gets tab messages: the keyboard command goes to the frame the
      // reader is in, the popup's questions to the top frame only (one answer per tab).
      if (msg.type === 'nextMention' && hasKeyboardFocus(isTop)) void page?.cards()?.then((c) => c.next());
      if (!isTop) return undefined;
      if (msg.type === 'pageEntities') return Promise.resolve(pageEntities());
      if (msg.type === 'showEntity' && typeof msg.id === 'string') {
        const id = msg.id;
        return page?.cards()?.then((c) => c.showEntity(id)) ?? Promise.resolve(false);
      }
      return undefined;
    });
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (CORRECTIONS_KEY in changes) {
        corrections = correctionsFor(readCorrections(changes[CORRECTIONS_KEY]!.newValue), location.hostname);
        if (page) page.annotator.setSuppressed(suppressed(page.table));
      }
      if (!(SETTINGS_KEY in changes)) return;
      settings = readSettings(changes[SETTINGS_KEY]!.newValue);
      void apply();
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => {
      browser.storage.onChanged.removeListener(onStorage);
      page?.annotator.stop();
    });
    await apply();
  },
});

/** True for the top frame and for frames of the top frame's origin. */
function isSameOriginFrame(w: Window): boolean {
  if (w === w.top) return true;
  try {
    return w.top!.location.origin === w.location.origin;
  } catch {
    return false; // A cross-origin parent cannot even be read.
  }
}

/** Whether this frame is where the keyboard is: the focused frame, or the top one when no frame has focus. */
function hasKeyboardFocus(isTop: boolean): boolean {
  const inChildFrame = document.activeElement?.tagName === 'IFRAME' || document.activeElement?.tagName === 'FRAME';
  if (isTop) return !document.hasFocus() || !inChildFrame;
  return document.hasFocus() && !inChildFrame;
}
