import path from 'node:path';
import { describe } from 'vitest';
import { REPO_ROOT, launchChromium, type ChromiumSession } from './harness/chromium';
import { playwrightDriver } from './harness/playwright-driver';
import { startServer, type StaticServer } from './harness/server';
import { FIXTURES } from './harness/suite';
import { registerCoreScenarios, type ScreenshotName } from './scenarios/core';

/** The screenshots of the README that these scenarios take in Chromium. */
const DOCS: Record<ScreenshotName, string> = {
  card: 'card-en.png',
  'options-summary': 'options-summary.png',
  'options-error': 'options-error.png',
};

describe('core reader scenarios (Chromium)', () => {
  let server: StaticServer;
  let chromium: ChromiumSession;
  registerCoreScenarios({
    async start() {
      server = await startServer(FIXTURES);
      chromium = await launchChromium();
      return playwrightDriver(chromium, server);
    },
    async stop() {
      await chromium?.close();
      await server?.close();
    },
    screenshotPath: (name) => path.join(REPO_ROOT, 'docs', DOCS[name]),
  });
});
