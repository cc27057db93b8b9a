import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { askBackground } from './harness/card';
import { REPO_ROOT, launchChromium, openExtensionPage, type ChromiumSession } from './harness/chromium';
import { isDark, pageColours } from './harness/colours';
import { writeSettings } from './harness/highlights';
import { DEFAULT_SETTINGS } from '../lib/settings/defaults';

const DOCS = path.join(REPO_ROOT, 'docs');
const SCREEN = { width: 1200, height: 800 };

interface Catalog {
  documents: { id: string; title: string; date: string }[];
  entities: { id: string; name: { en: string; es: string } }[];
}

interface ReaderPassage {
  id: string;
  index: number;
  heading: string | null;
  text: string;
}

/** What the reader page shows at a cited passage, read from the page. */
interface CitedState {
  /** Ids of every element marked as cited. */
  cited: string[];
  /** Ids of the passages holding a `<mark>`. */
  marked: string[];
  markText: string | null;
  passageText: string | null;
  ariaLabel: string | null;
  activeId: string | null;
  /** The cited passage's mark lies entirely inside the viewport. */
  inView: boolean;
  title: string;
  heading: string;
  published: string | null;
}

function citedState(page: Page, passageElementId: string): Promise<CitedState> {
  return page.evaluate((id) => {
    const el = document.getElementById(id);
    const mark = el?.querySelector('mark') ?? null;
    const r = (mark ?? el)?.getBoundingClientRect();
    return {
      cited: [...document.querySelectorAll('.cited')].map((e) => e.id),
      marked: [...document.querySelectorAll('article mark')].map((m) => m.closest('[id]')?.id ?? ''),
      markText: mark?.textContent ?? null,
      passageText: el?.textContent ?? null,
      ariaLabel: el?.getAttribute('aria-label') ?? null,
      activeId: document.activeElement?.id || null,
      inView: !!r && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth,
      title: document.title,
      heading: document.querySelector('article h1')?.textContent?.trim() ?? '',
      published: document.querySelector('.doc-header time')?.getAttribute('datetime') ?? null,
    };
  }, passageElementId);
}

/** Waits until the passage is rendered as cited and has received focus (both follow the document's arrival). */
async function waitForCited(page: Page, passageId: string): Promise<CitedState> {
  const elementId = `passage-${passageId}`;
  await page.waitForFunction(
    (id) => {
      const el = document.getElementById(id);
      return !!el && el.classList.contains('cited') && document.activeElement === el;
    },
    elementId,
    { timeout: 10_000 },
  );
  return citedState(page, elementId);
}

describe('reader page (Chromium)', () => {
  let browser: ChromiumSession;
  let catalog: Catalog;
  let seedTexts: Map<string, string>;
  /** An extension page to ask the background from. */
  let extPage: Page;
  const opened: Page[] = [];
  const errors: string[] = [];

  const readerUrl = (hash: string) => `chrome-extension://${browser.extensionId}/reader.html${hash}`;

  const openReader = async (hash: string): Promise<Page> => {
    const page = await browser.context.newPage();
    opened.push(page);
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    await page.setViewportSize(SCREEN);
    await page.goto(readerUrl(hash));
    return page;
  };

  const documentPassages = async (id: string): Promise<ReaderPassage[]> => {
    const reply = await askBackground<{ passages: ReaderPassage[] } | null>(extPage, { type: 'document', id });
    expect(reply.ok).toBe(true);
    expect(reply.value).not.toBeNull();
    return reply.value!.passages;
  };

  beforeAll(async () => {
    const seeds = path.join(REPO_ROOT, 'seeds');
    catalog = JSON.parse(await readFile(path.join(seeds, 'catalog.json'), 'utf8')) as Catalog;
    seedTexts = new Map();
    for (const f of await readdir(seeds)) {
      if (f.endsWith('.txt')) seedTexts.set(f.replace(/\.txt$/, ''), await readFile(path.join(seeds, f), 'utf8'));
    }
    browser = await launchChromium();
    extPage = await openExtensionPage(browser.context, browser.extensionId, 'reader.html');
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => p.close()));
    expect(errors.splice(0), 'no uncaught errors on reader pages').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('#q=Sembrando Oportunidades lists the program and the dated passages that name it', async () => {
    const page = await openReader('#q=Sembrando Oportunidades');
    await page.waitForSelector('main section h1');
    const view = await page.evaluate(() => ({
      heading: document.querySelector('main section h1')!.textContent,
      input: (document.getElementById('q') as HTMLInputElement).value,
      entities: [...document.querySelectorAll('ul.entities > li > a')].map((a) => ({ text: a.textContent, href: a.getAttribute('href') })),
      passages: [...document.querySelectorAll('ol.passages > li')].map((li) => ({
        datetime: li.querySelector('.source time')?.getAttribute('datetime') ?? null,
        title: li.querySelector('.source a')?.textContent ?? '',
        href: li.querySelector('.source a')?.getAttribute('href') ?? '',
        snippet: li.querySelector('.snippet')?.textContent ?? '',
        marks: [...li.querySelectorAll('.snippet mark')].map((m) => m.textContent),
      })),
      nothing: /Nothing in the corpus matches/.test(document.querySelector('main')!.textContent ?? ''),
    }));
    expect(view.heading).toBe('Results for “Sembrando Oportunidades”');
    expect(view.input).toBe('Sembrando Oportunidades');
    expect(view.nothing).toBe(false);

    const program = catalog.entities.find((e) => e.id === 'sembrando-oportunidades')!;
    // An entity opens its timeline on the reader page.
    expect(view.entities[0], 'the program is the first entity').toEqual({
      text: program.name.en,
      href: `#${new URLSearchParams({ entity: program.id })}`,
    });

    // Every corpus document whose text names the program has a passage among the results.
    const naming = catalog.documents.filter((d) => seedTexts.get(d.id)?.includes('Sembrando Oportunidades'));
    expect(naming.length).toBeGreaterThan(0);
    const found = view.passages.map((p) => new URLSearchParams(p.href.replace(/^#/, '')).get('doc'));
    for (const d of naming) expect(found, `a passage of ${d.id}`).toContain(d.id);
    for (const p of view.passages) {
      const params = new URLSearchParams(p.href.replace(/^#/, ''));
      const doc = catalog.documents.find((d) => d.id === params.get('doc'));
      expect(doc, p.href).toBeDefined();
      expect(params.get('p')).toMatch(new RegExp(`^${doc!.id}:`));
      expect(p.datetime).toBe(doc!.date);
      expect(p.title).toBe(doc!.title);
    }
    // The passages of the documents that name it show the words marked.
    const best = view.passages.filter((p) => /Sembrando Oportunidades/.test(p.snippet));
    expect(best.length).toBeGreaterThanOrEqual(naming.length);
    for (const p of best) expect(p.marks.join(' ')).toMatch(/Sembrando|Oportunidades/);
  });

  it('a passage in the results opens the document at that passage', async () => {
    const page = await openReader('#q=Sembrando Oportunidades');
    const link = page.locator('ol.passages > li .source a').first();
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    const params = new URLSearchParams(href.replace(/^#/, ''));
    await link.click();
    await page.waitForURL(readerUrl(href));
    const state = await waitForCited(page, params.get('p')!);
    const doc = catalog.documents.find((d) => d.id === params.get('doc'))!;
    expect(state.cited).toEqual([`passage-${params.get('p')}`]);
    expect(state.marked).toEqual(state.cited);
    expect(state.markText).toBe(state.passageText);
    expect(state.markText).toMatch(/Sembrando Oportunidades/);
    expect(state.inView).toBe(true);
    expect(state.heading).toContain(doc.title);
    expect(state.title).toBe(`${doc.title} — HLED Lens`);
    expect(state.published).toBe(doc.date);
  });

  it('#doc=…&p=… shows the document with the cited passage marked, focused and scrolled into view', async () => {
    const doc = catalog.documents.find((d) => d.id.startsWith('000_'))!;
    const passages = await documentPassages(doc.id);
    expect(passages.length).toBeGreaterThan(6);
    // A passage well down the document, so that it has to be scrolled to.
    const target = passages[Math.floor(passages.length * 0.7)]!;
    expect(seedTexts.get(doc.id)).toContain(target.text.slice(0, 40));

    const page = await openReader(`#${new URLSearchParams({ doc: doc.id, p: target.id })}`);
    const state = await waitForCited(page, target.id);
    expect(state.cited).toEqual([`passage-${target.id}`]);
    expect(state.marked, 'only the cited passage is marked').toEqual(state.cited);
    expect(state.markText).toBe(target.text);
    expect(state.ariaLabel).toBe('Cited passage');
    expect(state.activeId).toBe(`passage-${target.id}`);
    expect(state.inView).toBe(true);
    expect(await page.evaluate(() => scrollY), 'the page scrolled to the passage').toBeGreaterThan(0);
    expect(state.title).toBe(`${doc.title} — HLED Lens`);
    expect(state.published).toBe(doc.date);
    expect(await page.locator('article p.passage').count()).toBe(passages.length);

    await mkdir(DOCS, { recursive: true });
    await page.screenshot({ path: path.join(DOCS, 'reader.png') });

    // Another passage of the same document, by changing the hash: the mark and the focus move.
    const other = passages[1]!;
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#${new URLSearchParams({ doc: doc.id, p: other.id })}`);
    const moved = await waitForCited(page, other.id);
    expect(moved.cited).toEqual([`passage-${other.id}`]);
    expect(moved.marked).toEqual(moved.cited);
    expect(moved.markText).toBe(other.text);
    expect(moved.inView).toBe(true);
  });

  it('follows a dark colour scheme, the cited passage still marked and readable (docs/reader-dark.png)', async () => {
    const doc = catalog.documents.find((d) => d.id.startsWith('000_'))!;
    const passages = await documentPassages(doc.id);
    const target = passages[Math.floor(passages.length * 0.7)]!;
    const page = await openReader(`#${new URLSearchParams({ doc: doc.id, p: target.id })}`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await waitForCited(page, target.id);
    expect(isDark(await pageColours(page))).toBe(true);
    // The mark is light text on a dark amber, at least 4.5:1 (WCAG AA).
    const mark = await pageColours(page, 'mark');
    const [hi, lo] = [mark.background, mark.text].sort((a, b) => b - a);
    expect((hi! + 0.05) / (lo! + 0.05)).toBeGreaterThanOrEqual(4.5);
    await page.screenshot({ path: path.join(DOCS, 'reader-dark.png') });
  });

  it('in Spanish: an entity’s timeline with Spanish labels, roles and dates (docs/reader-es.png)', async () => {
    await writeSettings(extPage, { ...DEFAULT_SETTINGS, language: 'es' });
    try {
      const page = await openReader('#entity=marcelo-ebrard');
      await page.waitForSelector('article.entity h3');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      expect(await page.title()).toBe('Marcelo Ebrard — HLED Lens');
      expect(await page.locator('article.entity .kind').first().textContent()).toBe('Persona');
      const headings = await page.locator('article.entity h2').allTextContents();
      expect(headings).toEqual(expect.arrayContaining(['Cargos', 'Todos los pasajes que lo mencionan, por año', 'Aparece más a menudo con']));
      expect(await page.locator('article.entity .roles li').first().textContent()).toMatch(/^Secretario de Economía desde 1 oct 2024$/);
      expect(await page.locator('article.entity h3 .kind').first().textContent()).toMatch(/^\d+ pasajes?$/);
      expect(await page.getAttribute('#q', 'placeholder')).toBe('Nombres, programas, dependencias, temas…');
      await page.screenshot({ path: path.join(DOCS, 'reader-es.png') });
    } finally {
      await writeSettings(extPage, DEFAULT_SETTINGS);
    }
  });

  it('#doc=<unknown id> says the document is not in the corpus', async () => {
    const page = await openReader('#doc=999_not_a_document');
    const alert = page.locator('main [role=alert]');
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe('This document is not in the corpus.');
    expect(await page.locator('main article').count()).toBe(0);
    expect(await page.title()).toBe('HLED Lens reader');
  });

  it('the search box searches the corpus', async () => {
    const page = await openReader('');
    await page.waitForSelector('main h1');
    expect(await page.locator('main h1').textContent()).toBe('HLED Lens reader');
    await page.fill('#q', 'Sembrando Oportunidades');
    await page.press('#q', 'Enter');
    await page.waitForURL(readerUrl(`#${new URLSearchParams({ q: 'Sembrando Oportunidades' })}`));
    await page.waitForFunction(() => document.querySelector('main section h1')?.textContent === 'Results for “Sembrando Oportunidades”');
    expect(await page.locator('ol.passages > li').count()).toBeGreaterThan(0);
  });
});
