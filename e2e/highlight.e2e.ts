import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../lib/settings/defaults';
import { REPO_ROOT, contentWorldWindowListeners, evaluateInContentWorld } from './harness/chromium';
import {
  MENTION_HIGHLIGHT,
  comparePngs,
  highlightTexts,
  launchPlainChromium,
  paintedRanges,
  waitForHighlights,
  writeSettings,
  type PaintedRange,
  type WithChrome,
} from './harness/highlights';
import { EVERY_MENTION, useExtensionSuite } from './harness/suite';
import { ARTICLE_EN, ARTICLE_ES } from './scenarios/expectations';

const run = promisify(execFile);

/** The three mentions of the one-paragraph CSP and hostile-CSS fixtures. */
const SHORT_BULLETIN = ['Marcelo Ebrard', 'High-Level Economic Dialogue', 'HLED'];

/** Elements whose text is never annotated (form fields, editable areas, code, scripts, hidden, SVG). */
const NEVER_ANNOTATED = ['input', 'textarea', 'select', 'button', 'pre', 'code', 'script', 'style', 'svg', 'noscript'];

interface ScanMention {
  start: number;
  end: number;
  text: string;
  entity: { id: string; name: unknown; type: string; aliases: unknown };
  rule: string;
}

/** Entity id → type, from the catalog the extension is built from. */
async function catalogTypes(): Promise<Map<string, string>> {
  const catalog = JSON.parse(await readFile(path.join(REPO_ROOT, 'seeds', 'catalog.json'), 'utf8')) as {
    entities: { id: string; type: string }[];
  };
  return new Map(catalog.entities.map((e) => [e.id, e.type]));
}

async function scanFixture(name: string): Promise<ScanMention[]> {
  const { stdout } = await run('npm', ['run', '-s', 'scan', '--', '--json', `e2e/fixtures/${name}`], {
    cwd: REPO_ROOT,
    maxBuffer: 16 * 1024 * 1024,
    timeout: 60_000,
  });
  const reports = JSON.parse(stdout) as { file: string; mentions: ScanMention[] }[];
  expect(reports).toHaveLength(1);
  return reports[0]!.mentions;
}

describe('highlighting in Chromium with the built extension', () => {
  const suite = useExtensionSuite('options.html', EVERY_MENTION);
  const open = (fixture: string) => suite.open(fixture);
  const setSettings = (patch: Partial<typeof DEFAULT_SETTINGS>) => writeSettings(suite.extPage, { ...EVERY_MENTION, ...patch });

  it('article-en: nothing is highlighted in inputs, textareas, contenteditable, code, script, hidden or SVG', async () => {
    const page = await open('article-en.html');
    const ranges = await waitForHighlights(page, { until: (r) => r.length >= ARTICLE_EN.length });

    // The reader-tools box holds mentions in every kind of element that must be skipped: make
    // sure they are really there, so the check below can fail.
    const widgetText = await page.evaluate(() => ({
      input: (document.getElementById('tip-name') as HTMLInputElement).value,
      textarea: (document.getElementById('tip-body') as HTMLTextAreaElement).value,
      editable: document.getElementById('tip-notes')!.textContent,
      code: document.getElementById('tip-code')!.textContent,
      hidden: document.getElementById('tip-hidden')!.textContent,
      svg: document.getElementById('tip-logo')!.textContent,
      script: document.getElementById('page-analytics')!.textContent,
    }));
    expect(widgetText.input).toContain('Marcelo Ebrard');
    expect(widgetText.textarea).toContain('HLED');
    expect(widgetText.editable).toContain('Gina Raimondo');
    expect(widgetText.code).toContain('USAID');
    expect(widgetText.hidden).toContain('Raimondo');
    expect(widgetText.svg).toContain('HLED');
    expect(widgetText.script).toContain('Ebrard');

    for (const r of ranges) {
      for (const path of [r.startPath, r.endPath]) {
        for (const tag of NEVER_ANNOTATED) expect(path, `${r.text} inside <${tag}>`).not.toContain(tag);
      }
      expect(r.within, r.text).not.toMatch(/^tip-|^page-analytics$|^widgets$/);
    }
    // And by element, from the page: no range starts or ends inside an editable or hidden subtree.
    const offenders = await page.evaluate((name) => {
      const bad: string[] = [];
      const skipped = 'input, textarea, select, [contenteditable]:not([contenteditable="false"]), pre, code, script, style, [hidden], svg';
      for (const r of CSS.highlights.get(name) ?? []) {
        for (const node of [r.startContainer, r.endContainer]) {
          const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
          if (!el || el.closest(skipped) || el.closest('#widgets')) bad.push(`${el?.outerHTML.slice(0, 80)}`);
        }
      }
      return bad;
    }, MENTION_HIGHLIGHT);
    expect(offenders).toEqual([]);
  });

  it('other-topic: a page about something else gets no highlight at all', async () => {
    // The extension works in this browser: a relevant page in another tab is highlighted.
    const control = await open('article-en.html');
    await waitForHighlights(control, { until: (r) => r.length >= ARTICLE_EN.length });

    const page = await open('other-topic.html');
    // The content script did run on this page: its isolated world exists and answers.
    expect(await evaluateInContentWorld(page, () => document.readyState)).toBe('complete');
    // Watch for well over the time the control page needed to be annotated.
    const seen: number[] = [];
    for (let i = 0; i < 15; i++) {
      seen.push(await page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, MENTION_HIGHLIGHT));
      await page.waitForTimeout(100);
    }
    expect(seen.every((n) => n === 0)).toBe(true);
    expect(await highlightTexts(page)).toEqual([]);
    // The control tab keeps its highlights meanwhile (the registry is per document).
    expect(await highlightTexts(control)).toEqual(ARTICLE_EN.map(([t]) => t));
    // The cards' code comes with the first highlight: the control page listens to the pointer
    // and the keys, this page to neither (nor did it load that module).
    expect(await contentWorldWindowListeners(control)).toEqual(expect.arrayContaining(['pointermove', 'keydown']));
    const listening = await contentWorldWindowListeners(page);
    expect(listening).not.toEqual(expect.arrayContaining(['pointermove']));
    expect(listening).not.toEqual(expect.arrayContaining(['keydown']));
  });

  it('dynamic: content added after load and after an SPA route change is highlighted, removed content is dropped', async () => {
    const page = await open('dynamic.html');
    await page.waitForSelector('html[data-fixture-late="done"]');
    let ranges = await waitForHighlights(page, { until: (r) => r.some((x) => x.text === 'Gina Raimondo') });
    expect(ranges.map((r) => [r.text, r.within])).toEqual([
      ['High-Level Economic Dialogue', 'p-initial'],
      ['Marcelo Ebrard', 'p-initial'],
      ['Gina Raimondo', 'p-late'],
    ]);

    await page.click('#next');
    await page.waitForSelector('html[data-fixture-route="page-2"]');
    expect(new URL(page.url()).pathname).toBe('/dynamic/page-2');
    ranges = await waitForHighlights(page, { until: (r) => r.some((x) => x.text === 'Sembrando Oportunidades') });
    expect(ranges.map((r) => [r.text, r.within, r.connected])).toEqual([['Sembrando Oportunidades', 'p-route', true]]);
    // Nothing left over from the replaced story, not even detached ranges.
    const all = await paintedRanges(page);
    expect(all?.every((r) => r.connected)).toBe(true);
  });

  for (const [fixture, paragraph, control] of [
    ['csp.html', '#p-csp', '#p-csp-2'],
    ['aggressive-css.html', '#p-aggressive', '#p-aggressive-2'],
  ] as const) {
    it(`${fixture}: mentions are highlighted and actually painted`, async () => {
      const page = await open(fixture);
      if (fixture === 'csp.html') {
        // The page's CSP really is in force: its own inline script was blocked.
        expect(await page.evaluate(() => document.documentElement.getAttribute('data-inline-script-ran'))).toBeNull();
      }
      const ranges = await waitForHighlights(page, { until: (r) => r.length >= SHORT_BULLETIN.length });
      expect(ranges.map((r) => r.text)).toEqual(SHORT_BULLETIN);

      const shoot = async () => ({
        mention: await page.locator(paragraph).screenshot({ animations: 'disabled', caret: 'hide' }),
        control: await page.locator(control).screenshot({ animations: 'disabled', caret: 'hide' }),
      });
      const on = await shoot();
      const box = await page.locator(paragraph).boundingBox();

      await setSettings({ enabled: false });
      await page.waitForFunction((n) => (CSS.highlights.get(n)?.size ?? 0) === 0, MENTION_HIGHLIGHT);
      const off = await shoot();

      // The mentions' boxes in the paragraph screenshot's pixels, with room for the underline
      // drawn just below the text and for anti-aliasing at the edges.
      const regions = ranges
        .flatMap((r) => r.rects)
        .map((r) => ({ x: r.x - box!.x - 2, y: r.y - box!.y - 2, width: r.width + 4, height: r.height + 10 }));
      const diff = await comparePngs(suite.extPage, on.mention, off.mention, regions);
      expect(diff.changed, 'highlighted paragraph looks the same with highlighting off').toBeGreaterThan(100);
      // Outside the mentions at most a stray anti-aliased pixel or two (the page's own
      // line-through is drawn in pieces around a highlight), never a painted area.
      expect(diff.changedOutside, `pixels changed outside the mentions: ${JSON.stringify(diff.outsideSample)}`).toBeLessThanOrEqual(8);
      // Highlighting tints: the highlighted pixels are not the same colour as without it.
      expect(diff.meanA).not.toEqual(diff.meanB);
      const controlDiff = await comparePngs(suite.extPage, on.control, off.control);
      expect(controlDiff.changed, 'a paragraph without mentions must not change').toBe(0);
    });
  }

  it('csp.html printed: the highlights are not painted on paper', async () => {
    const page = await open('csp.html');
    const ranges = await waitForHighlights(page, { until: (r) => r.length >= SHORT_BULLETIN.length });
    expect(ranges.length).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    const shoot = () => page.locator('#p-csp').screenshot({ animations: 'disabled', caret: 'hide' });
    const on = await shoot();
    await setSettings({ enabled: false });
    await page.waitForFunction((n) => (CSS.highlights.get(n)?.size ?? 0) === 0, MENTION_HIGHLIGHT);
    const off = await shoot();
    const diff = await comparePngs(suite.extPage, on, off);
    expect(diff.changed, 'the printed paragraph differs with highlighting on').toBe(0);
  });

  it('article-en: the DOM is untouched, and disabling/re-enabling works live', async () => {
    const url = `${suite.server.url}/article-en.html`;
    const plain = await launchPlainChromium();
    let baseline: string;
    try {
      const p = await plain.context.newPage();
      await p.goto(url, { waitUntil: 'load' });
      await p.waitForTimeout(300);
      baseline = await p.evaluate(() => document.documentElement.outerHTML);
      expect(await p.evaluate(() => CSS.highlights.size)).toBe(0);
    } finally {
      await plain.close();
    }
    expect(baseline).toContain('id="p-lede"');

    const page = await open('article-en.html');
    await waitForHighlights(page, { until: (r) => r.length >= ARTICLE_EN.length });
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(baseline);
    // Nothing attached outside the tree either (a shadow host would show in outerHTML, but
    // adopted style sheets would not).
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);

    // A marker in the page's own world: it survives only if the page is not reloaded.
    await page.evaluate(() => ((window as unknown as { __e2eMarker: number }).__e2eMarker = 42));

    await setSettings({ enabled: false });
    await page.waitForFunction((n) => (CSS.highlights.get(n)?.size ?? 0) === 0, MENTION_HIGHLIGHT, { timeout: 5_000 });
    expect(await highlightTexts(page)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __e2eMarker?: number }).__e2eMarker)).toBe(42);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(baseline);

    await setSettings({ enabled: true });
    const back = await waitForHighlights(page, { until: (r) => r.length >= ARTICLE_EN.length });
    expect(back.map((r) => [r.text, r.within])).toEqual(ARTICLE_EN.map(([t, w]) => [t, w]));
    expect(await page.evaluate(() => (window as unknown as { __e2eMarker?: number }).__e2eMarker)).toBe(42);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(baseline);
  });

  it('article-en: the entity-type filter and the site list apply live', async () => {
    const page = await open('article-en.html');
    await waitForHighlights(page, { until: (r) => r.length >= ARTICLE_EN.length });
    const typeOf = await catalogTypes();
    const only = (types: string[]) => ARTICLE_EN.filter(([, , id]) => types.includes(typeOf.get(id)!));

    const people = only(['person']);
    expect(people.map(([t]) => t)).toEqual(['Marcelo Ebrard', 'Gina Raimondo', 'Ebrard', 'Ebrard', 'Ken Salazar', 'Salazar', 'Marcelo Ebrard']);
    await setSettings({ types: ['person'] });
    let ranges = await waitForHighlights(page, { until: (r) => r.length === people.length });
    expect(ranges.map((r) => [r.text, r.within])).toEqual(people.map(([t, w]) => [t, w]));

    // The ambiguous place name still counts: the rules see the whole page, the filter only hides.
    const rest = only(['program', 'organization', 'law', 'place']);
    await setSettings({ types: ['program', 'organization', 'law', 'place'] });
    ranges = await waitForHighlights(page, { until: (r) => r.length === rest.length });
    expect(ranges.map((r) => r.text)).toEqual(rest.map(([t]) => t));
    expect(ranges.map((r) => r.text)).toContain('Otay Mesa');

    // This site switched off: nothing left; another site stays on.
    await setSettings({ disabledSites: ['127.0.0.1'] });
    await page.waitForFunction((n) => (CSS.highlights.get(n)?.size ?? 0) === 0, MENTION_HIGHLIGHT, { timeout: 5_000 });
    await setSettings({ disabledSites: ['example.org'] });
    ranges = await waitForHighlights(page, { until: (r) => r.length === ARTICLE_EN.length });
    expect(ranges.map((r) => r.text)).toEqual(ARTICLE_EN.map(([t]) => t));
  });

  for (const [fixture, expected] of [
    ['article-en.html', ARTICLE_EN],
    ['article-es.html', ARTICLE_ES],
  ] as const) {
    it(`scan agrees with the page's highlights on ${fixture}`, async () => {
      const [mentions, page] = await Promise.all([scanFixture(fixture), open(fixture)]);
      const ranges = await waitForHighlights(page, { until: (r) => r.length >= expected.length });
      expect(ranges.map((r) => r.text)).toEqual(mentions.map((m) => m.text));
      // The page cannot tell which entity a range stands for; scan can, and must agree with the
      // catalog reading of each mention.
      expect(mentions.map((m) => [m.text, m.entity.id])).toEqual(expected.map(([t, , e]) => [t, e]));
    });
  }

  it('answers lookups, searches and bad requests after the service worker was stopped', async () => {
    // The worker's life as DevTools reports it: running → stopping → stopped (no target) → starting → running.
    const cdp = await suite.browser.context.newCDPSession(suite.extPage);
    const script = `chrome-extension://${suite.browser.extensionId}/background.js`;
    const history: { status: string; targetId: string | undefined }[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (v.scriptURL === script) history.push({ status: v.runningStatus, targetId: v.targetId || undefined });
      }
    });
    const current = () => history.at(-1)?.status;
    const waitStatus = async (want: string) => {
      const deadline = Date.now() + 10_000;
      while (current() !== want) {
        if (Date.now() > deadline) throw new Error(`worker is ${current()}, expected ${want}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const ask = (message: unknown) =>
      suite.extPage.evaluate((m) => (globalThis as WithChrome).chrome.runtime.sendMessage(m), message) as Promise<{
        ok: boolean;
        value?: any;
        error?: unknown;
      }>;
    await cdp.send('ServiceWorker.enable');
    try {
      // Wake it (it may have idled out on its own) and see it running.
      expect((await ask({ type: 'ping' })).ok).toBe(true);
      await waitStatus('running');

      await suite.browser.stopServiceWorker();
      await waitStatus('stopped');
      const stoppedAt = history.length;
      expect(history.at(-1)!.targetId, 'a stopped worker has no target').toBeUndefined();
      // It stays stopped until something needs it.
      await new Promise((r) => setTimeout(r, 300));
      expect(current()).toBe('stopped');

      const card = await ask({ type: 'lookupEntity', id: 'marcelo-ebrard' });
      await waitStatus('running');
      expect(history.slice(stoppedAt).map((h) => h.status)).toContain('starting');
      expect(card.ok).toBe(true);
      expect(card.value.id).toBe('marcelo-ebrard');
      expect(card.value.name.en).toBe('Marcelo Ebrard');
      expect(Array.isArray(card.value.timeline)).toBe(true);
      expect(card.value.timeline.length).toBeGreaterThan(0);

      const search = await ask({ type: 'search', query: 'Sembrando' });
      expect(search.ok).toBe(true);
      expect(search.value.passages.length).toBeGreaterThan(0);
      expect(
        search.value.passages.some((p: { snippet: { text: string } }) => /sembrando/i.test(p.snippet.text)),
      ).toBe(true);

      const bad = await ask({ type: 'nope' });
      expect(bad.ok).toBe(false);
      expect(typeof bad.error).toBe('string');
      expect(String(bad.error).length).toBeGreaterThan(0);
    } finally {
      await cdp.detach().catch(() => {});
    }
  });
});
