import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { messagesVitePlugin } from '../lib/i18n/plugin.ts';

// End-to-end tests: real browsers driving the built extension (`npm run test:e2e` builds first).
export default defineConfig({
  // The tests format dates and counts with the interface's own messages.
  plugins: [messagesVitePlugin(fileURLToPath(new URL('../public/_locales', import.meta.url)))],
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time: the CI machine has two cores.
    fileParallelism: false,
    retry: 0,
  },
});
