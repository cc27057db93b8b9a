import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { build as esbuild, transform } from 'esbuild';
import { readFileSync } from 'node:fs';
import { buildBundle } from './lib/corpus/build';
import { readSeeds, sourceDateEpoch } from './lib/corpus/seeds-node';
import { messagesEsbuildPlugin, messagesVitePlugin } from './lib/i18n/plugin';

// Gecko id: Firefox needs a stable add-on id for storage and for tests that pin the moz-extension UUID.
export const GECKO_ID = 'hled-lens@hled-lens.org';

/**
 * `HLED_TEST_BUILD=1` makes a test build: it carries what end-to-end tests need and the product
 * must never ship (subscriptions to http://127.0.0.1, whose test server has no certificate; the
 * hook that opens extension pages in Firefox, `entrypoints/content/test-hooks.ts`), and goes to
 * `.output/test/` so it never stands where a release build is zipped from. The flag reaches the
 * code as `import.meta.env.HLED_TEST_BUILD`, a constant, so a production build drops those
 * branches entirely (`e2e/subscription.e2e.ts` checks the production build refuses http;
 * `e2e/firefox/build-flags.firefox.ts` checks the shipped files for any test-only name).
 */
const TEST_BUILD = process.env.HLED_TEST_BUILD === '1';
/**
 * Host access a test build is installed with: the end-to-end fixture server (127.0.0.1, also
 * reached as localhost), in the form of `lib/sites/patterns.ts`, so the popup's "Allow on this
 * site" finds it granted and needs no prompt.
 */
const TEST_HOSTS = ['*://127.0.0.1/*', '*://*.localhost/*'];

/** What a web page may load from the extension: the cards' module, and the card's frame. */
const CARD_RESOURCES = ['content-scripts/card-ui.js', 'card-frame.html', 'card-frame.js'] as const;

/** The message files the extension ships, which the interface reads too (`lib/i18n/plugin.ts`). */
const LOCALES_DIR = resolve(__dirname, 'public/_locales');

export default defineConfig({
  modules: [],
  // Explicit imports everywhere: auto-imports pulled Preact into the content script through the
  // scanned components/ folder, and explicit imports say where each name comes from.
  imports: false,
  outDir: TEST_BUILD ? '.output/test' : '.output',
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      // WXT takes the toolbar button's title from the popup's <title>, which a page cannot localize;
      // the manifest's title is read from the message files in the browser's language instead.
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_ext_actionTitle__';
      // The content script is registered at run time (`registration: 'runtime'`); WXT still writes
      // an empty `content_scripts` list, which would only puzzle a reader of the manifest.
      if (Array.isArray(manifest.content_scripts) && manifest.content_scripts.length === 0) delete manifest.content_scripts;
    },
    // The extension ships the bundle built from `seeds/` at build time: never hand-edited, never
    // stale. A catalog error fails the build with the entity or field named.
    'build:publicAssets': async (wxt, files) => {
      const { json, bundle } = buildBundle(readSeeds(resolve(__dirname, 'seeds')), { sourceDateEpoch: sourceDateEpoch() });
      files.push({ relativeDest: 'corpus/builtin.json', contents: json });
      // Its version alone, so a restarting service worker can tell whether an update shipped a
      // newer corpus without reading the bundle.
      files.push({ relativeDest: 'corpus/builtin.version.json', contents: `${JSON.stringify({ corpusVersion: bundle.corpusVersion })}\n` });
      // The cards' hover and keyboard handling, as an ES module the content script imports once a
      // page has highlights, so pages without any pay only for the matcher (components/card-layer.ts);
      // and the card's view, the script of the extension page the card is shown in (card-frame.html,
      // components/card-frame/main.tsx). Each is one file: in Chrome a web-accessible resource with
      // a per-session URL, whose imports would have to be listed and reachable the same way.
      const bundleScript = (entry: string) =>
        esbuild({
          entryPoints: [resolve(__dirname, entry)],
          bundle: true,
          format: 'esm',
          write: false,
          minify: wxt.config.mode === 'production',
          target: 'es2022',
          jsx: 'automatic',
          jsxImportSource: 'preact',
          alias: { '@': __dirname },
          loader: { '.css': 'text' },
          define: { 'import.meta.env.HLED_TEST_BUILD': JSON.stringify(TEST_BUILD) },
          plugins: [
            messagesEsbuildPlugin(LOCALES_DIR),
            // Vite's `?inline` CSS import, read as text (minified: it ships as a string).
            {
              name: 'css-inline',
              setup(b) {
                b.onResolve({ filter: /\.css\?inline$/ }, (a) => ({ path: resolve(a.resolveDir, a.path.replace(/\?inline$/, '')), namespace: 'css-inline' }));
                b.onLoad({ filter: /.*/, namespace: 'css-inline' }, async (a) => {
                  const css = await transform(readFileSync(a.path, 'utf8'), { loader: 'css', minify: wxt.config.mode === 'production' });
                  return { contents: css.code, loader: 'text' };
                });
              },
            },
          ],
          legalComments: 'none',
        }).then((r) => r.outputFiles[0]!.text);
      const [layer, frame] = await Promise.all([bundleScript('components/card-layer.ts'), bundleScript('components/card-frame/main.tsx')]);
      files.push({ relativeDest: 'content-scripts/card-ui.js', contents: layer });
      files.push({ relativeDest: 'card-frame.js', contents: frame });
    },
  },
  vite: () => ({ plugins: [preact(), messagesVitePlugin(LOCALES_DIR)], define: { 'import.meta.env.HLED_TEST_BUILD': JSON.stringify(TEST_BUILD) } }),
  manifest: ({ browser }) => ({
    // Read from public/_locales/<lang>/messages.json in the browser's language.
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    // activeTab: the popup talks to the tab it was opened on; never the `tabs` permission.
    // alarms: the daily corpus update check of a subscription.
    // scripting: the content script is registered at run time, on every site or on the chosen
    // ones (`lib/sites/`), and started in a tab whose site the reader just allowed.
    permissions: ['storage', 'activeTab', 'alarms', 'scripting', ...(TEST_BUILD && browser === 'firefox' ? TEST_HOSTS : [])],
    // No host access up front: every site (`<all_urls>`, asked on the first-run page or the options
    // page), one site (the popup's "Allow on this site"), or one bundle or subscription host (the
    // options page, when the server does not allow CORS) is asked for at run time, and can be
    // given back: Chromium refuses to remove host access the manifest requires. Firefox's MV2
    // manifest has no `optional_host_permissions`: there, origins go in `optional_permissions`.
    ...(browser === 'firefox' ? { optional_permissions: ['<all_urls>'] } : { optional_host_permissions: ['<all_urls>'] }),
    // Test builds only: the fixture server's hosts, granted at install, since a test cannot click
    // the browser's permission prompt. The production manifest has none (`e2e/privacy.e2e.ts`).
    ...(TEST_BUILD && browser !== 'firefox' ? { host_permissions: TEST_HOSTS } : {}),
    // Only the cards' module and the card's frame (its page and script), and in Chrome only through
    // a URL that changes every session, so a web page cannot probe for the extension. Firefox's MV2
    // form is a plain list and has no `use_dynamic_url`; its `moz-extension://` host is already a
    // random UUID per install.
    web_accessible_resources:
      browser === 'firefox'
        ? [...CARD_RESOURCES]
        : [{ resources: [...CARD_RESOURCES], matches: ['<all_urls>'], use_dynamic_url: true }],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_ext_commandNextMention__',
      },
    },
    // The card is placed by CSS anchor positioning (components/card.css): Chrome 129 and Firefox
    // 147 are the first with all of it (position-area, anchor() in insets, position-try-fallbacks).
    // Firefox also needs 140 for the CSS Custom Highlight API the highlights are painted with.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '147.0', data_collection_permissions: { required: ['none'] } } } }
      : { minimum_chrome_version: '129' }),
  }),
});
