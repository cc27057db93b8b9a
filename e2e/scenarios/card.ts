import { expect } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import { formatDate } from '../../lib/ui/format';
import { CARD_HOST } from '../harness/card';
import { SCREEN, type Scenario, type ScenarioContext } from './context';
import type { PageDriver } from './driver';
import { readerTarget } from './expectations';
import { clickElement, hoverMention, readCard, waitForCard, waitForCardSettled, waitForHighlights, waitForNoCard } from './steps';

const HOVER_DELAY_MS = DEFAULT_SETTINGS.hoverDelayMs;
/** The card layer's close grace period. */
const CLOSE_GRACE_MS = 300;

/** Opens article-en.html, waits for the lede's "Marcelo Ebrard" and opens his card by hovering it. */
async function openEbrardCard({ driver }: ScenarioContext, beforeHover?: (page: PageDriver) => Promise<void>) {
  const page = await driver.openFixture('article-en.html', SCREEN);
  await waitForHighlights(page, (r) => r.some((m) => m.text === 'Marcelo Ebrard' && m.within === 'p-lede'));
  await beforeHover?.(page);
  await hoverMention(page, 'Marcelo Ebrard', 'p-lede');
  const card = await waitForCard(page, 'Marcelo Ebrard');
  return { page, card };
}

/** The card: what it shows, its look on a locked-down page, its links into the reader, Escape. */
export const CARD_SCENARIOS: Scenario[] = [
  {
    name: 'hovering "Marcelo Ebrard" opens his card after the hover delay: dated roles and dated mentions in the corpus documents',
    async run(ctx) {
      const { driver, facts } = ctx;
      const page = await driver.openFixture('article-en.html', SCREEN);
      await waitForHighlights(page, (r) => r.some((m) => m.text === 'Marcelo Ebrard' && m.within === 'p-lede'));
      expect(await readCard(page), 'no card before any hover').toBeNull();
      // The page's own clock: when the pointer last moved, and when the card became visible (its
      // frame shown, not laid out unseen during the delay; the host's root is open in test builds).
      await page.evaluate(`(() => {
        const log = (window.__hledHover = { moved: 0, added: 0 });
        addEventListener('pointermove', () => { log.moved = performance.now(); }, { capture: true, passive: true });
        const visible = () => !!document.querySelector(${JSON.stringify(CARD_HOST)})?.shadowRoot?.querySelector('iframe:not([hidden]):not(.prepared)');
        const watch = new MutationObserver(() => { if (!log.added && visible()) log.added = performance.now(); });
        watch.observe(document.documentElement, { childList: true });
        new MutationObserver((_, self) => {
          const host = document.querySelector(${JSON.stringify(CARD_HOST)});
          if (!host) return;
          self.disconnect();
          watch.observe(host.shadowRoot, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden', 'class'] });
        }).observe(document.documentElement, { childList: true });
      })()`);
      await hoverMention(page, 'Marcelo Ebrard', 'p-lede');
      const card = await waitForCard(page, 'Marcelo Ebrard');
      const times = await page.evaluate<{ moved: number; added: number }>('window.__hledHover');
      expect(times.moved, 'the page saw the pointer move').toBeGreaterThan(0);
      expect(times.added, 'the card became visible').toBeGreaterThan(0);
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
      // The frame element in the page is styled by the host's adopted sheet; the card inside by
      // its own page's sheet, which the web page's policy does not govern.
      const host = await page.evaluate<{ adopted: number; styleElements: number; border: string }>(`(() => {
        const root = document.querySelector(${JSON.stringify(CARD_HOST)}).shadowRoot;
        return { adopted: root.adoptedStyleSheets.length, styleElements: root.querySelectorAll('style').length, border: getComputedStyle(root.querySelector('iframe')).borderTopLeftRadius };
      })()`);
      expect(host).toEqual({ adopted: 1, styleElements: 0, border: '10px' });
      const styles = await page.evaluateInCard<{ background: string; padding: string }>(`(() => {
        const cs = getComputedStyle(document.querySelector('.card'));
        return { background: cs.backgroundColor, padding: cs.paddingTop };
      })()`);
      expect(styles.background).toBe('rgb(255, 255, 255)');
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

      const reader = await driver.waitForNewTab(entry.href, () => clickElement(page, '.timeline > li .source a', true));
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
];
