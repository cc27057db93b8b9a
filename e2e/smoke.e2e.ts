import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openExtensionPage, type ChromiumSession } from './harness/chromium';
import { startServer, type StaticServer } from './harness/server';
import { FIXTURES } from './harness/suite';


describe('smoke: built extension in Chromium', () => {
  let server: StaticServer;
  let browser: ChromiumSession;

  beforeAll(async () => {
    server = await startServer(FIXTURES);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts the background service worker', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.serviceWorker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
  });

  it('opens the popup without page errors', async () => {
    const errors: string[] = [];
    const page = await browser.context.newPage();
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.waitForLoadState('load');
    // Let the UI mount and settle its first async work.
    await page.waitForTimeout(300);
    expect(page.url()).toBe(`chrome-extension://${browser.extensionId}/popup.html`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens extension pages through the helper', async () => {
    const page = await openExtensionPage(browser.context, browser.extensionId, '/popup.html');
    expect(await page.evaluate(() => document.readyState)).not.toBe('loading');
    await page.close();
  });

  it('runs the content script on a page served from 127.0.0.1', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/article-en.html`);
    await page.waitForFunction(
      () => CSS.highlights.has('hled-mention') && CSS.highlights.get('hled-mention')!.size > 0,
      undefined,
      { timeout: 15_000 },
    );
    // The content script runs in an isolated world, but the highlight registry belongs to the
    // document, so the page's main world sees the same ranges.
    // Highlights may hold live Ranges or StaticRanges (whose toString() is not their text).
    const mentions = await page.evaluate(() =>
      [...CSS.highlights.get('hled-mention')!].map((r) => {
        if (r instanceof Range) return r.toString();
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString();
      }),
    );
    expect(mentions).toContain('Marcelo Ebrard');
    await page.close();
  });
});
