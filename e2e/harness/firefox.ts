import { stat } from 'node:fs/promises';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { GECKO_ID } from '../../wxt.config';
import { REPO_ROOT } from './chromium';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';
/** The test build (`HLED_TEST_BUILD=1 wxt build -b firefox`): it carries the hook that opens extension pages. */
export const FIREFOX_TEST_EXTENSION_DIR = path.join(REPO_ROOT, '.output', 'test', 'firefox-mv2');
/** The production build (`npm run build:firefox`). */
export const FIREFOX_EXTENSION_DIR = path.join(REPO_ROOT, '.output', 'firefox-mv2');
/**
 * Firefox gives each install of an add-on a random `moz-extension://` host; this pref pins it, so
 * the tests know the extension's origin before it is installed.
 */
export const EXTENSION_UUID = '6d1f0c2e-8b4a-4f3e-9a57-2c81b0e4d9a3';

export interface FirefoxSession {
  browser: Browser;
  /** `moz-extension://<uuid>` */
  extensionOrigin: string;
  close(): Promise<void>;
}

/**
 * Headless Firefox ESR driven over WebDriver BiDi, with the built add-on installed as a temporary
 * add-on (puppeteer removes its temporary profile on close).
 */
export async function launchFirefox(extensionPath = FIREFOX_TEST_EXTENSION_DIR): Promise<FirefoxSession> {
  try {
    await stat(path.join(extensionPath, 'manifest.json'));
  } catch {
    throw new Error(`No built add-on at ${extensionPath}: run \`npm run test:firefox\` (it builds it) first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // No network here: keep Firefox from trying to reach its services.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'extensions.getAddons.cache.enabled': false,
    },
  });
  try {
    const id = await browser.installExtension(path.resolve(extensionPath));
    if (id !== GECKO_ID) throw new Error(`installed add-on has id ${id}, expected ${GECKO_ID}`);
  } catch (err) {
    await browser.close();
    throw err;
  }
  return { browser, extensionOrigin: `moz-extension://${EXTENSION_UUID}`, close: () => browser.close() };
}
