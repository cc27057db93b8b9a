import { rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import { formatDate } from '../../lib/ui/format';
import { NEW_DOCUMENT, NEW_ENTITY, buildUpdatedBundle, nextCorpusVersion, writeBundleVariant, type UpdatedBundle } from '../harness/bundles';
import { CARD_HOST } from '../harness/card';
import type { BrowserDriver, PageDriver } from './driver';
import { ARTICLE_EN, ARTICLE_ES, loadCorpusFacts, readerTarget, type CorpusFacts } from './expectations';
import {
  askBackground,
  clickElement,
  hoverMention,
  readCard,
  readOptions,
  waitForCard,
  waitForCardSettled,
  waitForHighlights,
  waitForNoCard,
} from './steps';

/**
 * The core reader scenarios, written once and run in every browser the extension ships for
 * (`e2e/core.e2e.ts` in Chromium, `e2e/firefox/core.firefox.ts` in Firefox): the same names
 * appear in both reports, and a change to a scenario changes it everywhere.
 */

const SCREEN = { width: 1200, height: 800 };
/** About the size of the toolbar popup (380 px wide); the popup page opened as a tab gets this viewport. */
const POPUP_VIEWPORT = { width: 400, height: 600 };
const OPTIONS_VIEWPORT = { width: 1000, height: 1200 };
const HOVER_DELAY_MS = DEFAULT_SETTINGS.hoverDelayMs;
/** The card layer's close grace period. */
const CLOSE_GRACE_MS = 300;

/** Screenshots a scenario may take; each browser says where (or whether) it keeps them. */
export type ScreenshotName = 'card' | 'options-summary' | 'options-error';

export interface ScenarioContext {
  driver: BrowserDriver;
  facts: CorpusFacts;
  /** A maintainer-built bundle one document and one entity larger than the built-in corpus. */
  updated: UpdatedBundle;
  /** The same bundle with `documents[2].date` set to "tomorrow". */
  brokenBundle: string;
  /** Path to save a screenshot under, or null when this browser keeps none of that name. */
  screenshotPath(name: ScreenshotName): string | null;
}

export interface Scenario {
  name: string;
  run(ctx: ScenarioContext): Promise<void>;
}

interface CorpusInfo {
  corpusVersion: string;
  source: string;
  documents: number;
  entities: number;
}

/** Opens the options page and waits for its corpus section and history. */
async function openOptions(driver: BrowserDriver): Promise<PageDriver> {
  const page = await driver.openExtensionPage('options.html', OPTIONS_VIEWPORT);
  await page.waitFor(`!!document.querySelector('.active-corpus') && !!document.querySelector('.history li')`, 'the options page’s corpus section');
  return page;
}

async function corpusInfo(extensionPage: PageDriver): Promise<CorpusInfo> {
  const reply = await askBackground<CorpusInfo>(extensionPage, { type: 'corpusInfo' });
  expect(reply.ok, reply.error).toBe(true);
  return reply.value;
}

/** Opens article-en.html, waits for the lede's "Marcelo Ebrard" and opens his card by hovering it. */
async function openEbrardCard({ driver }: ScenarioContext, beforeHover?: (page: PageDriver) => Promise<void>) {
  const page = await driver.openFixture('article-en.html', SCREEN);
  await waitForHighlights(page, (r) => r.some((m) => m.text === 'Marcelo Ebrard' && m.within === 'p-lede'));
  await beforeHover?.(page);
  await hoverMention(page, 'Marcelo Ebrard', 'p-lede');
  const card = await waitForCard(page, 'Marcelo Ebrard');
  return { page, card };
}

export const CORE_SCENARIOS: Scenario[] = [
  {
    name: 'the English article is highlighted: exactly the expected mentions, in the expected elements',
    async run({ driver }) {
      const page = await driver.openFixture('article-en.html');
      const ranges = await waitForHighlights(page, (r) => r.length >= ARTICLE_EN.length);
      expect(ranges.map((r) => [r.text, r.within])).toEqual(ARTICLE_EN.map(([t, w]) => [t, w]));
      for (const r of ranges) {
        expect(r.isStatic, r.text).toBe(true);
        expect(r.connected, r.text).toBe(true);
        expect(r.rects.length, `${r.text} has a box on the page`).toBeGreaterThan(0);
      }
    },
  },
  {
    name: 'the Spanish article is highlighted: the Spanish forms, in the expected elements',
    async run({ driver }) {
      const page = await driver.openFixture('article-es.html');
      const ranges = await waitForHighlights(page, (r) => r.length >= ARTICLE_ES.length);
      expect(ranges.map((r) => [r.text, r.within])).toEqual(ARTICLE_ES.map(([t, w]) => [t, w]));
    },
  },
  {
    name: 'hovering "Marcelo Ebrard" opens his card after the hover delay: dated roles and dated mentions in the corpus documents',
    async run(ctx) {
      const { driver, facts } = ctx;
      const page = await driver.openFixture('article-en.html', SCREEN);
      await waitForHighlights(page, (r) => r.some((m) => m.text === 'Marcelo Ebrard' && m.within === 'p-lede'));
      expect(await readCard(page), 'no card before any hover').toBeNull();
      // The page's own clock: when the pointer last moved, and when the card host appeared.
      await page.evaluate(`(() => {
        const log = (window.__hledHover = { moved: 0, added: 0 });
        addEventListener('pointermove', () => { log.moved = performance.now(); }, { capture: true, passive: true });
        new MutationObserver(() => { if (!log.added && document.querySelector(${JSON.stringify(CARD_HOST)})) log.added = performance.now(); })
          .observe(document.documentElement, { childList: true });
      })()`);
      await hoverMention(page, 'Marcelo Ebrard', 'p-lede');
      const card = await waitForCard(page, 'Marcelo Ebrard');
      const times = await page.evaluate<{ moved: number; added: number }>('window.__hledHover');
      expect(times.moved, 'the page saw the pointer move').toBeGreaterThan(0);
      expect(times.added - times.moved, 'opened only after the pointer rested for the hover delay').toBeGreaterThanOrEqual(HOVER_DELAY_MS - 20);

      expect(card.hosts).toBe(1);
      expect(card.hostParent).toBe('html');
      expect(card.role).toBe('dialog');
      expect(card.labelledByText, 'the dialog is labelled by its title').toBe('Marcelo Ebrard');
      expect(card.lang).toBe('en');
      expect(card.kind).toMatch(/^Person/);
      expect(card.description).toMatch(/Secretary of Economy/);
      // Dated roles, the open one first.
      const ebrard = facts.entity('marcelo-ebrard');
      expect(card.rolesLabel).toBe('Roles');
      expect(card.roles.map((r) => r.title).sort()).toEqual(ebrard.roles!.map((r) => r.title_en).sort());
      expect(card.roles[0]).toEqual({ title: 'Secretary of Economy of Mexico', when: 'since Oct 1, 2024' });
      expect(card.roles).toContainEqual({ title: 'Secretary of Foreign Relations of Mexico', when: 'Dec 1, 2018 – Jun 2023' });

      // Mentions: passages of the corpus documents that name him, each dated with its document's date, newest first.
      const naming = facts.documentsNaming('Ebrard');
      expect(naming.size).toBeGreaterThan(0);
      const dates = [...naming.values()].sort();
      expect(card.summary).toMatch(new RegExp(`^Mentioned in ${naming.size} documents?, `));
      expect(card.summary).toContain(dates[0]!.slice(0, 4));
      expect(card.summary).toContain(dates.at(-1)!.slice(0, 4));
      expect(card.timeline.length).toBeGreaterThan(0);
      expect(card.timeline.length).toBeLessThanOrEqual(4);
      for (const entry of card.timeline) {
        const { doc, p } = readerTarget(entry.href);
        expect(entry.href.startsWith(`${driver.extensionOrigin}/reader.html#`), entry.href).toBe(true);
        expect(doc && naming.has(doc), `${doc} is a corpus document naming Ebrard`).toBe(true);
        expect(p).toMatch(new RegExp(`^${doc}:`));
        expect(entry.datetime).toBe(naming.get(doc!));
        expect(entry.dateText).toBe(formatDate(naming.get(doc!)!, 'en'));
        expect(entry.title).toBe(facts.catalog.documents.find((d) => d.id === doc)!.title);
        expect(entry.readerText).toBe('Read in context');
        expect(entry.readerHref).toBe(entry.href);
      }
      const shown = card.timeline.map((t) => t.datetime!);
      expect(shown, 'newest first').toEqual([...shown].sort().reverse());
      expect(card.search?.text).toBe('Search the corpus for “Marcelo Ebrard”');

      const settled = await waitForCardSettled(page);
      expect(settled.style.visibility).toBe('visible');
      expect(settled.onTop, 'the card is on top of the page').toBe(true);
      const shot = ctx.screenshotPath('card');
      if (shot) await page.screenshot(shot);
    },
  },
  {
    name: 'on a page whose Content-Security-Policy forbids styles, the card keeps its own look: its sheet is adopted, not a <style> element',
    async run({ driver }) {
      const page = await driver.openFixture('csp.html', SCREEN);
      // The policy is in force: the page's own inline script did not run.
      expect(await page.evaluate(`document.documentElement.getAttribute('data-inline-script-ran')`)).toBeNull();
      await waitForHighlights(page, (r) => r.some((m) => m.text === 'Marcelo Ebrard' && m.within === 'p-csp'));
      await hoverMention(page, 'Marcelo Ebrard', 'p-csp');
      await waitForCard(page, 'Marcelo Ebrard');
      const card = await waitForCardSettled(page);
      const styles = await page.evaluate<{ adopted: number; styleElements: number; background: string; padding: string }>(`(() => {
        const root = document.querySelector(${JSON.stringify(CARD_HOST)}).shadowRoot;
        const cs = getComputedStyle(root.querySelector('.card'));
        return { adopted: root.adoptedStyleSheets.length, styleElements: root.querySelectorAll('style').length, background: cs.backgroundColor, padding: cs.paddingTop };
      })()`);
      expect(styles).toMatchObject({ adopted: 1, styleElements: 0, background: 'rgb(255, 255, 255)' });
      expect(parseFloat(styles.padding)).toBeGreaterThan(0);
      expect(card.style.fontFamily).toMatch(/^system-ui/);
      expect(card.onTop).toBe(true);
    },
  },
  {
    name: 'a source link in the card opens the reader page at that passage, marked, focused and in view',
    async run(ctx) {
      const { driver, facts } = ctx;
      const { page, card } = await openEbrardCard(ctx);
      await waitForCardSettled(page);
      const entry = card.timeline[0]!;
      const { doc, p } = readerTarget(entry.href);
      const articleUrl = await page.url();

      const reader = await driver.waitForNewTab(entry.href, () => clickElement(page, '.timeline > li .source a', CARD_HOST));
      // The article did not navigate: the background opened the reader in a new tab.
      expect(await page.url()).toBe(articleUrl);
      expect(await reader.url()).toBe(entry.href);
      const passageId = `passage-${p}`;
      await reader.waitFor(
        `document.getElementById(${JSON.stringify(passageId)})?.classList.contains('cited') && document.activeElement?.id === ${JSON.stringify(passageId)}`,
        `the cited passage ${passageId}, focused`,
      );
      const state = await reader.evaluate<{ cited: string[]; marked: string | null; text: string; inView: boolean; title: string }>(`(() => {
        const el = document.getElementById(${JSON.stringify(passageId)});
        const mark = el.querySelector('mark');
        const r = (mark ?? el).getBoundingClientRect();
        return {
          cited: [...document.querySelectorAll('.cited')].map((e) => e.id),
          marked: mark?.textContent ?? null,
          text: el.textContent,
          inView: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth,
          title: document.title,
        };
      })()`);
      expect(state.cited).toEqual([passageId]);
      expect(state.marked).toBe(state.text);
      expect(state.marked).toMatch(/Ebrard/);
      expect(state.inView).toBe(true);
      expect(state.title).toBe(`${facts.catalog.documents.find((d) => d.id === doc)!.title} — HLED Lens`);
    },
  },
  {
    name: 'Escape closes the card at once, leaves focus where it was, and the card stays closed while the pointer rests on the highlight',
    async run(ctx) {
      const { page } = await openEbrardCard(ctx, async (p) => {
        await p.evaluate(`document.querySelector('a.skip-link').focus()`);
      });
      const focused = `(() => { const a = document.activeElement; return a ? a.tagName.toLowerCase() + (a.className ? '.' + a.className : '') : 'none'; })()`;
      expect(await page.evaluate(focused), 'hovering does not move focus').toBe('a.skip-link');
      await page.press('Escape');
      // At once: well within the close grace period.
      await waitForNoCard(page, CLOSE_GRACE_MS - 100);
      expect(await page.evaluate(focused)).toBe('a.skip-link');
      expect(await page.evaluate(`CSS.highlights.has('hled-active')`), 'the active-mention highlight is gone').toBe(false);
      await new Promise((r) => setTimeout(r, HOVER_DELAY_MS + CLOSE_GRACE_MS + 200));
      expect(await readCard(page)).toBeNull();
    },
  },
  {
    name: 'the popup’s search finds "Ebrard", dated passages by document, and opens a result in the reader',
    async run({ driver, facts }) {
      const page = await driver.openExtensionPage('popup.html', POPUP_VIEWPORT);
      await page.waitFor(`document.activeElement?.id === 'q'`, 'the focused search box');
      await page.type('#q', 'Ebrard');
      await page.waitFor(`!!document.querySelector('[role="listbox"][aria-label="Results for “Ebrard”"]')`, 'the results for “Ebrard”');
      const shown = await page.evaluate<{
        entity: { name: string; kind: string; role: string | null } | null;
        status: string;
        groups: { datetime: string | null; dateText: string; title: string; more: string | null; passages: { id: string; text: string; marks: number }[] }[];
      }>(`(() => {
        const text = (el) => (el?.textContent ?? '').trim();
        const box = document.getElementById('results');
        const entity = box.querySelector('[role="option"].entity');
        return {
          entity: entity ? { name: text(entity.querySelector('.name')), kind: text(entity.querySelector('.kind')), role: entity.querySelector('.role') ? text(entity.querySelector('.role')) : null } : null,
          status: text(document.querySelector('[role="status"]')),
          groups: [...box.querySelectorAll('[role="group"]')].filter((g) => g.querySelector('time')).map((g) => ({
            datetime: g.querySelector('time').getAttribute('datetime'),
            dateText: text(g.querySelector('time')),
            title: text(g.querySelector('.title')),
            more: g.querySelector('[role="option"].more') ? text(g.querySelector('[role="option"].more')) : null,
            passages: [...g.querySelectorAll('[role="option"].passage')].map((o) => ({ id: o.id, text: text(o), marks: o.querySelectorAll('mark').length })),
          })),
        };
      })()`);
      expect(shown.entity).toEqual({ name: 'Marcelo Ebrard', kind: 'Person', role: 'Secretary of Economy of Mexico · since Oct 1, 2024' });
      expect(shown.groups.length).toBeGreaterThanOrEqual(2);
      for (const g of shown.groups) {
        const doc = facts.catalog.documents.find((d) => d.title === g.title);
        expect(doc, `"${g.title}" is a corpus document`).toBeDefined();
        expect(g.datetime).toBe(doc!.date);
        expect(g.dateText).toBe(formatDate(doc!.date, 'en'));
        expect(g.passages.length).toBeGreaterThan(0);
        expect(g.passages.length).toBeLessThanOrEqual(3);
        for (const p of g.passages) expect(p.marks, p.text).toBeGreaterThan(0);
      }
      // The long 2025 article is folded after three passages so the 2022 statement still shows.
      expect(shown.groups.map((g) => g.datetime)).toContain('2022-09-12');
      expect(shown.groups[0]!.more).toMatch(/^\d+ more passages from this document$/);
      // The status line announces the count for screen readers.
      expect(shown.status).toMatch(/^\d+ results$/);
      expect(page.errors()).toEqual([]);

      const first = shown.groups[0]!.passages[0]!;
      const reader = await driver.waitForNewTab('/reader.html#doc=', () => clickElement(page, `[id="${first.id}"]`));
      const { doc, p } = readerTarget(await reader.url());
      expect(facts.catalog.documents.find((d) => d.id === doc)?.title).toBe(shown.groups[0]!.title);
      const cited = `passage-${p}`;
      await reader.waitFor(`document.getElementById(${JSON.stringify(cited)})?.classList.contains('cited')`, `the cited passage ${cited}`);
      const citedText = await reader.evaluate<string>(`document.getElementById(${JSON.stringify(cited)}).textContent`);
      // The passage the reader cites is the one the popup showed.
      expect(citedText).toContain(first.text.replace(/^…\s*/, '').replace(/\s*…$/, ''));
    },
  },
  {
    name: 'a broken bundle is refused on the options page, naming the field, and the active corpus keeps answering',
    async run(ctx) {
      const { driver, updated } = ctx;
      const page = await openOptions(driver);
      const before = await corpusInfo(page);
      expect(before).toMatchObject({ corpusVersion: updated.builtinVersion, source: 'builtin' });
      const historyBefore = (await readOptions(page)).history;

      await page.uploadFile('#bundle-file', ctx.brokenBundle);
      await page.waitFor(`!!document.querySelector('.errors, .summary')`, 'the verdict on the bundle', 15_000);
      const view = await readOptions(page);
      expect(view.summary).toBeNull();
      expect(view.errorsTitle).toBe('This bundle cannot be imported:');
      expect(view.errors[0]).toMatch(/^documents\[2\] \(002_d4497fa30bfb05b6\)\.date\b/);
      expect(view.errors[0]).toContain('"tomorrow"');
      expect(view.errors[0]).toContain('YYYY-MM-DD');
      expect(await page.evaluate(`[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Import')`)).toBe(false);
      const shot = ctx.screenshotPath('options-error');
      if (shot) await page.screenshot(shot);

      // Nothing changed: same version, same history, and searches are answered from it.
      expect(await corpusInfo(page)).toEqual(before);
      expect((await readOptions(page)).history).toEqual(historyBefore);
      const results = await askBackground<{ passages: { snippet: { text: string } }[] }>(page, { type: 'search', query: 'Ebrard' });
      expect(results.value.passages.some((p) => /Ebrard/.test(p.snippet.text))).toBe(true);
      expect(page.errors(), 'uncaught errors in the options page').toEqual([]);
    },
  },
  {
    name: 'a valid bundle imports on the options page: the summary names what it adds, Import makes it active, and pages highlight the new entity',
    async run(ctx) {
      const { driver, updated } = ctx;
      const v1 = updated.version;
      // Before the import the new entity is unknown: a page naming it highlights only the HLED.
      const control = await driver.openFixture('new-entity.html');
      expect((await waitForHighlights(control)).map((r) => [r.text, r.within])).toEqual([['HLED', 'p-hled']]);

      const page = await openOptions(driver);
      const before = await corpusInfo(page);
      expect(before.corpusVersion).toBe(updated.builtinVersion);
      await page.uploadFile('#bundle-file', updated.file);
      await page.waitFor(`!!document.querySelector('.summary, .errors')`, 'the import summary', 15_000);
      const view = await readOptions(page);
      expect(view.errors).toEqual([]);
      expect(view.summary!.title).toBe(`Import ${updated.bundle.name}, version ${v1}?`);
      expect(view.summary!.paragraphs).toEqual([`It replaces version ${updated.builtinVersion}.`]);
      expect(view.summary!.rows['Documents']).toEqual({
        added: { count: 1, items: [`${NEW_DOCUMENT.title} (${formatDate(NEW_DOCUMENT.date, 'en')})`] },
        removed: { count: 0, items: [] },
        changed: { count: 0, items: [] },
      });
      expect(view.summary!.rows['Entities']).toEqual({
        added: { count: 1, items: [NEW_ENTITY.name.en] },
        removed: { count: 0, items: [] },
        changed: { count: 0, items: [] },
      });
      expect(view.summary!.buttons).toEqual(['Import', 'Cancel']);
      // The summary alone changes nothing.
      expect((await corpusInfo(page)).corpusVersion).toBe(updated.builtinVersion);
      const shot = ctx.screenshotPath('options-summary');
      if (shot) await page.screenshot(shot);

      await clickElement(page, '.summary button');
      await page.waitFor(
        `!!document.querySelector('.status .ok') && (document.querySelector('.active-corpus')?.textContent ?? '').includes(${JSON.stringify(`version ${v1} `)})`,
        `version ${v1} active`,
        15_000,
      );
      const done = await readOptions(page);
      expect(done.ok).toBe(`Imported version ${v1}.`);
      expect(done.activeLine).toContain(`${updated.bundle.name}, version ${v1} (imported from a file): ${before.documents + 1} documents, ${before.entities + 1} entities, `);
      expect(done.history[0]).toContain(`imported from a file ${v1}`);
      expect(done.restoreButton).toEqual({ text: `Restore previous corpus (${updated.builtinVersion})`, disabled: false });
      expect(await corpusInfo(page)).toMatchObject({ corpusVersion: v1, source: 'file', documents: before.documents + 1, entities: before.entities + 1, last: NEW_DOCUMENT.date });
      expect(page.errors(), 'uncaught errors in the options page').toEqual([]);

      // With no reload of anything: a page opened now highlights the new entity.
      const after = await driver.openFixture('new-entity.html');
      const ranges = await waitForHighlights(after, (r) => r.some((x) => x.text === NEW_ENTITY.name.en));
      expect(ranges.map((r) => [r.text, r.within])).toEqual([
        [NEW_ENTITY.name.en, 'p-lede'],
        ['HLED', 'p-hled'],
      ]);
    },
  },
];

export interface ScenarioSuite {
  /** Starts the browser with the extension (and whatever it reads pages from). */
  start(): Promise<BrowserDriver>;
  stop(): Promise<void>;
  screenshotPath(name: ScreenshotName): string | null;
}

/**
 * Registers every core scenario as a test of the enclosing `describe`, in order (the last one
 * imports a bundle), with one browser for all of them.
 */
export function registerCoreScenarios(suite: ScenarioSuite): void {
  let ctx: ScenarioContext | undefined;
  beforeAll(async () => {
    ctx = await prepareScenarioContext(await suite.start(), (n) => suite.screenshotPath(n));
  }, 180_000);
  afterEach(async () => {
    await ctx?.driver.closeTabs();
  });
  afterAll(async () => {
    await suite.stop();
    if (ctx) await rm(ctx.updated.dir, { recursive: true, force: true });
  });
  for (const scenario of CORE_SCENARIOS) it(scenario.name, () => scenario.run(ctx!));
}

/** The corpus facts and bundles the scenarios use, around a started browser (remove `updated.dir` when done). */
export async function prepareScenarioContext(driver: BrowserDriver, screenshotPath: ScenarioContext['screenshotPath'] = () => null): Promise<ScenarioContext> {
  const facts = await loadCorpusFacts();
  const updated = await buildUpdatedBundle();
  const brokenBundle = await writeBundleVariant(updated.dir, 'broken-date.json', updated.bundle, (b) => {
    b.corpusVersion = nextCorpusVersion(updated.version);
    b.documents[2]!.date = 'tomorrow';
  });
  return { driver, facts, updated, brokenBundle, screenshotPath };
}
