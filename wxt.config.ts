import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { buildBundle } from './lib/corpus/build';
import { readSeeds, sourceDateEpoch } from './lib/corpus/seeds-node';

// Gecko id: Firefox needs a stable add-on id for storage and for tests that pin the moz-extension UUID.
export const GECKO_ID = 'hled-lens@hled-lens.org';

export default defineConfig({
  modules: [],
  hooks: {
    // The extension ships the bundle built from `seeds/` at build time: never hand-edited, never
    // stale. A catalog error fails the build with the entity or field named.
    'build:publicAssets': (_wxt, files) => {
      const { json } = buildBundle(readSeeds(resolve(__dirname, 'seeds')), { sourceDateEpoch: sourceDateEpoch() });
      files.push({ relativeDest: 'corpus/builtin.json', contents: json });
    },
  },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'HLED Lens',
    description:
      'Instant, private context on the U.S.–Mexico High-Level Economic Dialogue in any news page.',
    permissions: ['storage'],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Go to the next highlight and open its card',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0' } } }
      : {}),
  }),
});
