import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../lib/settings/defaults';
import { CARD_HOST, hoverMention, inCard, sendNextMention, waitForCard, waitForCardSettled } from './harness/card';
import { REPO_ROOT, openExtensionPage } from './harness/chromium';
import { highlightTexts, paintedRanges, waitForHighlights, writeSettings } from './harness/highlights';
import { useExtensionSuite } from './harness/suite';
import { cardHostInPage } from './harness/page-reads';

const DOCS = path.join(REPO_ROOT, 'docs');

const cardText = (page: Page, selector: string) => inCard(page, (sel) => document.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, selector);

describe('the reader in control (Chromium)', () => {
  const suite = useExtensionSuite();

  it('the card says why a highlight is there: the alias that matched, and the rule', async () => {
    const page = await suite.open('article-en.html');
    await writeSettings(suite.extPage, { ...DEFAULT_SETTINGS, density: 'all' });
    await waitForHighlights(page, { until: (r) => r.some((m) => m.text === 'Salazar') });
    await hoverMention(page, 'Marcelo Ebrard', 'p-lede');
    await waitForCard(page, 'Marcelo Ebrard');
    expect(await cardText(page, '.why-text')).toBe('The page says “Marcelo Ebrard”, a name of Marcelo Ebrard.');
    expect(await cardText(page, '.why .count')).toMatch(/^This page names it \d+ times\.$/);
    await page.keyboard.press('Escape');
    // A surname alone counts because the page names him in full.
    await hoverMention(page, 'Salazar', 'p-salazar');
    await waitForCard(page, 'Ken Salazar');
    expect(await cardText(page, '.why-text')).toBe('“Salazar” alone could be someone else; it counts because this page also names Ken Salazar in full.');
    await waitForCardSettled(page);
    await page.screenshot({ path: path.join(DOCS, 'card-why.png') });
  });

  it('"Not this" hides the highlight; the site-wide correction survives a reload and is undone on the options page', async () => {
    const page = await suite.open('undated.html');
    await waitForHighlights(page);
    expect(await highlightTexts(page)).toContain('Marcelo Ebrard');
    await hoverMention(page, 'Marcelo Ebrard', 'p-ebrard');
    await waitForCard(page, 'Marcelo Ebrard');
    const card = page.frameLocator(`${CARD_HOST} iframe.frame`);
    await card.getByRole('button', { name: 'Not this: hide this highlight' }).click();
    await expect.poll(() => highlightTexts(page)).not.toContain('Marcelo Ebrard');
    await card.getByRole('button', { name: 'Never take “Marcelo Ebrard” for Marcelo Ebrard on 127.0.0.1' }).click();
    await expect.poll(() => cardText(page, '.not-this-done')).toContain('will not be highlighted as Marcelo Ebrard on 127.0.0.1 again');

    await page.reload();
    // The page is annotated (the HLED is still highlighted), without the corrected alias.
    await waitForHighlights(page, { until: (r) => r.some((m) => m.text === 'High-Level Economic Dialogue') });
    expect(await highlightTexts(page)).not.toContain('Marcelo Ebrard');

    const options = suite.track(await openExtensionPage(suite.browser.context, suite.browser.extensionId, 'options.html'));
    const item = options.locator('.corrections-list li', { hasText: '“Marcelo Ebrard” is not Marcelo Ebrard on 127.0.0.1' });
    await item.waitFor();
    await item.getByRole('button', { name: 'Undo: highlight “Marcelo Ebrard” as Marcelo Ebrard on 127.0.0.1 again' }).click();
    await options.locator('.corrections-list').waitFor({ state: 'detached' });
    // Undone live in the open tab, and for good.
    await expect.poll(() => highlightTexts(page), { timeout: 5_000 }).toContain('Marcelo Ebrard');
    await page.reload();
    await waitForHighlights(page, { until: (r) => r.some((m) => m.text === 'Marcelo Ebrard') });
  });

  it('paints the first mention of a name per section by default, and every one with the setting on', async () => {
    const page = await suite.open('dense-sections.html');
    await waitForHighlights(page);
    const withinOf = async () => ((await paintedRanges(page)) ?? []).filter((r) => r.text === 'Marcelo Ebrard').length;
    expect(await withinOf()).toBe(3);
    await hoverMention(page, 'Marcelo Ebrard');
    await waitForCard(page, 'Marcelo Ebrard');
    expect(await cardText(page, '.why .count')).toBe('This page names it 9 times.');
    await page.keyboard.press('Escape');

    // The keyboard command still reaches the mentions that are not painted.
    await page.mouse.move(1, 1);
    await sendNextMention(suite.extPage, page);
    await waitForCard(page, 'Marcelo Ebrard');
    await sendNextMention(suite.extPage, page);
    const active = await page.evaluate(() => {
      const r = [...(CSS.highlights.get('hled-active') ?? [])][0] as AbstractRange | undefined;
      return r ? (r.startContainer.parentElement?.textContent ?? null) : null;
    });
    expect(active).toBe('Aides said Marcelo Ebrard would meet industry groups first.');
    await page.keyboard.press('Escape');

    await writeSettings(suite.extPage, { ...DEFAULT_SETTINGS, density: 'all' });
    await expect.poll(withinOf).toBe(9);
  });
});

describe('frames and shadow roots (Chromium)', () => {
  const suite = useExtensionSuite();

  it('a highlight inside an open shadow root and one inside a same-origin iframe open cards, one card at a time', async () => {
    const page = await suite.open('frames.html');
    const frame = page.frame({ url: /frame-inner\.html$/ })!;
    // A Frame answers evaluate/waitForFunction like a Page, which is all these helpers use.
    const inFrame = frame as unknown as Page;
    const mentions = await waitForHighlights(inFrame, { until: (r) => r.some((m) => m.text === 'Gina Raimondo') });
    const box = mentions.find((m) => m.text === 'Gina Raimondo')!.rects[0]!;
    const offset = (await page.locator('#embed').boundingBox())!;
    // The frame's content starts inside the iframe's 1px border.
    await page.mouse.move(offset.x + 1 + box.x + box.width / 2, offset.y + 1 + box.y + box.height / 2);
    await waitForCard(inFrame, 'Gina Raimondo');

    // The web component's text, in its open shadow root, below the frame.
    await waitForHighlights(page, { until: (r) => r.some((m) => m.text === 'Marcelo Ebrard') });
    await hoverMention(page, 'Marcelo Ebrard');
    await waitForCard(page, 'Marcelo Ebrard');
    // Opening the page's card closed the frame's: one card per tab.
    await expect.poll(() => frame.evaluate(cardHostInPage, CARD_HOST)).toBeNull();
  });
});
