/**
 * `card.hover_p95_ms`: from the end of the hover delay to the card painted, in the real built
 * extension (Chromium, content script, lazily loaded card module, the card's frame), over 50+ hovers on different
 * highlights; then again right after the service worker was stopped (the card data was fetched
 * once after annotation, so a hover needs no message).
 *
 * The start is the pointer event's time plus the hover delay: it includes the wait for the next
 * frame, where the content script hit-tests the pointer, so it slightly overstates the time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHROME_TEST_EXTENSION_DIR, launchChromium, openExtensionPage } from '../e2e/harness/chromium';
import { startServer } from '../e2e/harness/server';
import { figure, type BenchModule, type Figures } from './figures';
import { percentile } from './stats';

const HOVER_DELAY_MS = 300;

/** A page naming many entities, one per line, so each hover targets a different highlight. */
function hoverPage(): string {
  const names = [
    'Marcelo Ebrard', 'Gina Raimondo', 'the HLED', 'Sembrando Oportunidades', 'COFEPRIS', 'USAID', 'Ken Salazar',
    'the One-Stop Shop for Investors', 'Tatiana Clouthier', 'the CHIPS and Science Act', 'Antony Blinken', 'SEMARNAT',
  ];
  const paragraphs: string[] = [];
  for (let i = 0; i < 60; i++) {
    paragraphs.push(`<p>Paragraph ${i + 1}: officials said ${names[i % names.length]} would report on progress under the High-Level Economic Dialogue this year.</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hover bench</title>
<style>body{font:18px/1.6 Georgia,serif;max-width:40rem;margin:2rem auto}p{margin:0 0 2.2rem}</style></head>
<body><h1>Hover bench</h1>${paragraphs.join('\n')}</body></html>`;
}

/**
 * In-page helpers, as plain script text: functions serialized from Node by `page.evaluate` would
 * carry the TypeScript loader's `__name` helper, which the page does not have.
 */
const IN_PAGE = `
window.__hoverSetup = function (i) {
  var ranges = Array.from(CSS.highlights.get('hled-mention') || []);
  var r = ranges[i % ranges.length];
  var live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  (r.startContainer.parentElement || document.body).scrollIntoView({ block: 'center' });
  var box = live.getClientRects()[0];
  window.__pointerAt = undefined;
  addEventListener('pointermove', function (e) { if (window.__pointerAt === undefined) window.__pointerAt = performance.timeOrigin + e.timeStamp; }, { capture: true, once: true });
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
};
`;

/**
 * In the page: the time of the first animation frame in which the card's frame is shown and no
 * longer waiting for the new card's height (card-frame-host.ts keeps it transparent until the
 * frame has laid the card out and reported it), which paints it. The host's shadow root is open
 * in the test build the bench runs.
 */
const WATCH_REVEAL = `(() => {
  window.__painted = null;
  window.__watch?.disconnect();
  const shown = () => {
    const f = document.querySelector('hled-card')?.shadowRoot?.querySelector('iframe');
    return !!f && !f.hidden && !f.classList.contains('pending') && !f.classList.contains('prepared');
  };
  const check = () => {
    if (window.__painted !== null || !shown()) return;
    window.__painted = 0;
    requestAnimationFrame(() => { window.__painted = performance.timeOrigin + performance.now(); });
  };
  window.__watch = new MutationObserver(check);
  window.__watch.observe(document.documentElement, { childList: true });
  const watchHost = (h) => window.__watch.observe(h.shadowRoot, { subtree: true, attributes: true, attributeFilter: ['hidden', 'class'] });
  const host = document.querySelector('hled-card');
  if (host) watchHost(host);
  else new MutationObserver((_, self) => {
    const h = document.querySelector('hled-card');
    if (!h) return;
    self.disconnect();
    watchHost(h);
    check();
  }).observe(document.documentElement, { childList: true });
})()`;

/** Hovers the n-th highlight and returns ms from (pointer event + delay) to the card painted. */
async function hoverOnce(page: Page, index: number): Promise<number> {
  await page.mouse.move(5, 5);
  await page.waitForFunction('!document.querySelector("hled-card")?.shadowRoot?.querySelector("iframe:not([hidden]):not(.prepared)")');
  await page.evaluate(WATCH_REVEAL);
  const point = (await page.evaluate(`window.__hoverSetup(${index})`)) as { x: number; y: number };
  await page.mouse.move(point.x, point.y, { steps: 1 });
  await page.waitForFunction('window.__painted > 0', undefined, { timeout: 10_000 });
  const painted = (await page.evaluate('window.__painted')) as number;
  const pointerAt = (await page.evaluate('window.__pointerAt')) as number;
  return painted - (pointerAt + HOVER_DELAY_MS);
}

export const cardHoverBench: BenchModule = {
  name: 'card-hover',
  async run(ctx): Promise<Figures> {
    // The test build: the same code, installed with access to the 127.0.0.1 page the bench serves.
    if (!existsSync(path.join(CHROME_TEST_EXTENSION_DIR, 'manifest.json'))) {
      ctx.log('card-hover: no test build in .output/test/chrome-mv3, running npm run build:test');
      execFileSync('npm', ['run', '-s', 'build:test'], { cwd: ctx.root, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hover-bench-'));
    writeFileSync(path.join(dir, 'hover.html'), hoverPage());
    const server = await startServer(dir);
    const browser = await launchChromium();
    try {
      const options = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
      await options.evaluate(`chrome.storage.local.set({ settings: { hoverDelayMs: ${HOVER_DELAY_MS}, density: "all" } })`);
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1100, height: 800 });
      await page.goto(`${server.url}/hover.html`);
      await page.waitForFunction('(CSS.highlights.get("hled-mention") || { size: 0 }).size >= 60');
      await page.addScriptTag({ content: IN_PAGE });
      // Let the card data and the card module arrive, as they would while a reader starts reading.
      await page.waitForTimeout(500);
      // The page's first card loads its frame (an extension page) with it: measured on its own.
      const first = await hoverOnce(page, 120);
      const warm: number[] = [];
      for (let i = 0; i < 60; i++) warm.push(await hoverOnce(page, i * 2));
      ctx.log(`card-hover: ${warm.length} hovers, median ${percentile(warm, 50).toFixed(1)} ms`);
      await browser.stopServiceWorker();
      const cold: number[] = [];
      for (let i = 0; i < 20; i++) cold.push(await hoverOnce(page, i * 2 + 1));
      const note = (n: number) =>
        `${n} hovers on different highlights of a 60-paragraph page after its first card, hover delay ${HOVER_DELAY_MS} ms, from the pointer event + delay to the page's first animation frame in which the card's frame is shown at the new card's height (reported by the frame once it has laid the card out), which paints it (includes the wait for the frame where the pointer is hit-tested, up to 16 ms)`;
      return {
        'card.first_hover_ms': figure(first, 'ms', '', `the page's first card, whose frame (card-frame.html) loads with it, measured as the others, one hover`),
        'card.hover_p50_ms': figure(percentile(warm, 50), 'ms', '', note(warm.length)),
        'card.hover_p95_ms': figure(percentile(warm, 95), 'ms', '< 50', note(warm.length)),
        'card.hover_after_worker_stop_p95_ms': figure(percentile(cold, 95), 'ms', '< 50', `${note(cold.length)}, right after the service worker was stopped`),
      };
    } finally {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
