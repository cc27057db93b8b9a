import { expect } from 'vitest';
import { formatDate } from '../../lib/ui/format';
import { NEW_DOCUMENT, NEW_ENTITY } from '../harness/bundles';
import { OPTIONS_VIEWPORT, type Scenario } from './context';
import type { BrowserDriver, PageDriver } from './driver';
import { askBackground, clickElement, readOptions, waitForHighlights } from './steps';

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

/** Importing corpus bundles on the options page; the last one changes the active corpus. */
export const OPTIONS_SCENARIOS: Scenario[] = [
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
      // An unsigned bundle from a file: a warning, and Import waits for an explicit acknowledgement.
      const importState = `(() => {
        const warning = document.querySelector('.summary .unverified .warning');
        const button = [...document.querySelectorAll('.summary button')].find((b) => b.textContent.trim() === 'Import');
        return { warning: warning ? warning.textContent.trim() : null, disabled: button ? button.disabled : null };
      })()`;
      expect(await page.evaluate(importState)).toEqual({ warning: 'This bundle is not signed: nothing proves who made it.', disabled: true });
      // The summary alone changes nothing.
      expect((await corpusInfo(page)).corpusVersion).toBe(updated.builtinVersion);
      await page.evaluate(`document.querySelector('.summary').scrollIntoView({ block: 'end', behavior: 'instant' })`);
      const shot = ctx.screenshotPath('options-summary');
      if (shot) await page.screenshot(shot);

      await clickElement(page, '.summary .unverified input[type="checkbox"]');
      await page.waitFor(`${importState}.disabled === false`, 'Import to be enabled once the warning is acknowledged');
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
