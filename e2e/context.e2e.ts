import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARD_HOST, hoverMention, inCard, waitForCard, waitForCardSettled } from './harness/card';
import { CHROME_EXTENSION_DIR, REPO_ROOT, openExtensionPage } from './harness/chromium';
import { waitForHighlights } from './harness/highlights';
import { useExtensionSuite } from './harness/suite';

const DOCS = path.join(REPO_ROOT, 'docs');

interface BuiltBundle {
  name: string;
  corpusVersion: string;
  documents: { id: string; date: string; title: string; passages: { id: string }[] }[];
  mentions: { entity: string; document: string; passage: string }[];
  entities: { id: string; name: { en: string } }[];
}

/** What the dated-context parts of the open card show, read from its shadow root. */
interface ContextView {
  thenLabel: string | null;
  thenRoles: string[];
  noRole: string | null;
  latestLabel: string | null;
  latestRoles: string[];
  allRoles: { title: string; when: string }[];
  axis: { docs: number; page: boolean; label: string | null; years: string[] } | null;
  related: { title: string; snippet: string }[];
  originals: string[];
  provenance: string | null;
  moreHref: string | null;
  allHref: string | null;
}

function readContext(page: Page): Promise<ContextView | null> {
  return inCard(page, () => {
    const card = document.querySelector('.card');
    if (!card) return null;
    const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const axis = card.querySelector('svg.axis');
    return {
      thenLabel: text(card.querySelector('.then-roles .label')) || null,
      thenRoles: [...card.querySelectorAll('.then-roles .role')].map(text),
      noRole: text(card.querySelector('.no-role')) || null,
      latestLabel: text(card.querySelector('.latest-role .label')) || null,
      latestRoles: [...card.querySelectorAll('.latest-role .role')].map(text),
      allRoles: [...card.querySelectorAll('.roles li')].map((li) => ({ title: text(li.querySelector('.role')), when: text(li.querySelector('.when')) })),
      axis: axis
        ? {
            docs: axis.querySelectorAll('.axis-doc').length,
            page: !!axis.querySelector('.axis-page'),
            label: axis.getAttribute('aria-label'),
            years: [...axis.querySelectorAll('.axis-year')].map(text),
          }
        : null,
      related: [...card.querySelectorAll('.related-list > li')].map((li) => ({ title: text(li.querySelector('.source a')), snippet: text(li.querySelector('.snippet')) })),
      originals: [...card.querySelectorAll<HTMLAnchorElement>('a.original')].map((a) => a.href),
      provenance: text(card.querySelector('.provenance')) || null,
      moreHref: card.querySelector<HTMLAnchorElement>('.more a')?.href ?? null,
      allHref: card.querySelector<HTMLAnchorElement>('footer a.all')?.href ?? null,
    };
  }, null);
}

async function openCard(page: Page, name: string, within: string): Promise<void> {
  await waitForHighlights(page);
  await hoverMention(page, name, within);
  await waitForCard(page, name);
}

describe('context in time (Chromium)', () => {
  const suite = useExtensionSuite();
  let bundle: BuiltBundle;

  beforeAll(async () => {
    bundle = JSON.parse(await readFile(path.join(CHROME_EXTENSION_DIR, 'corpus', 'builtin.json'), 'utf8')) as BuiltBundle;
  });

  it('on a page published in 2022, Ebrard’s card gives his role then and his latest role, with the article on the time axis', async () => {
    const page = await suite.open('dated-2022.html');
    await openCard(page, 'Marcelo Ebrard', 'p-lede');
    const view = (await readContext(page))!;
    // JSON-LD says 13 September 2022 (the meta tag's 2021 date is ignored: JSON-LD comes first).
    expect(view.thenLabel).toBe('At the time of this article (Sep 13, 2022)');
    expect(view.thenRoles).toEqual(['Secretary of Foreign Relations of Mexico']);
    expect(view.latestLabel).toBe('Latest role');
    expect(view.latestRoles).toEqual(['Secretary of Economy of Mexico']);
    expect(view.noRole).toBeNull();
    const docs = new Set(bundle.mentions.filter((m) => m.entity === 'marcelo-ebrard').map((m) => m.document));
    expect(view.axis).toMatchObject({ docs: new Set(bundle.documents.filter((d) => docs.has(d.id)).map((d) => d.date)).size, page: true });
    expect(view.axis!.label).toContain('this article is marked');
    expect(view.axis!.years).toContain('2022');
  });

  it('on an undated page, the card lists every role with its dates and marks no article date', async () => {
    const page = await suite.open('undated.html');
    await openCard(page, 'Marcelo Ebrard', 'p-ebrard');
    const view = (await readContext(page))!;
    expect(view.thenLabel).toBeNull();
    expect(view.latestLabel).toBeNull();
    expect(view.allRoles).toContainEqual({ title: 'Secretary of Foreign Relations of Mexico', when: 'Dec 1, 2018 – Jun 2023' });
    expect(view.allRoles).toContainEqual({ title: 'Secretary of Economy of Mexico', when: 'since Oct 1, 2024' });
    expect(view.axis?.page).toBe(false);
  });

  it('shows corpus passages related to the paragraph (semiconductors first), a provenance footer, and text-fragment links', async () => {
    const page = await suite.open('dated-2022.html');
    await openCard(page, 'Gina Raimondo', 'p-raimondo');
    await expect.poll(() => inCard(page, () => !!document.querySelector('.related-list li'), null), { timeout: 5_000 }).toBe(true);
    const view = (await readContext(page))!;
    expect(view.related.length).toBeGreaterThan(0);
    expect(view.related.length).toBeLessThanOrEqual(3);
    expect(view.related[0]!.snippet.toLowerCase()).toContain('semiconductor');
    expect(view.provenance).toContain(`${bundle.name} ${bundle.corpusVersion}`);
    expect(view.provenance).toMatch(/data as of [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    // Every "original article" link lands on the quoted sentence.
    expect(view.originals.length).toBeGreaterThan(0);
    for (const href of view.originals) expect(href).toMatch(/#:~:text=[^&]+/);
    expect(view.allHref).toMatch(/reader\.html#entity=gina-raimondo$/);
    await waitForCardSettled(page);
    await page.screenshot({ path: path.join(DOCS, 'card-dated.png') });
    // The lower half of the same card: the timeline on its axis and the related passages.
    await inCard(page, () => document.querySelector('.related')!.scrollIntoView({ block: 'end' }), null);
    await page.screenshot({ path: path.join(DOCS, 'card-related.png') });
  });

  it('copies a citation that holds the quoted sentence, in plain text and Markdown', async () => {
    const page = await suite.open('dated-2022.html');
    await suite.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    await openCard(page, 'Marcelo Ebrard', 'p-lede');
    const first = page.frameLocator(`${CARD_HOST} iframe.frame`).locator('.timeline > li').first();
    const snippet = (await first.locator('.snippet').innerText()).replace(/^…\s*|\s*…$/g, '');
    const title = await first.locator('.source a').innerText();
    await first.getByRole('button', { name: 'Copy citation of this passage', exact: true }).click();
    await expect.poll(() => first.locator('[role=status]').innerText()).toContain('Citation copied');
    const plain = await page.evaluate(() => navigator.clipboard.readText());
    const [quoteLine, byLine] = plain.split('\n');
    // The quoted sentence is the one of the snippet that names him, whole.
    expect(quoteLine).toMatch(/^“.*Ebrard.*”$/);
    const quote = quoteLine!.slice(1, -1);
    expect(snippet.includes(quote) || quote.includes(snippet.slice(0, 40))).toBe(true);
    expect(byLine).toContain(`— ${title} (`);
    await first.getByRole('button', { name: 'Copy citation in Markdown' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^> .*Ebrard/);
    const md = await page.evaluate(() => navigator.clipboard.readText());
    expect(md).toContain(`— `);
    expect(md).toContain(title.replace(/([\\`*_[\]<>#|])/g, '\\$1'));
  });

  it('the reader’s entity timeline lists every passage that mentions Ebrard, grouped by year, with who is named with him', async () => {
    const page = suite.track(await openExtensionPage(suite.browser.context, suite.browser.extensionId, 'reader.html#entity=marcelo-ebrard'));
    await page.waitForSelector('article.entity h3');
    const passageIds = new Set(bundle.mentions.filter((m) => m.entity === 'marcelo-ebrard').map((m) => m.passage));
    const yearOf = new Map(bundle.documents.flatMap((d) => d.passages.map((p) => [p.id, d.date.slice(0, 4)] as const)));
    const expected = new Map<string, number>();
    for (const id of passageIds) expected.set(yearOf.get(id)!, (expected.get(yearOf.get(id)!) ?? 0) + 1);
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('section.year')].map((s) => ({ year: s.querySelector('h3')!.firstChild!.textContent!.trim(), items: s.querySelectorAll('li').length })),
    );
    expect(shown.map((s) => s.year)).toEqual([...expected.keys()].sort().reverse());
    for (const s of shown) expect(s.items).toBe(expected.get(s.year));
    expect(await page.locator('h1').innerText()).toBe('Marcelo Ebrard');
    expect(await page.title()).toBe('Marcelo Ebrard — HLED Lens');
    // Named with him: the entity sharing the most passages with him comes first.
    const together = new Map<string, Set<string>>();
    for (const m of bundle.mentions) if (m.entity !== 'marcelo-ebrard' && passageIds.has(m.passage)) together.set(m.entity, (together.get(m.entity) ?? new Set()).add(m.passage));
    const top = [...together].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))[0]!;
    const related = await page.locator('ul.entities li a').allInnerTexts();
    expect(related[0]).toBe(bundle.entities.find((e) => e.id === top[0])!.name.en);
    // A passage link opens that passage in the reader.
    await page.locator('section.year li a').first().click();
    await page.waitForSelector('.passage.cited');
    await page.goto(page.url().replace(/#.*/, '#entity=marcelo-ebrard'));
    await page.waitForSelector('article.entity h3');
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: path.join(DOCS, 'reader-entity.png') });
  });

  it('copies a citation of a reader passage, quoting the reader’s selection', async () => {
    const page = suite.track(await openExtensionPage(suite.browser.context, suite.browser.extensionId, 'reader.html#entity=marcelo-ebrard'));
    await suite.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.waitForSelector('section.year li a');
    await page.locator('section.year li a').first().click();
    const cited = page.locator('.passage-block.is-cited');
    await cited.waitFor();
    const selected = await page.evaluate(() => {
      const p = document.querySelector('.passage.cited')!;
      const text = p.firstChild!.firstChild as Text; // <p><mark>text</mark></p>
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, Math.min(60, text.length));
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return range.toString().trim();
    });
    await cited.getByRole('button', { name: 'Copy citation of this passage', exact: true }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`“${selected}”`);
  });
});
