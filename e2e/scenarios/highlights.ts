import { expect } from 'vitest';
import type { Scenario } from './context';
import { ARTICLE_EN, ARTICLE_ES } from './expectations';
import { waitForHighlights } from './steps';

/** The English and Spanish articles are highlighted with the same terms in every browser. */
export const HIGHLIGHT_SCENARIOS: Scenario[] = [
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
];
