/**
 * `npm run demo`: builds the extension and opens Chromium with it on demo articles (English and
 * Spanish) served from 127.0.0.1. It is the test build, installed with access to 127.0.0.1, so
 * the articles are read at once; a production build would first ask where to run. With a display, the window stays open to try it by hand; without
 * one (or with `--headless`), it hovers a few names and writes screenshots to the folder it prints
 * (`--out DIR`, default `.demo/`).
 */
import { execSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { hoverMention, waitForCard, waitForCardSettled } from '../e2e/harness/card';
import { REPO_ROOT, launchChromium } from '../e2e/harness/chromium';
import { waitForHighlights } from '../e2e/harness/highlights';
import { startServer } from '../e2e/harness/server';

const FIXTURES = path.join(REPO_ROOT, 'e2e', 'fixtures');

/** The articles shown, and the name hovered on each for the screenshot of its card. */
const DEMO = [
  { page: 'article-en.html', hover: 'Marcelo Ebrard', within: 'p-lede', shot: 'en' },
  { page: 'article-es.html', hover: 'Marcelo Ebrard', within: 'p-ebrard', shot: 'es' },
  { page: 'dated-2022.html', hover: 'Gina Raimondo', within: 'p-raimondo', shot: 'dated-2022' },
] as const;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
  const out = path.resolve(option('--out') ?? path.join(REPO_ROOT, '.demo'));
  if (!process.argv.includes('--no-build')) execSync('npm run -s build:test', { cwd: REPO_ROOT, stdio: 'inherit' });
  const server = await startServer(FIXTURES);
  const browser = await launchChromium({ headless });
  // The page helpers are shared with the end-to-end tests, where Vitest compiles them; compiled
  // by tsx they reference esbuild's `__name` helper, which the page must then define.
  await browser.context.addInitScript('globalThis.__name = (f) => f');
  try {
    if (!headless) {
      for (const d of DEMO) await (await browser.context.newPage()).goto(`${server.url}/${d.page}`);
      console.log(`Chromium is open with HLED Lens on ${DEMO.length} demo articles from ${server.url}. Hover a highlight; close the window to stop.`);
      await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
      return;
    }
    await mkdir(out, { recursive: true });
    const written: string[] = [];
    for (const d of DEMO) {
      const page: Page = await browser.context.newPage();
      await page.setViewportSize({ width: 1200, height: 800 });
      await page.goto(`${server.url}/${d.page}`);
      const found = await waitForHighlights(page);
      const highlights = path.join(out, `${d.shot}-highlights.png`);
      await page.screenshot({ path: highlights });
      await hoverMention(page, d.hover, d.within);
      await waitForCard(page, d.hover);
      await waitForCardSettled(page);
      const card = path.join(out, `${d.shot}-card.png`);
      await page.screenshot({ path: card });
      written.push(`${highlights} (${found.length} highlights)`, card);
      await page.close();
    }
    console.log(`No display: ran headless and wrote ${written.length} screenshots to ${out}:\n  ${written.join('\n  ')}`);
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
