import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../lib/settings/defaults';
import { CHROME_EXTENSION_DIR, REPO_ROOT, evaluateInContentWorld, launchChromium, openExtensionPage, type ChromiumSession } from './harness/chromium';
import { waitForHighlights, writeSettings, type WithChrome } from './harness/highlights';
import { attachToPopups, openRealPopup } from './harness/real-popup';
import { startServer, type StaticServer } from './harness/server';
import { EVERY_MENTION, FIXTURES } from './harness/suite';

const DOCS = path.join(REPO_ROOT, 'docs');

/** The match patterns of the registered content scripts, read from an extension page. */
function registeredMatches(extPage: Page): Promise<string[][]> {
  return extPage.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } } }).chrome;
    return (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.matches ?? []);
  });
}

/** Waits until the background has registered the content script for exactly `matches` (nothing: `[]`). */
async function waitForRegistration(extPage: Page, matches: string[][], timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = await registeredMatches(extPage);
    if (JSON.stringify(now) === JSON.stringify(matches)) return;
    if (Date.now() > deadline) throw new Error(`registered ${JSON.stringify(now)}, expected ${JSON.stringify(matches)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What a page shows of the extension: highlights registered, `hled` attributes, our elements. */
function traces(page: Page): Promise<{ highlights: number; attributes: number; elements: number }> {
  return page.evaluate(() => ({
    highlights: CSS.highlights.size,
    attributes: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^(data-)?hled/i.test(a.name))).length,
    elements: document.querySelectorAll('hled-card, [id^="hled"], [class^="hled"]').length,
  }));
}

/**
 * Whether the content script runs in `page`'s tab: it answers the popup's `pageEntities` question.
 * Asked from an extension page, which finds the tab by its URL (the test build may read it).
 */
async function scriptAnswers(extPage: Page, page: Page): Promise<boolean> {
  return extPage.evaluate(async (url) => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]>; sendMessage(id: number, m: object): Promise<unknown> } } }).chrome;
    const tabs = (await chrome.tabs.query({})).filter((t) => t.url === url);
    if (tabs.length !== 1) throw new Error(`${tabs.length} tabs at ${url}`);
    return chrome.tabs.sendMessage(tabs[0]!.id, { type: 'pageEntities' }).then(
      (reply) => reply !== undefined,
      () => false,
    );
  }, page.url());
}

/**
 * The page was never touched: nothing of the extension in it (no highlight registered, no
 * attribute, no element), and no content script answering in its tab. A page opened in a new tab
 * is also checked for the extension's isolated world, which appears only if a script was injected
 * within the 2 s after load (past `document_idle`). Not after a reload or a same-site navigation:
 * there Chromium recreates an empty isolated world in a document whose predecessor had the script
 * (seen in Chromium 156 with DevTools attached), though nothing runs in it.
 */
async function expectUntouched(page: Page, extPage: Page | null, { newTab }: { newTab: boolean }): Promise<void> {
  if (newTab) await expect(evaluateInContentWorld(page, () => 1, undefined, { timeout: 2000 })).rejects.toThrow(/No isolated world named "HLED Lens"/);
  else await page.waitForTimeout(2000);
  expect(await traces(page)).toEqual({ highlights: 0, attributes: 0, elements: 0 });
  if (extPage) expect(await scriptAnswers(extPage, page), 'the content script answers in the tab').toBe(false);
}

/**
 * "Only sites I choose" in the test build, which is installed with 127.0.0.1 and localhost granted
 * (a test cannot click the permission prompt): the fixture server is reached under both names, one
 * chosen and one not. The tests run in order; each starts where the previous one left off.
 */
describe('where it runs (Chromium, test build): all sites, then only sites I choose', () => {
  let server: StaticServer;
  let browser: ChromiumSession;
  let extPage: Page;
  let restoreAttach: () => void = () => {};
  const opened: Page[] = [];
  const track = (p: Page) => {
    opened.push(p);
    return p;
  };
  const localhost = (fixture: string) => `${server.url.replace('127.0.0.1', 'localhost')}/${fixture}`;
  const openAt = async (url: string): Promise<Page> => {
    const page = track(await browser.context.newPage());
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };

  beforeAll(async () => {
    restoreAttach = attachToPopups();
    server = await startServer(FIXTURES);
    browser = await launchChromium();
    extPage = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    await writeSettings(extPage, { ...EVERY_MENTION });
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => (p.isClosed() ? undefined : p.close())));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    restoreAttach();
  });

  it('runs everywhere it may in "all sites" mode, the default: both names of the server are annotated', async () => {
    await waitForRegistration(extPage, [['<all_urls>']]);
    for (const url of [`${server.url}/article-en.html`, localhost('article-en.html')]) {
      const page = await openAt(url);
      expect((await waitForHighlights(page)).map((r) => r.text)).toContain('Marcelo Ebrard');
      // The checks `expectUntouched` relies on see the script where it runs.
      expect(await evaluateInContentWorld(page, () => 1)).toBe(1);
      expect(await scriptAnswers(extPage, page)).toBe(true);
    }
  });

  it('switching to "only sites I choose" on the options page unregisters the script: no page is touched', async () => {
    const options = track(await openExtensionPage(browser.context, browser.extensionId, 'options.html'));
    await options.locator('#sites-chosen').check();
    await options.getByText('No site chosen yet: HLED Lens reads no page.').waitFor();
    await waitForRegistration(extPage, []);
    const stored = await options.evaluate(async () => (await (globalThis as WithChrome).chrome.storage.local.get('settings')).settings);
    expect(stored).toMatchObject({ sites: 'chosen', chosenSites: [] });
    await expectUntouched(await openAt(`${server.url}/article-en.html`), extPage, { newTab: true });
    await expectUntouched(await openAt(localhost('article-en.html')), extPage, { newTab: true });
  });

  it('"Allow on this site" in the popup chooses localhost and annotates the open tab without a reload (docs/popup-allow.png)', async () => {
    const article = await openAt(localhost('article-en.html'));
    await article.setViewportSize({ width: 1000, height: 700 });
    const popup = await openRealPopup(browser, article, track);
    await popup.getByText('HLED Lens runs only on the sites you choose, and localhost is not one of them.').waitFor();
    const allow = popup.getByRole('button', { name: 'Allow on this site' });
    await mkdir(DOCS, { recursive: true });
    await popup.locator('.popup').screenshot({ path: path.join(DOCS, 'popup-allow.png'), caret: 'hide', animations: 'disabled' });
    await allow.click();

    // The open tab is annotated where it stands; the popup follows it.
    expect((await waitForHighlights(article)).map((r) => r.text)).toContain('Marcelo Ebrard');
    await popup.waitForSelector('.page-entity');
    expect(await popup.locator('#site-switch').isChecked()).toBe(true);
    expect(await popup.locator('.switch-label').textContent()).toBe('Run on localhost');
    await waitForRegistration(extPage, [['*://*.localhost/*']]);
    expect(await extPage.evaluate(async () => (await (globalThis as WithChrome).chrome.storage.local.get('settings')).settings)).toMatchObject({
      sites: 'chosen',
      chosenSites: ['localhost'],
    });
  });

  it('the chosen site is annotated on every load, the other name of the same server is never touched', async () => {
    const chosen = await openAt(localhost('article-es.html'));
    expect((await waitForHighlights(chosen)).map((r) => r.text)).toContain('Marcelo Ebrard');
    expect(await scriptAnswers(extPage, chosen)).toBe(true);
    const other = await openAt(`${server.url}/article-es.html`);
    await expectUntouched(other, extPage, { newTab: true });
    // Opened over the unchosen page, the popup offers to allow it, and reads nothing there.
    const popup = await openRealPopup(browser, other, track);
    await popup.getByText('HLED Lens runs only on the sites you choose, and 127.0.0.1 is not one of them.').waitFor();
    await expectUntouched(other, extPage, { newTab: true });
  });

  it('"Stop on this site" (the switch, off) removes the highlights at once, unregisters, and a reload is untouched', async () => {
    const article = await openAt(localhost('article-en.html'));
    await waitForHighlights(article);
    const popup = await openRealPopup(browser, article, track);
    await popup.waitForSelector('.page-entity');
    await popup.locator('#site-switch').click();
    await waitForHighlights(article, { until: (r) => r.length === 0 });
    await popup.getByText('HLED Lens does not run on this site. Turn the switch on to allow it again.').waitFor();
    await waitForRegistration(extPage, []);
    expect(await extPage.evaluate(async () => (await (globalThis as WithChrome).chrome.storage.local.get('settings')).settings)).toMatchObject({ sites: 'chosen', chosenSites: [] });
    await article.reload({ waitUntil: 'load' });
    await expectUntouched(article, extPage, { newTab: false });
  });

  it('back to "all sites" (as the options page stores it once access is granted), every site is annotated again', async () => {
    await writeSettings(extPage, { ...EVERY_MENTION, sites: 'all', chosenSites: [] });
    await waitForRegistration(extPage, [['<all_urls>']]);
    const page = await openAt(`${server.url}/article-en.html`);
    expect((await waitForHighlights(page)).map((r) => r.text)).toContain('Marcelo Ebrard');
  });
});

/**
 * The production build: installed with no host access at all, it opens its first-run page and
 * reads no page until the reader allows it.
 */
describe('first run (Chromium, production build)', () => {
  let server: StaticServer;
  let browser: ChromiumSession;

  beforeAll(async () => {
    server = await startServer(FIXTURES);
    browser = await launchChromium({ extensionPath: CHROME_EXTENSION_DIR });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const welcomePage = async (): Promise<Page> => {
    const isWelcome = (p: Page) => p.url() === `chrome-extension://${browser.extensionId}/welcome.html`;
    const page = browser.context.pages().find(isWelcome) ?? (await browser.context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }));
    await page.waitForSelector('#choose-title');
    return page;
  };

  it('opens the first-run page on install, and touches no page before the reader answers it (docs/welcome.png)', async () => {
    const welcome = await welcomePage();
    expect(await welcome.locator('h1').textContent()).toBe('Welcome to HLED Lens');
    expect(await welcome.getByRole('button').allTextContents()).toEqual(['Allow on all sites', 'Only sites I choose', 'Open Options']);
    await welcome.setViewportSize({ width: 900, height: 760 });
    await mkdir(DOCS, { recursive: true });
    await welcome.screenshot({ path: path.join(DOCS, 'welcome.png'), caret: 'hide', animations: 'disabled' });

    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.url}/article-en.html`, { waitUntil: 'load' });
      // No extension page may read this tab's URL in the production build: the world check says it all.
      await expectUntouched(page, null, { newTab: true });
    } finally {
      await page.close();
    }
  });

  it('"Only sites I choose" stores the mode, registers nothing, and the options page shows it', async () => {
    const welcome = await welcomePage();
    await welcome.getByRole('button', { name: 'Only sites I choose' }).click();
    await welcome.getByText('Done: HLED Lens runs only on the sites you allow, from its toolbar button.').waitFor();
    const options = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    try {
      expect(await options.evaluate(async () => (await (globalThis as WithChrome).chrome.storage.local.get('settings')).settings)).toMatchObject({
        ...DEFAULT_SETTINGS,
        sites: 'chosen',
        chosenSites: [],
      });
      await waitForRegistration(options, []);
      expect(await options.locator('#sites-chosen').isChecked()).toBe(true);
      await options.getByText('No site chosen yet: HLED Lens reads no page.').waitFor();
    } finally {
      await options.close();
    }
  });
});
