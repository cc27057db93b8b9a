import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { messagesVitePlugin } from './lib/i18n/plugin.ts';

export default defineConfig({
  plugins: [WxtVitest(), messagesVitePlugin(fileURLToPath(new URL('public/_locales', import.meta.url)))],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'eval/**/*.test.ts'],
    environment: 'node',
    // Dexie reads `indexedDB` when it is first imported: the fake must be installed before any test file loads.
    setupFiles: ['fake-indexeddb/auto'],
  },
});
