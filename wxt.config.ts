import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Gecko id: Firefox needs a stable add-on id for storage and for tests that pin the moz-extension UUID.
export const GECKO_ID = 'hled-lens@hled-lens.org';

export default defineConfig({
  modules: [],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'HLED Lens',
    description:
      'Instant, private context on the U.S.–Mexico High-Level Economic Dialogue in any news page.',
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0' } } }
      : {}),
  }),
});
