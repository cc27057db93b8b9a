import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARD_HOST, cardFrame, hoverMention, waitForCard, waitForCardSettled } from './harness/card';
import { REPO_ROOT, openExtensionPage } from './harness/chromium';
import { waitForHighlights } from './harness/highlights';
import { useExtensionSuite } from './harness/suite';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

let axeSource = '';

/**
 * Runs axe-core in the page (or only inside `include`, a selector) and returns the serious and
 * critical violations. axe reads open shadow roots, so the card's own markup is checked.
 */
async function seriousViolations(page: Page | Frame, include?: string): Promise<Violation[]> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(axeSource);
  const script = `axe.run(${include ? JSON.stringify({ include: [[include]] }) : 'document'}, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })))`;
  const all = (await page.evaluate(script)) as Violation[];
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const describeViolations = (vs: Violation[]) => vs.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`).join('\n');

describe('accessibility: axe-core on every page and the open card (Chromium)', () => {
  const suite = useExtensionSuite();

  beforeAll(async () => {
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  });

  const extensionPage = async (path: string, scheme: 'light' | 'dark', ready: string) => {
    const page = suite.track(await openExtensionPage(suite.browser.context, suite.browser.extensionId, path));
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForSelector(ready);
    return page;
  };

  for (const scheme of ['light', 'dark'] as const) {
    it(`popup, options, welcome and reader pages have no serious or critical violations (${scheme})`, async () => {
      const pages: [string, string][] = [
        ['popup.html', 'input[type=search]'],
        ['options.html', '#settings-title'],
        ['welcome.html', '#choose-title'],
        ['reader.html', 'h1'],
        ['reader.html#q=Ebrard', 'main section h1'],
        ['reader.html#entity=marcelo-ebrard', 'article.entity h3'],
      ];
      for (const [path, ready] of pages) {
        const page = await extensionPage(path, scheme, ready);
        const found = await seriousViolations(page);
        expect(found, `${path}\n${describeViolations(found)}`).toEqual([]);
      }
      // A document at a cited passage (the first result of the search).
      const reader = await extensionPage('reader.html#q=Ebrard', scheme, 'ol.passages li a');
      await reader.locator('ol.passages li a').first().click();
      await reader.waitForSelector('.passage.cited');
      const found = await seriousViolations(reader);
      expect(found, `reader document\n${describeViolations(found)}`).toEqual([]);
    });

    it(`the open card has no serious or critical violations (${scheme})`, async () => {
      const page = await suite.open(scheme === 'dark' ? 'dark.html' : 'dated-2022.html');
      await page.emulateMedia({ colorScheme: scheme });
      await waitForHighlights(page);
      const name = scheme === 'dark' ? (await waitForHighlights(page))[0]!.text : 'Gina Raimondo';
      await hoverMention(page, name);
      await waitForCard(page);
      await waitForCardSettled(page);
      // The frame in the page (its name), and the card in the frame.
      const host = await seriousViolations(page, CARD_HOST);
      expect(host, describeViolations(host)).toEqual([]);
      const found = await seriousViolations(cardFrame(page)!);
      expect(found, describeViolations(found)).toEqual([]);
      if (scheme === 'dark') await page.screenshot({ path: path.join(REPO_ROOT, 'docs', 'card-dark.png') });
    });
  }
});
