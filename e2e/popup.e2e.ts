import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../lib/settings/defaults';
import { formatRange } from '../lib/ui/format';
import { askBackground, waitForCard } from './harness/card';
import { REPO_ROOT, launchChromium, openExtensionPage, type ChromiumSession } from './harness/chromium';
import { isDark, pageColours } from './harness/colours';
import { waitForHighlights, writeSettings, type WithChrome } from './harness/highlights';
import { attachToPopups, openRealPopup as openRealPopupOver } from './harness/real-popup';
import { startServer, type StaticServer } from './harness/server';
import { FIXTURES } from './harness/suite';

const DOCS = path.join(REPO_ROOT, 'docs');
/** About the size of the toolbar popup (380 px wide); a page opened as a tab gets this viewport. */
const POPUP_VIEWPORT = { width: 400, height: 600 };

/** Entities of `article-en.html` and how often the page names each (the table in highlight.e2e.ts). */
const ARTICLE_EN_COUNTS: Record<string, number> = {
  'marcelo-ebrard': 4,
  hled: 2,
  'ken-salazar': 2,
  'gina-raimondo': 1,
  'chips-and-science-act': 1,
  'ventanilla-unica-de-inversion': 1,
  cofepris: 1,
  usaid: 1,
  'sembrando-oportunidades': 1,
  'otay-mesa-poe': 1,
};

interface Catalog {
  documents: { id: string; title: string; date: string }[];
  entities: { id: string; name: { en: string; es: string }; roles?: { title_en: string; title_es: string; from: string; to: string | null }[] }[];
}

/** What the popup shows for a search, read from its listbox. */
interface ShownResults {
  entities: { name: string; kind: string; role: string | null; selected: boolean }[];
  groups: {
    datetime: string | null;
    dateText: string;
    title: string;
    passages: { id: string; text: string; marks: string[]; lang: string | null }[];
    more: string | null;
  }[];
}

function readResults(page: Page): Promise<ShownResults> {
  return page.evaluate(() => {
    const text = (el: Element | null | undefined) => (el?.textContent ?? '').trim();
    const box = document.getElementById('results');
    const groups = [...(box?.querySelectorAll('[role="group"]') ?? [])];
    return {
      entities: [...(box?.querySelectorAll('[role="option"].entity') ?? [])].map((o) => ({
        name: text(o.querySelector('.name')),
        kind: text(o.querySelector('.kind')),
        role: o.querySelector('.role') ? text(o.querySelector('.role')) : null,
        selected: o.getAttribute('aria-selected') === 'true',
      })),
      groups: groups
        .filter((g) => g.querySelector('time'))
        .map((g) => ({
          datetime: g.querySelector('time')!.getAttribute('datetime'),
          dateText: text(g.querySelector('time')),
          title: text(g.querySelector('.title')),
          passages: [...g.querySelectorAll('[role="option"].passage')].map((o) => ({
            id: o.id,
            text: text(o),
            marks: [...o.querySelectorAll('mark')].map((m) => text(m)),
            lang: o.getAttribute('lang'),
          })),
          more: g.querySelector('[role="option"].more') ? text(g.querySelector('[role="option"].more')) : null,
        })),
    };
  });
}

/** Types `query` into the search box and waits until the results for it are on screen. */
async function search(page: Page, query: string, label = `Results for “${query}”`): Promise<ShownResults> {
  await page.fill('#q', '');
  await page.locator('#q').pressSequentially(query, { delay: 20 });
  await page.waitForSelector(`[role="listbox"][aria-label="${label}"]`, { timeout: 10_000 });
  return readResults(page);
}

describe('toolbar popup (Chromium)', () => {
  let server: StaticServer;
  let browser: ChromiumSession;
  let catalog: Catalog;
  let restoreAttach: () => void = () => {};
  const opened: Page[] = [];

  const openPopupTab = async (): Promise<Page> => {
    const page = await browser.context.newPage();
    opened.push(page);
    await page.setViewportSize(POPUP_VIEWPORT);
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.waitForSelector('#q');
    return page;
  };
  const openArticle = async (fixture: string): Promise<Page> => {
    const page = await browser.context.newPage();
    opened.push(page);
    await page.goto(`${server.url}/${fixture}`, { waitUntil: 'load' });
    return page;
  };
  const openRealPopup = (tab: Page): Promise<Page> => openRealPopupOver(browser, tab, (p) => opened.push(p));

  beforeAll(async () => {
    catalog = JSON.parse(await readFile(path.join(REPO_ROOT, 'seeds', 'catalog.json'), 'utf8')) as Catalog;
    restoreAttach = attachToPopups();
    server = await startServer(FIXTURES);
    browser = await launchChromium();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => (p.isClosed() ? undefined : p.close())));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    restoreAttach();
  });

  const documentById = (id: string) => catalog.documents.find((d) => d.id === id)!;

  it('keeps the results of the last query on screen until the next ones arrive, and shows the newest', async () => {
    const page = await openPopupTab();
    await search(page, 'Ebrard');
    // Type on: every keystroke leaves the Ebrard results in place; never an empty list between.
    const counts = await page.evaluate(async () => {
      const input = document.getElementById('q') as HTMLInputElement;
      const seen: number[] = [];
      const observer = new MutationObserver(() => seen.push(document.querySelectorAll('#results [role="option"]').length));
      observer.observe(document.body, { childList: true, subtree: true });
      for (const q of ['Ebrard ', 'Ebrard S', 'Salazar']) {
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 30));
      }
      await new Promise((r) => setTimeout(r, 1000));
      observer.disconnect();
      return seen;
    });
    expect(counts.every((n) => n > 0), `option counts seen: ${counts.join(',')}`).toBe(true);
    await page.waitForSelector('[role="listbox"][aria-label="Results for “Salazar”"]');
    expect((await readResults(page)).entities[0]!.name).toBe('Ken Salazar');
  });

  it('"Sowing Opportunities" finds the Sembrando Oportunidades passages, and the other way round', async () => {
    const page = await openPopupTab();
    // The 2024 article names the program only in Spanish; the English name finds it.
    const onlySpanish = documentById('003_873696eabc50322f');
    const english = await search(page, 'Sowing Opportunities');
    expect(english.entities[0]!.name).toBe('Sembrando Oportunidades (Sowing Opportunities)');
    const found2024 = english.groups.find((g) => g.datetime === onlySpanish.date);
    expect(found2024?.title).toBe(onlySpanish.title);
    expect(found2024!.passages.some((p) => p.text.includes('Sembrando Oportunidades') && !p.text.includes('Sowing'))).toBe(true);

    // The Spanish name finds the 2022 statement, which calls it “Sowing Opportunities”.
    const statement = documentById('004_de0b601aba4ffa92');
    const spanish = await search(page, 'Sembrando Oportunidades');
    expect(spanish.entities[0]!.name).toBe('Sembrando Oportunidades (Sowing Opportunities)');
    const found2022 = spanish.groups.find((g) => g.datetime === statement.date);
    expect(found2022?.title).toBe(statement.title);
    expect(found2022!.passages.some((p) => p.text.includes('Sowing Opportunities'))).toBe(true);
    expect(spanish.groups.flatMap((g) => g.passages.flatMap((p) => p.marks))).toContain('Sembrando Oportunidades');
  });

  it('moves through the results with the arrow keys and opens the reader at the chosen passage on Enter', async () => {
    const page = await openPopupTab();
    const shown = await search(page, 'Ebrard');
    const input = page.locator('#q');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();

    // Past the entities to the first passage; focus never leaves the search box.
    for (let i = 0; i <= shown.entities.length; i++) await page.keyboard.press('ArrowDown');
    const first = shown.groups[0]!.passages[0]!;
    expect(await input.getAttribute('aria-activedescendant')).toBe(first.id);
    expect(await page.getAttribute(`#${first.id}`, 'aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.press('ArrowUp');
    expect((await readResults(page)).entities.at(-1)!.selected).toBe(true);
    await page.keyboard.press('ArrowDown');

    const readerOpened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/reader.html'), timeout: 10_000 });
    await page.keyboard.press('Enter');
    const reader = await readerOpened;
    opened.push(reader);
    const { doc, p } = Object.fromEntries(new URLSearchParams(new URL(reader.url()).hash.slice(1))) as { doc: string; p: string };
    expect(documentById(doc).title).toBe(shown.groups[0]!.title);
    const cited = reader.locator(`[id="passage-${p}"]`);
    await cited.waitFor({ timeout: 10_000 });
    expect(await cited.getAttribute('class')).toContain('cited');
    // The passage the reader cites is the one the popup showed.
    const snippet = first.text.replace(/^…\s*/, '').replace(/\s*…$/, '');
    expect(await cited.textContent()).toContain(snippet);
  });

  it('unfolds a document’s other passages from its "more" option, keeping the place', async () => {
    const page = await openPopupTab();
    const shown = await search(page, 'Ebrard');
    const folded = shown.groups[0]!;
    const hidden = Number(folded.more!.match(/^\d+/)![0]);
    for (let i = 0; i < shown.entities.length + folded.passages.length + 1; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.querySelector('[aria-selected="true"]')?.classList.contains('more'))).toBe(true);
    await page.keyboard.press('Enter');
    const after = await readResults(page);
    expect(after.groups[0]!.passages.length).toBe(folded.passages.length + hidden);
    expect(after.groups[0]!.more).toBeNull();
    const activeId = await page.getAttribute('#q', 'aria-activedescendant');
    expect(activeId).toBe(after.groups[0]!.passages[folded.passages.length]!.id);
  });

  it('opens the reader with a search for an entity that is clicked', async () => {
    const page = await openPopupTab();
    await search(page, 'Ebrard');
    const readerOpened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/reader.html'), timeout: 10_000 });
    await page.click('#results [role="option"].entity >> nth=0');
    const reader = await readerOpened;
    opened.push(reader);
    expect(new URL(reader.url()).hash).toBe('#q=Marcelo+Ebrard');
  });

  it('clears the query on Escape and comes back to the start', async () => {
    const page = await openPopupTab();
    await search(page, 'Ebrard');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await page.inputValue('#q')).toBe('');
    expect(await page.locator('#results').count()).toBe(0);
    await page.getByRole('heading', { name: 'Start with' }).waitFor();
  });

  it('starts with the corpus version, document count and date range, and suggested entities that run a search', async () => {
    const page = await openPopupTab();
    const info = (await askBackground<{ corpusVersion: string; documents: number; first: string; last: string; suggested: { name: { en: string } }[] }>(page, { type: 'corpusInfo' })).value!;
    await page.waitForFunction(() => /documents/.test(document.querySelector('.corpus')?.textContent ?? ''));
    expect(await page.locator('.corpus').textContent()).toBe(`Corpus ${info.corpusVersion} · ${info.documents} documents · ${formatRange(info.first, info.last, 'en')}`);
    expect(info.documents).toBe(catalog.documents.length);

    const chips = page.getByRole('group', { name: 'Start with' }).getByRole('button');
    expect(await chips.allTextContents()).toEqual(info.suggested.map((e) => e.name.en));
    const ebrard = page.getByRole('button', { name: 'Marcelo Ebrard', exact: true });
    await ebrard.click();
    expect(await page.inputValue('#q')).toBe('Marcelo Ebrard');
    await page.waitForSelector('[role="listbox"][aria-label="Results for “Marcelo Ebrard”"]');
    expect((await readResults(page)).entities[0]!.name).toBe('Marcelo Ebrard');
    expect(await page.evaluate(() => document.activeElement?.id), 'focus back in the search box').toBe('q');
  });

  it('says when nothing matches and offers the closest names', async () => {
    const page = await openPopupTab();
    await page.locator('#q').pressSequentially('Ebardr', { delay: 20 });
    await page.getByText('Nothing in the corpus matches “Ebardr”.').waitFor();
    const closest = page.getByRole('group', { name: 'Closest names in the corpus:' });
    await closest.getByRole('button', { name: 'Marcelo Ebrard' }).click();
    await page.waitForSelector('[role="listbox"][aria-label="Results for “Marcelo Ebrard”"]');
  });

  it('says plainly that it cannot read a page without its content script (here, the popup’s own tab)', async () => {
    const page = await openPopupTab();
    await page.getByText('HLED Lens can’t read this page.').waitFor();
    expect(await page.locator('[role="switch"]').count()).toBe(0);
  });

  it('speaks Spanish when the settings ask for it', async () => {
    const setup = await openExtensionPage(browser.context, browser.extensionId, 'reader.html');
    opened.push(setup);
    await writeSettings(setup, { ...DEFAULT_SETTINGS, language: 'es' });
    try {
      const page = await openPopupTab();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      expect(await page.getAttribute('#q', 'placeholder')).toBe('Nombres, programas, dependencias, temas…');
      const shown = await search(page, 'Sowing Opportunities', 'Resultados para «Sowing Opportunities»');
      expect(shown.entities[0]).toMatchObject({ name: 'Sembrando Oportunidades', kind: 'Programa' });
      const g = shown.groups.find((x) => x.datetime === '2022-09-12')!;
      expect(g.dateText).toBe('12 sept 2022');
      // English passages keep their language for screen readers and hyphenation.
      expect(g.passages[0]!.lang).toBe('en');
      const ebrard = await search(page, 'Ebrard', 'Resultados para «Ebrard»');
      expect(ebrard.entities[0]!.role).toBe('Secretario de Economía · desde 1 oct 2024');
      await page.keyboard.press('Escape');
      await page.getByRole('heading', { name: 'Para empezar' }).waitFor();
      await page.getByText('HLED Lens no puede leer esta página.').waitFor();
    } finally {
      await writeSettings(setup, DEFAULT_SETTINGS);
    }
  });

  describe('the real popup, opened over an article', () => {
    it('lists what the page names, with counts; choosing one opens its card in the page and closes the popup', async () => {
      const article = await openArticle('article-en.html');
      await waitForHighlights(article);
      const popup = await openRealPopup(article);
      // It is the toolbar popup, not a tab.
      expect(await popup.evaluate(async () => (await (globalThis as unknown as { chrome: { tabs: { getCurrent(): Promise<unknown> } } }).chrome.tabs.getCurrent()) ?? null)).toBeNull();
      expect(await popup.evaluate(() => document.activeElement?.id), 'the search box has focus').toBe('q');
      await popup.getByRole('heading', { name: 'On this page · 127.0.0.1' }).waitFor();
      await popup.waitForSelector('.page-entity');
      const rows = await popup.$$eval('.page-entity', (els) =>
        els.map((b) => ({ name: b.querySelector('.name')!.textContent, count: Number(b.querySelector('.count [aria-hidden]')!.textContent) })),
      );
      // The article's mentions by entity (see highlight.e2e.ts): most mentioned first, then by name.
      const expected = Object.entries(ARTICLE_EN_COUNTS)
        .map(([id, count]) => ({ name: catalog.entities.find((e) => e.id === id)!.name.en, count }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'));
      expect(rows).toEqual(expected);
      expect(await popup.locator('.page-entity >> nth=0').textContent()).toBe('Marcelo EbrardPerson4, 4 mentions');
      expect(await popup.locator('[role="switch"]').isChecked()).toBe(true);
      expect(await popup.locator('.switch-label').textContent()).toBe('Highlight on 127.0.0.1');

      const closed = popup.waitForEvent('close', { timeout: 10_000 });
      await popup.locator('.page-entity', { hasText: 'Marcelo Ebrard' }).click();
      await closed;
      await waitForCard(article, 'Marcelo Ebrard');
    });

    it('says when the page names nothing from the corpus', async () => {
      const article = await openArticle('other-topic.html');
      const popup = await openRealPopup(article);
      await popup.getByText('Nothing from the HLED corpus is named on this page.').waitFor();
    });

    it('switches highlighting off for 127.0.0.1 and removes it from the open article live, then back on', async () => {
      const article = await openArticle('article-en.html');
      await waitForHighlights(article);
      const popup = await openRealPopup(article);
      const toggle = popup.locator('[role="switch"]');
      await popup.waitForSelector('.page-entity');
      try {
        await toggle.click();
        await waitForHighlights(article, { until: (r) => r.length === 0 });
        const stored = await popup.evaluate(async () => (await (globalThis as WithChrome).chrome.storage.local.get('settings')).settings);
        expect(stored).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['127.0.0.1'] });
        await popup.getByText('Highlighting is off on this site.').waitFor();
        expect(await toggle.isChecked()).toBe(false);

        // Keyboard too: Space on the focused switch.
        await toggle.focus();
        await popup.keyboard.press('Space');
        await waitForHighlights(article, { until: (r) => r.some((m) => m.text === 'Marcelo Ebrard') });
        await popup.waitForSelector('.page-entity');
        const storedAgain = await popup.evaluate(async () => (await (globalThis as WithChrome).chrome.storage.local.get('settings')).settings);
        expect(storedAgain).toEqual({ ...DEFAULT_SETTINGS, disabledSites: [] });
      } finally {
        await writeSettings(popup, DEFAULT_SETTINGS);
      }
    });

    it('shows results for "Ebrard" over the article (docs/popup.png)', async () => {
      const article = await openArticle('article-en.html');
      await waitForHighlights(article);
      const popup = await openRealPopup(article);
      await popup.waitForSelector('.page-entity');
      const shown = await search(popup, 'Ebrard');
      expect(shown.entities[0]!.name).toBe('Marcelo Ebrard');
      await popup.keyboard.press('ArrowDown');
      await popup.keyboard.press('ArrowDown');
      await popup.keyboard.press('ArrowDown');
      // The popup window is sized to its content: no scroll bar of its own, the footer in view.
      const size = await popup.evaluate(() => ({ width: innerWidth, height: innerHeight, footer: document.querySelector('footer')!.getBoundingClientRect().bottom }));
      expect(size.width).toBe(380);
      expect(size.footer).toBeLessThanOrEqual(size.height);
      await mkdir(DOCS, { recursive: true });
      await popup.locator('.popup').screenshot({ path: path.join(DOCS, 'popup.png'), caret: 'hide' });
    });

    it('follows a dark colour scheme (docs/popup-dark.png)', async () => {
      const article = await openArticle('article-en.html');
      await waitForHighlights(article);
      const popup = await openRealPopup(article);
      await popup.emulateMedia({ colorScheme: 'dark' });
      await popup.waitForSelector('.page-entity');
      expect(isDark(await pageColours(popup))).toBe(true);
      expect(isDark(await pageColours(popup, '#q')), 'the search box is dark too').toBe(true);
      await search(popup, 'Ebrard');
      await popup.keyboard.press('ArrowDown');
      await popup.keyboard.press('ArrowDown');
      await popup.keyboard.press('ArrowDown');
      expect(isDark(await pageColours(popup, '[role="option"].active'))).toBe(true);
      await mkdir(DOCS, { recursive: true });
      await popup.locator('.popup').screenshot({ path: path.join(DOCS, 'popup-dark.png'), caret: 'hide' });
    });

    it('in Spanish over the Spanish article: what the page names, the site switch and a search (docs/popup-es.png)', async () => {
      const setup = await openExtensionPage(browser.context, browser.extensionId, 'reader.html');
      opened.push(setup);
      await writeSettings(setup, { ...DEFAULT_SETTINGS, language: 'es' });
      try {
        const article = await openArticle('article-es.html');
        await waitForHighlights(article, { until: (r) => r.some((m) => m.text === 'Marcelo Ebrard') });
        const popup = await openRealPopup(article);
        await popup.getByRole('heading', { name: 'En esta página · 127.0.0.1' }).waitFor();
        await popup.waitForSelector('.page-entity');
        expect(await popup.locator('.switch-label').textContent()).toBe('Resaltar en 127.0.0.1');
        expect(await popup.locator('.page-entity .count .visually-hidden').first().textContent()).toMatch(/^, \d+ menci(ón|ones)$/);
        expect(await popup.getByRole('button', { name: 'Opciones' }).count()).toBe(1);
        const shown = await search(popup, 'Ebrard', 'Resultados para «Ebrard»');
        expect(shown.entities[0]).toMatchObject({ name: 'Marcelo Ebrard', kind: 'Persona', role: 'Secretario de Economía · desde 1 oct 2024' });
        await popup.keyboard.press('ArrowDown');
        await popup.keyboard.press('ArrowDown');
        await popup.getByText('Todos los resultados en el lector').waitFor();
        await mkdir(DOCS, { recursive: true });
        await popup.locator('.popup').screenshot({ path: path.join(DOCS, 'popup-es.png'), caret: 'hide' });
      } finally {
        await writeSettings(setup, DEFAULT_SETTINGS);
      }
    });
  });
});
