import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import { launchChromium, openExtensionPage, type ChromiumSession, type LaunchOptions } from './chromium';
import { writeSettings } from './highlights';
import { startServer, type StaticServer } from './server';

export const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

/**
 * Settings of the suites that check detection: every accepted mention painted. Density (the first
 * mention per entity and section, the default) is display, checked on its own in `control.e2e.ts`.
 */
export const EVERY_MENTION = Object.freeze({ ...DEFAULT_SETTINGS, density: 'all' as const });

/** What a suite of page tests shares: one browser with the extension, the fixture server, an extension page. */
export interface ExtensionSuite {
  readonly server: StaticServer;
  readonly browser: ChromiumSession;
  /** An extension page kept open to write settings and send messages from. */
  readonly extPage: Page;
  /** Opens a fixture page in a new tab, closed after the test. */
  open(fixture: string, waitUntil?: 'load' | 'domcontentloaded'): Promise<Page>;
  /** Closes this page after the test. */
  track(page: Page): Page;
  /** The settings every test starts with. */
  readonly baseSettings: typeof DEFAULT_SETTINGS;
}

/**
 * Registers the shared set-up of a describe block: one Chromium with the built extension per
 * file, settings reset and tabs closed after each test.
 */
export function useExtensionSuite(extPagePath = 'options.html', baseSettings: typeof DEFAULT_SETTINGS = DEFAULT_SETTINGS, launch: LaunchOptions = {}): ExtensionSuite {
  let server: StaticServer;
  let browser: ChromiumSession;
  let extPage: Page;
  const opened: Page[] = [];
  beforeAll(async () => {
    server = await startServer(FIXTURES);
    browser = await launchChromium(launch);
    extPage = await openExtensionPage(browser.context, browser.extensionId, extPagePath);
    await writeSettings(extPage, { ...baseSettings });
  });
  afterEach(async () => {
    await writeSettings(extPage, { ...baseSettings });
    await Promise.all(opened.splice(0).map((p) => p.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server;
    },
    get browser() {
      return browser;
    },
    get extPage() {
      return extPage;
    },
    async open(fixture, waitUntil = 'load') {
      const page = await browser.context.newPage();
      opened.push(page);
      await page.goto(`${server.url}/${fixture}`, { waitUntil });
      return page;
    },
    baseSettings,
    track(page) {
      opened.push(page);
      return page;
    },
  };
}
