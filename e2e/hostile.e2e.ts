import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverMention, readCard, waitForCard } from './harness/card';
import { DEFAULT_SETTINGS } from '../lib/settings/defaults';
import { waitForHighlights, writeSettings } from './harness/highlights';
import { heapAfterGc, ourTimePerTask, startProfiledTrace } from './harness/our-tasks';
import { startServer, type StaticServer } from './harness/server';
import { useExtensionSuite } from './harness/suite';

/**
 * Pages that fight back: built-ins redefined in the page's world, our highlights wiped and the
 * text under them rewritten, a flood of mutations, a 5 MB body. The extension keeps working (or
 * backs off), the page keeps working, and no task carries more than 50 ms of the extension's code.
 */

const suite = useExtensionSuite();
const TASK_BUDGET_MS = 50;
/**
 * The profiler's samples measure wall time: on this shared two-core machine (load often above 3)
 * a renderer descheduled in the middle of our code counts that wait as ours. A timing test gets
 * one more try on a fresh page; the figures printed are those of the last try.
 */
const TIMING = { timeout: 120_000, retry: 1 };
/** Figures each test reports (printed at the end; the README quotes a run). */
const figures: Record<string, number | string> = {};

/** Errors the extension's code raised on the page (anything naming our scripts or our prefix). */
function watchOurErrors(page: Page): string[] {
  const errors: string[] = [];
  const ours = (text: string) => /chrome-extension:|hled/i.test(text);
  page.on('console', (m) => {
    if (m.type() === 'error' && ours(`${m.text()} ${m.location().url}`)) errors.push(m.text());
  });
  page.on('pageerror', (e) => {
    if (ours(`${e.message} ${e.stack ?? ''}`)) errors.push(e.message);
  });
  return errors;
}

const texts = (ranges: { text: string }[]) => ranges.map((r) => r.text);

/** Every mention painted, not the first per section: the most work for the extension and the page. */
const paintEvery = () => writeSettings(suite.extPage, { ...DEFAULT_SETTINGS, density: 'all' });

describe('a page that redefines built-ins in its own world', () => {
  it('still gets its highlights and cards, never has its broken built-ins called, and keeps working', async () => {
    const page = await suite.open('hostile-builtins.html');
    const errors = watchOurErrors(page);
    const ranges = await waitForHighlights(page, { until: (r) => ['Marcelo Ebrard', 'Gina Raimondo', 'COFEPRIS'].every((t) => texts(r).includes(t)) });
    expect(ranges.every((r) => r.connected)).toBe(true);
    await hoverMention(page, 'Marcelo Ebrard');
    // Polled from here: Playwright's own waitForFunction needs the MutationObserver this page broke.
    await expect.poll(async () => (await readCard(page))?.title ?? null, { timeout: 5_000 }).toBe('Marcelo Ebrard');
    // Our code ran in its own world: not one call reached the page's booby-trapped built-ins.
    expect(await page.evaluate('window.__hostileCalls ?? 0')).toBe(0);
    await page.click('#counter');
    expect(await page.textContent('#counter')).toBe('Clicked 1');
    const ticks = Number(await page.evaluate('window.__ticks'));
    await page.waitForTimeout(200);
    expect(Number(await page.evaluate('window.__ticks'))).toBeGreaterThan(ticks);
    expect(errors).toEqual([]);
  });
});

describe('a page that wipes our highlights and rewrites the text under them', () => {
  it('follows the page: new text highlighted, removed text forgotten, highlights registered again', async () => {
    const page = await suite.open('hostile-rewrite.html');
    const errors = watchOurErrors(page);
    await waitForHighlights(page, { until: (r) => texts(r).includes('COFEPRIS') && texts(r).includes('Marcelo Ebrard') });
    await page.evaluate('hostile.clearHighlights(); hostile.rewrite()');
    const after = await waitForHighlights(page, { until: (r) => texts(r).includes('Tatiana Clouthier') && texts(r).filter((t) => t === 'Gina Raimondo').length === 1 });
    expect(texts(after)).not.toContain('COFEPRIS');
    expect(texts(after)).not.toContain('Marcelo Ebrard');
    expect(after.every((r) => r.connected)).toBe(true);
    // Every node of the article replaced by a copy: the copies are annotated, the old ones dropped.
    await page.evaluate('hostile.replaceArticle()');
    const copies = await waitForHighlights(page, { until: (r) => r.length > 0 && r.every((x) => x.connected) && texts(r).includes('Tatiana Clouthier') });
    expect(texts(copies).sort()).toEqual(texts(after).sort());
    await hoverMention(page, 'Gina Raimondo');
    expect((await waitForCard(page, 'Gina Raimondo')).title).toBe('Gina Raimondo');
    expect(errors).toEqual([]);
  });
});

describe('a page that floods the DOM', () => {
  it('10,000 appended nodes a second for 3 s: no task with over 50 ms of ours, the page keeps its pace, memory comes back', TIMING, async () => {
    await paintEvery();
    const page = await suite.open('hostile-flood.html');
    const errors = watchOurErrors(page);
    await waitForHighlights(page, { until: (r) => texts(r).includes('Marcelo Ebrard') });
    const cdp = await page.context().newCDPSession(page);
    const heapBefore = await heapAfterGc(cdp);
    const stop = await startProfiledTrace(cdp);
    const t0 = Date.now();
    const flood = (await page.evaluate('flood(10000, 3)')) as { appended: number; maxGapMs: number };
    const floodMs = Date.now() - t0;
    // Every tenth node names two entities: the extension keeps up (or backs off) without stalling the page.
    const settled = await waitForHighlights(page, { until: (r) => r.length > 2, quietMs: 1000, timeout: 60_000 });
    const ours = ourTimePerTask(await stop(), `chrome-extension://${suite.browser.extensionId}/`);
    const heapFlooded = await heapAfterGc(cdp);
    await page.evaluate('clearFeed()');
    await waitForHighlights(page, { until: (r) => r.length > 0 && r.length <= 4, quietMs: 500 });
    const heapCleared = await heapAfterGc(cdp);
    await cdp.detach();
    Object.assign(figures, {
      'flood.appended_nodes': flood.appended,
      'flood.highlights': settled.length,
      'flood.wall_ms': floodMs,
      'flood.page_max_timer_gap_ms': Math.round(flood.maxGapMs),
      'flood.our_longest_in_task_ms': Number(ours.longestMs.toFixed(1)),
      'flood.our_total_ms': Math.round(ours.totalMs),
      'flood.heap_before_bytes': heapBefore,
      'flood.heap_flooded_bytes': heapFlooded,
      'flood.heap_after_clear_bytes': heapCleared,
    });
    expect(flood.appended).toBe(30_000);
    // The measurement sees our code at all (so a zero below would not be a blind spot).
    expect(ours.totalMs).toBeGreaterThan(0);
    expect(ours.longestMs).toBeLessThan(TASK_BUDGET_MS);
    expect(settled.every((r) => r.connected)).toBe(true);
    // Nothing of the removed nodes is held: the heap returns to within 4 MB of where it started.
    expect(heapCleared).toBeLessThan(heapBefore + 4 * 1024 * 1024);
    expect(errors).toEqual([]);
  });
});

/**
 * Pages megabytes long: 5 MB of paragraphs, and pages that are one block or one text node: a
 * transcript as lines ended by <br> (as some sites lay out an article), a block of inline markup
 * only, and a log in one text node. Each of the last three was once read as one batch: one task
 * of 90-140 ms of ours.
 */
const BIG_PAGES = [
  { name: 'big_page', what: '5 MB of paragraphs', mb: 5, line: (text: string) => `<p>${text}</p>\n` },
  { name: 'one_block_lines', what: 'one block of 5 MB of lines (<br>)', mb: 5, line: (text: string) => `${text}<br>\n` },
  { name: 'one_block_inline', what: 'one block of 5 MB of inline markup', mb: 5, line: (text: string) => `<span>${text}</span>\n` },
  { name: 'one_block_text', what: 'one text node of 2 MB', mb: 2, line: (text: string) => `${text}\n` },
] as const;

for (const layout of BIG_PAGES) {
  describe(`a page whose body is ${layout.what}`, () => {
    let dir: string;
    let big: StaticServer;
    const mentions = { lines: 0 };
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'hled-big-page-'));
      const filler = 'Markets were steady and the weather was clear along the border, where trucks crossed at the usual pace and officials reported nothing unusual for the season. ';
      const lines: string[] = [];
      for (let i = 0, size = 0; size < layout.mb * 1024 * 1024; i++) {
        const named = i % 8 === 0;
        if (named) mentions.lines++;
        const line = layout.line(`${named ? 'Marcelo Ebrard spoke about the HLED. ' : ''}${filler.repeat(3)}`);
        lines.push(line);
        size += line.length;
      }
      await writeFile(path.join(dir, 'big.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>big page</title></head><body><main id="main"><div id="block">${lines.join('')}</div></main><button id="end" onclick="this.textContent='ok'">end</button></body></html>`);
      big = await startServer(dir);
    });
    afterAll(async () => {
      await big?.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('is annotated in slices: no task with over 50 ms of ours, every mention found, and the page stays usable', TIMING, async () => {
      await paintEvery();
      const page = suite.track(await suite.browser.context.newPage());
      const errors = watchOurErrors(page);
      await page.goto('about:blank');
      const cdp = await page.context().newCDPSession(page);
      const stop = await startProfiledTrace(cdp);
      const started = Date.now();
      await page.goto(`${big.url}/big.html`, { waitUntil: 'load' });
      const bytes = Number(await page.evaluate('document.documentElement.outerHTML.length'));
      const expected = mentions.lines * 2;
      const ranges = await waitForHighlights(page, { until: (r) => r.length >= expected, quietMs: 1000, timeout: 90_000 });
      const annotatedInMs = Date.now() - started;
      const ours = ourTimePerTask(await stop(), `chrome-extension://${suite.browser.extensionId}/`);
      const heap = await heapAfterGc(cdp);
      await cdp.detach();
      await page.click('#end');
      expect(await page.textContent('#end')).toBe('ok');
      Object.assign(figures, {
        [`${layout.name}.bytes`]: bytes,
        [`${layout.name}.highlights`]: ranges.length,
        [`${layout.name}.load_to_settled_ms`]: annotatedInMs,
        [`${layout.name}.our_longest_in_task_ms`]: Number(ours.longestMs.toFixed(1)),
        [`${layout.name}.our_total_ms`]: Math.round(ours.totalMs),
        [`${layout.name}.heap_bytes`]: heap,
      });
      expect(bytes).toBeGreaterThan(layout.mb * 1024 * 1024);
      // Every "Marcelo Ebrard" and "HLED", none cut in two where a batch ended.
      expect(ranges).toHaveLength(expected);
      expect(new Set(ranges.map((r) => r.text))).toEqual(new Set(['Marcelo Ebrard', 'HLED']));
      expect(ours.totalMs).toBeGreaterThan(0);
      expect(ours.longestMs).toBeLessThan(TASK_BUDGET_MS);
      expect(errors).toEqual([]);
    });
  });
}

afterAll(() => {
  console.log(`hostile pages: ${JSON.stringify(figures, null, 1)}`);
});
