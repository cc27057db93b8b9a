import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askBackground, hoverMention, waitForCard } from './harness/card';
import { CHROME_EXTENSION_DIR } from './harness/chromium';
import { launchPlainChromium, waitForHighlights, type PlainChromium } from './harness/highlights';
import { FIXTURES, useExtensionSuite } from './harness/suite';

/**
 * Every network request the browser makes while a reader browses the fixture pages and uses the
 * popup, the options page and the reader, recorded with who made it. The extension's pages and
 * its service worker fetch only the extension's own files; the fixture pages request exactly
 * what they request in a browser without the extension (so the content script adds nothing);
 * and a web page has no channel to the extension.
 */

const suite = useExtensionSuite();

interface Seen {
  url: string;
  /** `worker` (the extension's service worker), `extension` (its pages), or `page` (a web page). */
  by: 'worker' | 'extension' | 'page';
}

function record(context: BrowserContext, log: Seen[]): () => void {
  const onRequest = (r: Request) => {
    let by: Seen['by'] = 'page';
    if (r.serviceWorker()) by = 'worker';
    else {
      try {
        if (r.frame().url().startsWith('chrome-extension://')) by = 'extension';
      } catch {
        // A request with no frame left (its page closed meanwhile) is counted as a page's.
      }
    }
    log.push({ url: r.url(), by });
  };
  context.on('request', onRequest);
  return () => context.off('request', onRequest);
}

const fixturePages = async () => (await readdir(FIXTURES)).filter((f) => f.endsWith('.html')).sort();

/** Opens each fixture page and lets it settle (the content script annotates, fetches card data). */
async function browse(context: BrowserContext, base: string, pages: string[]): Promise<void> {
  for (const f of pages) {
    const page = await context.newPage();
    await page.goto(`${base}/${f}`, { waitUntil: 'load' });
    await page.waitForTimeout(600);
    await page.close();
  }
}

/** A web page's own requests, without the extension's web-accessible files (the cards' module, the card's frame). */
const pageUrls = (log: Seen[]) =>
  [...new Set(log.filter((s) => s.by === 'page' && !/^chrome-extension:\/\/[a-z0-9-]+\/(content-scripts\/card-ui\.js|card-frame\.(html|js))(#.*)?$/.test(s.url)).map((s) => s.url))].sort();

describe('network requests', () => {
  const withExtension: Seen[] = [];
  const withoutExtension: Seen[] = [];
  let plain: PlainChromium;
  let pages: string[];
  beforeAll(async () => {
    pages = await fixturePages();
    plain = await launchPlainChromium();
  });
  afterAll(async () => {
    await plain?.close();
  });

  it('the extension makes none: its pages and worker fetch only its own files, and web pages fetch what they would without it', { timeout: 240_000 }, async () => {
    const own = `chrome-extension://${suite.browser.extensionId}/`;
    const stopRecording = record(suite.browser.context, withExtension);
    // The worker is stopped and restarted along the way (as Chrome does when it idles), so its
    // start-up is recorded too.
    await suite.browser.stopServiceWorker();
    expect((await askBackground(suite.extPage, { type: 'ping' })).ok).toBe(true);

    await browse(suite.browser.context, suite.server.url, pages);
    // A card on an article: the card module loads, card data comes by message.
    const article = await suite.open('article-en.html');
    await waitForHighlights(article);
    await hoverMention(article, 'Marcelo Ebrard');
    await waitForCard(article, 'Marcelo Ebrard');
    // The popup's search, the options page, the reader at a document and at a query.
    const popup = suite.track(await suite.browser.context.newPage());
    await popup.goto(`${own}popup.html`);
    await popup.locator('#q').pressSequentially('Ebrard', { delay: 20 });
    await popup.waitForSelector('[role="option"]');
    const options = suite.track(await suite.browser.context.newPage());
    await options.goto(`${own}options.html`);
    await options.waitForTimeout(800);
    const reader = suite.track(await suite.browser.context.newPage());
    await reader.goto(`${own}reader.html#q=Raimondo`);
    await reader.waitForTimeout(800);
    await reader.goto(`${own}reader.html#entity=marcelo-ebrard`);
    await reader.waitForTimeout(800);
    // A control, made by the test and not the extension: a fetch from the (restarted) worker is
    // seen and attributed to it, so the recorder is not blind to the worker. (Fetches of the
    // extension's own chrome-extension:// files are not network requests and are not reported.)
    const control = `${suite.server.url}/article-en.html?control`;
    const worker = suite.browser.context.serviceWorkers().find((w) => w.url().startsWith(own))!;
    expect(await worker.evaluate(`fetch(${JSON.stringify(control)}).then((r) => r.status)`)).toBe(200);
    await expect.poll(() => withExtension.some((s) => s.url === control && s.by === 'worker')).toBe(true);
    stopRecording();
    withExtension.splice(withExtension.findIndex((s) => s.url === control), 1);

    const stopPlain = record(plain.context, withoutExtension);
    await browse(plain.context, suite.server.url, pages);
    const plainArticle = await plain.context.newPage();
    await plainArticle.goto(`${suite.server.url}/article-en.html`);
    await plainArticle.waitForTimeout(600);
    await plainArticle.close();
    stopPlain();

    const byExtension = withExtension.filter((s) => s.by !== 'page');
    const elsewhere = byExtension.filter((s) => !s.url.startsWith(own));
    console.log(
      `privacy: ${JSON.stringify({ pages: pages.length, requests: withExtension.length, by_extension: byExtension.length, by_extension_elsewhere: elsewhere.length })}`,
    );
    expect(byExtension.filter((s) => s.by === 'extension').length).toBeGreaterThan(5);
    expect(elsewhere).toEqual([]);
    expect(pageUrls(withExtension)).toEqual(pageUrls(withoutExtension));
    expect(pageUrls(withExtension).length).toBeGreaterThan(pages.length - 1);
  });

  it('a web page has no channel to the extension', async () => {
    const page: Page = await suite.open('article-en.html');
    await waitForHighlights(page);
    const channel = await page.evaluate('({ runtime: typeof globalThis.chrome?.runtime, sendMessage: typeof globalThis.chrome?.runtime?.sendMessage, connect: typeof globalThis.chrome?.runtime?.connect, browser: typeof globalThis.browser })');
    expect(channel).toEqual({ runtime: 'undefined', sendMessage: 'undefined', connect: 'undefined', browser: 'undefined' });
    // Nothing of ours in the page's world either: no globals, no attributes, no elements before a hover.
    const traces = await page.evaluate("({ globals: Object.keys(window).filter((k) => /hled/i.test(k)), attributes: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^(data-)?hled/i.test(a.name))).length, elements: document.querySelectorAll('hled-card').length })");
    expect(traces).toEqual({ globals: [], attributes: 0, elements: 0 });
  });
});

describe('the manifest', () => {
  it('asks for the least the features need: no host access and no content script until the reader allows them, no external connections', async () => {
    const manifest = JSON.parse(await readFile(path.join(CHROME_EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.permissions).toEqual(['storage', 'activeTab', 'alarms', 'scripting']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_permissions).toBeUndefined();
    // Every site, one site, or one bundle host: all asked for at run time, all removable.
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    // Registered at run time on the sites allowed (`lib/sites/`), never declared.
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
    const text = JSON.stringify(manifest);
    for (const forbidden of ['"tabs"', 'history', 'cookies', 'webRequest', 'debugger', 'downloads', 'clipboardRead', 'nativeMessaging', 'management']) {
      expect(text, forbidden).not.toContain(forbidden);
    }
    // The cards' module and the card's frame (page and script), behind a per-session URL.
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['content-scripts/card-ui.js', 'card-frame.html', 'card-frame.js'], matches: ['<all_urls>'], use_dynamic_url: true }]);
  });

  it('the production build carries no test-only code (markers `hled-test`, `HLED_TEST`)', async () => {
    const files = (await readdir(CHROME_EXTENSION_DIR, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(5);
    const marked: string[] = [];
    for (const f of files) {
      const text = await readFile(path.join(f.parentPath, f.name), 'utf8');
      if (/hled-test|HLED_TEST/.test(text)) marked.push(path.relative(CHROME_EXTENSION_DIR, path.join(f.parentPath, f.name)));
    }
    expect(marked).toEqual([]);
  });
});
