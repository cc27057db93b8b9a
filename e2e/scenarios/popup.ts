import { expect } from 'vitest';
import { formatDate } from '../../lib/ui/format';
import { POPUP_VIEWPORT, type Scenario } from './context';
import { readerTarget } from './expectations';
import { clickElement } from './steps';

/** The toolbar popup's search, opened as a tab (no driver can open the real popup in Firefox). */
export const POPUP_SCENARIOS: Scenario[] = [
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
];
