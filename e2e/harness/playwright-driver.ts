import type { Page } from 'playwright-core';
import type { BrowserDriver, PageDriver, Viewport } from '../scenarios/driver';
import type { ChromiumSession } from './chromium';
import { cardFrame } from './card';
import type { StaticServer } from './server';

/** The scenarios' page interface over a Playwright page. */
export function playwrightPage(page: Page): PageDriver {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    url: async () => page.url(),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    async evaluateInCard<T>(expression: string) {
      const frame = cardFrame(page);
      if (!frame) throw new Error(`no card frame in ${page.url()}`);
      return (await frame.evaluate(expression)) as T;
    },
    // Polls with `evaluate`: `waitForFunction` with a string compiles it in the page with `eval`,
    // which the extension pages' CSP (`script-src 'self'`) refuses.
    async waitFor(expression, what, timeout = 10_000) {
      const deadline = Date.now() + timeout;
      let last: unknown;
      for (;;) {
        try {
          if (await page.evaluate(expression)) return;
        } catch (err) {
          last = err;
        }
        if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what} on ${page.url()}`, { cause: last });
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    clickAt: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    type: (selector, text) => page.locator(selector).pressSequentially(text, { delay: 20 }),
    uploadFile: (selector, file) => page.setInputFiles(selector, file),
    screenshot: async (file) => {
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    },
    errors: () => errors.slice(),
    close: () => page.close(),
  };
}

/** The scenarios' browser interface over the Chromium session the other suites use. */
export function playwrightDriver(browser: ChromiumSession, server: StaticServer): BrowserDriver {
  const opened: Page[] = [];
  const track = async (page: Page, viewport?: Viewport) => {
    opened.push(page);
    if (viewport) await page.setViewportSize(viewport);
    return page;
  };
  return {
    name: 'Chromium',
    extensionOrigin: `chrome-extension://${browser.extensionId}`,
    async openFixture(fixture, viewport) {
      const page = await track(await browser.context.newPage(), viewport);
      await page.goto(`${server.url}/${fixture}`, { waitUntil: 'load' });
      return playwrightPage(page);
    },
    async openExtensionPage(path, viewport) {
      const page = await track(await browser.context.newPage(), viewport);
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`, { waitUntil: 'load' });
      return playwrightPage(page);
    },
    async waitForNewTab(urlPart, action, timeout = 10_000) {
      const [page] = await Promise.all([browser.context.waitForEvent('page', { timeout }), action()]);
      opened.push(page);
      await page.waitForURL((u) => u.href.includes(urlPart), { timeout });
      await page.waitForLoadState('load');
      return playwrightPage(page);
    },
    async closeTabs() {
      await Promise.all(opened.splice(0).map((p) => (p.isClosed() ? undefined : p.close())));
    },
  };
}
