import path from 'node:path';
import { describe } from 'vitest';
import { REPO_ROOT } from '../harness/chromium';
import { launchFirefox, type FirefoxSession } from '../harness/firefox';
import { puppeteerDriver } from '../harness/puppeteer-driver';
import { startServer, type StaticServer } from '../harness/server';
import { FIXTURES } from '../harness/suite';
import { registerCoreScenarios } from '../scenarios/core';

describe('core reader scenarios (Firefox)', () => {
  let server: StaticServer;
  let firefox: FirefoxSession;
  registerCoreScenarios({
    async start() {
      server = await startServer(FIXTURES);
      firefox = await launchFirefox();
      return puppeteerDriver(firefox, server);
    },
    async stop() {
      await firefox?.close();
      await server?.close();
    },
    screenshotPath: (name) => (name === 'card' ? path.join(REPO_ROOT, 'docs', 'card-firefox.png') : null),
  });
});
