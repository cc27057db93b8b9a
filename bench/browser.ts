/**
 * Chromium for the bench: Debian's `/usr/bin/chromium`, headless, launched as the project's
 * end-to-end tests launch it (persistent profile in a temporary directory, so IndexedDB is on
 * disk as in a real profile), with every request that leaves loopback aborted. Pages and data
 * are served from memory by a node:http server on 127.0.0.1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/harness/chromium';

export { CHROMIUM_PATH } from '../e2e/harness/chromium';
import { CHROMIUM_PATH } from '../e2e/harness/chromium';

export interface Served {
  body: string | Buffer;
  type: string;
}

export interface BenchServer {
  url: string;
  /** Adds or replaces what `path` (e.g. `/large.html`) serves. */
  set(path: string, body: string | Buffer, type?: string): void;
  delete(path: string): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<BenchServer> {
  const routes = new Map<string, Served>();
  const server = createServer((req, res) => {
    const route = routes.get(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': route.type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(route.body) });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set: (p, body, type = 'text/html; charset=utf-8') => routes.set(p, { body, type }),
    delete: (p) => routes.delete(p),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function isLoopback(raw: string): boolean {
  try {
    const u = new URL(raw);
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
    return (u.protocol === 'http:' || u.protocol === 'ws:') && (u.hostname === '127.0.0.1' || u.hostname === 'localhost');
  } catch {
    return false;
  }
}

export interface BenchBrowser {
  context: BrowserContext;
  version: string;
  newPage(): Promise<Page>;
  cdp(page: Page): Promise<CDPSession>;
  close(): Promise<void>;
}

export async function launchBrowser(extraArgs: string[] = []): Promise<BenchBrowser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'hled-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  // There is no network: anything that is not this machine fails at once.
  await context.route('**/*', (route) => (isLoopback(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  const version = context.browser()?.version() ?? (await versionFromPage(context));
  return {
    context,
    version,
    newPage: () => context.newPage(),
    cdp: (page) => context.newCDPSession(page),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

async function versionFromPage(context: BrowserContext): Promise<string> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  try {
    const v = (await cdp.send('Browser.getVersion')) as { product: string };
    return v.product.replace(/^HeadlessChrome\//, '').replace(/^Chrome\//, '');
  } finally {
    await cdp.detach();
  }
}

/** Bundles a bench entry (TypeScript, importing lib/) into one IIFE script for a page. */
export async function bundleForPage(entry: string, minify = false): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    write: false,
    minify,
    target: 'es2022',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/**
 * Calls `window[ns][fn](arg)` in the page and returns its JSON result. Page code lives in bundled
 * entries (bench/in-page/), never in functions serialized from here.
 */
export async function callPage<R>(page: Page, ns: string, fn: string, arg: unknown = null): Promise<R> {
  return (await page.evaluate(`globalThis[${JSON.stringify(ns)}][${JSON.stringify(fn)}](${JSON.stringify(arg)})`)) as R;
}
