import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CARD_HOST, cardFrame, focusState, inCard, sendNextMention, waitForCard, waitForCardSettled, waitForNoCard } from './harness/card';
import { CHROME_EXTENSION_DIR, openExtensionPage } from './harness/chromium';
import { indicatorVisible, readFocused, tabStopsInPage, tabThrough, type FocusedView } from './harness/focus';
import { waitForHighlights } from './harness/highlights';
import { useExtensionSuite } from './harness/suite';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A reader with a keyboard and no mouse: from a highlight to its card and through it, from the
 * popup's search to a passage in the reader, and across every control of the options page. Only
 * keyboard input reaches the pages (no clicks, no `focus()` calls); each focused element must show
 * a focus indicator a reader can see.
 */

const describeStops = (seen: (FocusedView | null)[]) => seen.map((f) => (f ? `${f.id} [${f.focusVisible ? 'focus-visible' : 'no focus-visible'}; outline ${f.outline}, ${f.outlineContrast}:1; shadow ${f.boxShadow}]` : '(nothing)')).join('\n');

describe('keyboard only (Chromium)', () => {
  const suite = useExtensionSuite();

  const extensionTab = async (file: string, viewport = { width: 1000, height: 800 }): Promise<Page> => {
    const page = suite.track(await openExtensionPage(suite.browser.context, suite.browser.extensionId, file));
    await page.setViewportSize(viewport);
    await page.bringToFront();
    return page;
  };

  it('the shortcut opens the first highlight’s card, which announces itself; Tab visits its links and buttons, each visibly focused; Escape closes it and focus goes back', async () => {
    // The shortcut is the manifest's command: Chromium handles it in the browser, out of reach of
    // the page's key events, and delivers it to the background, which tells the tab. The test
    // delivers it the way the background does (`sendNextMention`).
    const manifest = JSON.parse(await readFile(path.join(CHROME_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { commands: Record<string, { suggested_key: { default: string } }> };
    expect(manifest.commands['next-mention']!.suggested_key.default).toBe('Alt+Shift+L');

    const page = await suite.open('article-en.html');
    await waitForHighlights(page, { until: (r) => r.some((m) => m.text === 'Marcelo Ebrard' && m.within === 'p-lede') });
    await page.bringToFront();
    await page.keyboard.press('Tab');
    expect((await readFocused(page))?.id).toMatch(/ a\.skip-link "Skip to content"$/);

    await sendNextMention(suite.extPage, page);
    await waitForCard(page, 'Marcelo Ebrard');
    await waitForCardSettled(page);
    // Focus is in the card, which is a dialog named by its title and described by its description:
    // what a screen reader announces when focus moves there.
    const focus = await focusState(page);
    expect(focus.onHost && focus.inCardDialog, `focus is in the card (active: ${focus.active}, in card: ${focus.inCard})`).toBe(true);
    const dialog = page.frameLocator(`${CARD_HOST} iframe.frame`).locator('[role="dialog"]');
    expect(await dialog.getAttribute('aria-modal')).toBe('false');
    const snapshot = await dialog.ariaSnapshot();
    expect(snapshot).toMatch(/^- dialog "Marcelo Ebrard"/);
    const description = await inCard(page, () => document.getElementById(document.querySelector('[role="dialog"]')!.getAttribute('aria-describedby')!)?.textContent ?? '', null);
    expect(description).toMatch(/^Mexican politician/);
    const frame = cardFrame(page)!;
    const cardItself = (await readFocused(frame))!;
    expect(cardItself.id).toMatch(/ div\.card /);
    expect(cardItself.outline, 'the card shows it has focus').toMatch(/^solid 2px/);

    const stops = await frame.evaluate(tabStopsInPage, null);
    expect(stops.length, stops.join('\n')).toBeGreaterThanOrEqual(8);
    const seen = await tabThrough(page, stops.length, null, frame);
    expect(seen.map((f) => f?.id ?? null), describeStops(seen)).toEqual(stops);
    expect(seen.filter((f) => !f || !indicatorVisible(f)).map((f) => f?.id ?? null), `without a visible focus indicator:\n${describeStops(seen)}`).toEqual([]);
    expect(stops[0]).toMatch(/ button\.close "Close"$/);
    for (const name of ['Read in context', 'Copy citation', 'Not this', 'Every mention, by year']) {
      expect(stops.some((s) => s.includes(`"${name}`)), `Tab reaches "${name}"`).toBe(true);
    }

    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    expect((await readFocused(page))?.id, 'focus is back where it was').toMatch(/ a\.skip-link "Skip to content"$/);
  });

  it('the popup: type a search, move with the arrow keys, Enter opens the reader at that passage; Tab then reaches its citation buttons', async () => {
    const popup = await extensionTab('popup.html', { width: 400, height: 600 });
    await popup.waitForSelector('#q');
    const box = await readFocused(popup);
    expect(box?.id).toMatch(/ input#q /);
    expect(indicatorVisible(box!), `the search box shows focus: ${describeStops([box])}`).toBe(true);

    await popup.keyboard.type('Ebrard', { delay: 20 });
    await popup.waitForSelector('[role="listbox"][aria-label="Results for “Ebrard”"]', { timeout: 10_000 });
    const entities = await popup.locator('#results [role="option"].entity').count();
    for (let i = 0; i <= entities; i++) await popup.keyboard.press('ArrowDown');
    const chosen = await popup.evaluate(() => {
      const input = document.getElementById('q')!;
      const option = document.getElementById(input.getAttribute('aria-activedescendant') ?? '');
      const other = document.querySelector('#results [role="option"]:not(.active)');
      const css = (el: Element | null) => (el ? getComputedStyle(el) : null);
      return {
        focus: document.activeElement?.id,
        kind: option?.classList.contains('passage') ? 'passage' : option?.className,
        selected: option?.getAttribute('aria-selected'),
        text: option?.textContent ?? '',
        border: css(option)?.borderLeftColor,
        otherBorder: css(other)?.borderLeftColor,
        background: css(option)?.backgroundColor,
        otherBackground: css(other)?.backgroundColor,
      };
    });
    expect(chosen.focus, 'focus stays in the search box').toBe('q');
    expect(chosen.kind).toBe('passage');
    expect(chosen.selected).toBe('true');
    // Focus stays in the box, so the chosen option carries the mark a focus ring would.
    expect(chosen.border).not.toBe(chosen.otherBorder);
    expect(chosen.background).not.toBe(chosen.otherBackground);

    const readerOpened = suite.browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/reader.html'), timeout: 10_000 });
    await popup.keyboard.press('Enter');
    const reader = suite.track(await readerOpened);
    const passage = new URLSearchParams(new URL(reader.url()).hash.slice(1)).get('p');
    await reader.waitForSelector(`[id="passage-${passage}"].cited`, { timeout: 10_000 });
    await reader.waitForFunction((id) => document.activeElement?.id === id, `passage-${passage}`);
    expect(await reader.locator(`[id="passage-${passage}"]`).textContent()).toContain(chosen.text.replace(/^…\s*/, '').replace(/\s*…$/, '').slice(0, 40));

    // The passage's tools show on hover, and on keyboard focus.
    await reader.bringToFront();
    const [copy] = await tabThrough(reader, 1);
    expect(copy?.id).toMatch(/ button\.cite "Copy citation of this passage"$/);
    expect(indicatorVisible(copy!), describeStops([copy!])).toBe(true);
    expect(await reader.evaluate(() => getComputedStyle(document.activeElement!.closest('.passage-tools')!).opacity)).toBe('1');
  });

  it('the options page: Tab reaches every control in order, each visibly focused', async () => {
    const page = await extensionTab('options.html');
    // Everything the page loads is in: the corpus, its history, the trusted keys.
    for (const loaded of ['.active-corpus', 'ol.history li', 'ul.keys li']) await page.waitForSelector(loaded);
    const stops = await page.evaluate(tabStopsInPage, null);
    expect(stops.length, stops.join('\n')).toBeGreaterThanOrEqual(20);
    const seen = await tabThrough(page, stops.length);
    expect(seen.map((f) => f?.id ?? null), describeStops(seen)).toEqual(stops);
    expect(seen.filter((f) => !f || !indicatorVisible(f)).map((f) => f?.id ?? null), `without a visible focus indicator:\n${describeStops(seen)}`).toEqual([]);
    for (const control of ['input#setting-enabled', 'select#setting-language', 'textarea#setting-sites', 'input#bundle-file', 'input#subscription-url', 'textarea#key-jwk']) {
      expect(stops.some((s) => s.includes(` ${control}`)), `Tab reaches ${control}`).toBe(true);
    }
  });
});
