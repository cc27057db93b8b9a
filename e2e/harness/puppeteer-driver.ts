import type { Browser, Page } from 'puppeteer-core';
import { OPEN_PAGE_ACCEPTED_EVENT, OPEN_PAGE_EVENT } from '../../entrypoints/content/test-hooks';
import type { BrowserDriver, PageDriver, Viewport } from '../scenarios/driver';
import type { FirefoxSession } from './firefox';
import { CARD_FRAME_PATH } from './card';
import type { StaticServer } from './server';

/** Any fixture page: it only has to run the content script, which takes the open-page request. */
const LAUNCHER_FIXTURE = 'other-topic.html';

/** The scenarios' page interface over a puppeteer page. */
export function puppeteerPage(page: Page): PageDriver {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
  return {
    // Read from the page: puppeteer's record stays `about:blank` for tabs the extension opened.
    url: async () => page.evaluate('location.href') as Promise<string>,
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    async evaluateInCard<T>(expression: string) {
      // Found by the location it reports: puppeteer records `about:blank` for a frame showing a
      // `moz-extension://` page, as it does for tabs the extension opens.
      for (const frame of page.mainFrame().childFrames()) {
        const href = await frame.evaluate('location.href').catch(() => '');
        if (typeof href === 'string' && href.includes(CARD_FRAME_PATH)) return (await frame.evaluate(expression)) as T;
      }
      throw new Error(`no card frame in ${page.url()}`);
    },
    async waitFor(expression, what, timeout = 10_000) {
      try {
        await page.waitForFunction(expression, { timeout, polling: 50 });
      } catch (err) {
        throw new Error(`Timed out after ${timeout} ms waiting for ${what} on ${page.url()}`, { cause: err });
      }
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    clickAt: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
    type: (selector, text) => page.type(selector, text, { delay: 20 }),
    async uploadFile(selector, file) {
      const input = await page.$(selector);
      if (!input) throw new Error(`no ${selector} on ${page.url()}`);
      await (input as unknown as { uploadFile(...files: string[]): Promise<void> }).uploadFile(file);
    },
    screenshot: async (file) => {
      await page.screenshot({ path: file as `${string}.png` });
    },
    errors: () => errors.slice(),
    close: () => page.close(),
  };
}

/**
 * The page of a tab opened after `before` was taken whose location contains `urlPart`, once loaded.
 * Its location is read from the page itself: puppeteer's own record of a tab's URL stays at
 * `about:blank` when the extension opens a `moz-extension://` page (no navigation event reaches it).
 */
async function waitForTab(browser: Browser, before: Set<Page>, urlPart: string, timeout: number): Promise<Page> {
  const deadline = Date.now() + timeout;
  const seen: string[] = [];
  for (;;) {
    for (const page of await browser.pages()) {
      if (before.has(page) || page.isClosed()) continue;
      const href = await page.evaluate('document.readyState === "complete" ? location.href : ""').catch(() => '');
      if (typeof href === 'string' && href.includes(urlPart)) return page;
      if (href) seen.push(String(href));
    }
    if (Date.now() > deadline) throw new Error(`No new tab at ${urlPart} within ${timeout} ms; new tabs were at: ${JSON.stringify([...new Set(seen)])}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Loads the launcher fixture and asks its content script to open `path`, resending until the
 * script takes it. The content script is registered by the background once the add-on starts
 * (`lib/sites/registrar.ts`); a launcher loaded before that never gets one, so it is loaded again.
 */
async function askToOpen(launcher: Page, launcherUrl: string, path: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    await launcher.goto(launcherUrl, { waitUntil: 'load' });
    const taken = await launcher.evaluate(`new Promise((resolve) => {
      let taken = false;
      document.addEventListener(${JSON.stringify(OPEN_PAGE_ACCEPTED_EVENT)}, () => { taken = true; resolve(true); }, { once: true });
      const send = () => {
        if (taken) return;
        document.dispatchEvent(new CustomEvent(${JSON.stringify(OPEN_PAGE_EVENT)}, { detail: ${JSON.stringify(path)} }));
        if (!taken) setTimeout(send, 100);
      };
      send();
      setTimeout(() => taken || resolve(false), 3000);
    })`);
    if (taken) return;
    if (Date.now() > deadline) throw new Error('the content script never took the open-page request');
  }
}

/**
 * The scenarios' browser interface over Firefox. Extension pages cannot be opened by URL over
 * WebDriver BiDi; they are opened by the test build's content script (`entrypoints/content/test-hooks.ts`).
 */
export function puppeteerDriver(session: FirefoxSession, server: StaticServer): BrowserDriver {
  const { browser } = session;
  const opened: Page[] = [];
  const track = async (page: Page, viewport?: Viewport) => {
    opened.push(page);
    if (viewport) await page.setViewport(viewport);
    return page;
  };
  const driver: BrowserDriver = {
    name: 'Firefox',
    extensionOrigin: session.extensionOrigin,
    async openFixture(fixture, viewport) {
      const page = await track(await browser.newPage(), viewport);
      await page.goto(`${server.url}/${fixture}`, { waitUntil: 'load' });
      return puppeteerPage(page);
    },
    async openExtensionPage(path, viewport) {
      const launcher = await browser.newPage();
      try {
        const before = new Set(await browser.pages());
        const [page] = await Promise.all([waitForTab(browser, before, `${session.extensionOrigin}/${path}`, 20_000), askToOpen(launcher, `${server.url}/${LAUNCHER_FIXTURE}`, path)]);
        await track(page, viewport);
        return puppeteerPage(page);
      } finally {
        await launcher.close();
      }
    },
    async waitForNewTab(urlPart, action, timeout = 10_000) {
      const before = new Set(await browser.pages());
      const [page] = await Promise.all([waitForTab(browser, before, urlPart, timeout), action()]);
      opened.push(page);
      return puppeteerPage(page);
    },
    async closeTabs() {
      await Promise.all(opened.splice(0).map((p) => (p.isClosed() ? undefined : p.close())));
    },
  };
  return driver;
}
