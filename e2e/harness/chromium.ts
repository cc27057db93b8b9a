import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The production build (`npm run build`): no host access until the reader grants it. */
export const CHROME_EXTENSION_DIR = path.join(REPO_ROOT, '.output', 'chrome-mv3');
/**
 * The test build (`npm run build:test`), which the tests load unless they say otherwise: it is
 * installed with access to the fixture server's hosts (127.0.0.1, localhost), which a test could
 * not grant, since no driver can click the browser's permission prompt.
 */
export const CHROME_TEST_EXTENSION_DIR = path.join(REPO_ROOT, '.output', 'test', 'chrome-mv3');
/** The extension's name: Chromium names the content scripts' isolated world after it. */
export const EXTENSION_NAME = 'HLED Lens';

/**
 * Flags every Chromium the tests and the bench launch gets: without the network ones, Chromium
 * floods this machine's closed network with background requests that fail.
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  /** The service worker seen at launch; stale after `stopServiceWorker()`. */
  serviceWorker: Worker;
  /** Stops every service worker (MV3 idle shutdown); the next extension event restarts it. */
  stopServiceWorker(): Promise<void>;
  /** Closes the browser and removes its temporary profile. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Unpacked extension directory; defaults to the test build, `.output/test/chrome-mv3`. */
  extensionPath?: string;
  /** A visible window (the demo, on a machine with a display); headless by default. */
  headless?: boolean;
  /** More command-line switches. */
  args?: string[];
  /** Environment of the browser process: on Linux, `LANGUAGE` sets Chromium's interface language. */
  env?: Record<string, string>;
}

function isLocalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'chrome-extension:' || url.protocol === 'data:' || url.protocol === 'blob:') {
    return true;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'ws:') return false;
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const extensionPath = path.resolve(options.extensionPath ?? CHROME_TEST_EXTENSION_DIR);
  try {
    await stat(path.join(extensionPath, 'manifest.json'));
  } catch {
    throw new Error(`No built extension at ${extensionPath}: run \`npm run build && npm run build:test\` first.`);
  }

  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'hled-e2e-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      ...(options.env ? { env: { ...process.env, ...options.env } as Record<string, string> } : {}),
      args: [
        `--disable-extensions-except=${extensionPath}`,
        `--load-extension=${extensionPath}`,
        ...CHROMIUM_ARGS,
        ...(options.args ?? []),
      ],
    });
  } catch (err) {
    await rm(profileDir, { recursive: true, force: true });
    throw err;
  }

  const close = async (): Promise<void> => {
    try {
      await context.close();
    } finally {
      await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
    }
  };

  try {
    // There is no network: anything that is not this machine or the extension fails fast.
    await context.route('**/*', (route) =>
      isLocalUrl(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
    );

    const serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
      }));
    const extensionId = new URL(serviceWorker.url()).host;
    await waitForContentScriptRegistration(serviceWorker);

    const stopServiceWorker = async (): Promise<void> => {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      try {
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
      } finally {
        await cdp.detach();
      }
    };

    return { context, extensionId, serviceWorker, stopServiceWorker, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * The content script is not in the manifest: the background registers it when it starts
 * (`lib/sites/registrar.ts`). A page opened before that would never get it, so a launch is over
 * only once the registration is there.
 */
async function waitForContentScriptRegistration(worker: Worker, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const count = await worker.evaluate('chrome.scripting.getRegisteredContentScripts().then((s) => s.length)').catch(() => 0);
    if (count) return;
    if (Date.now() > deadline) throw new Error(`The extension registered no content script within ${timeout} ms of starting.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens `chrome-extension://<id>/<path>` (e.g. `popup.html`) in a new tab. */
export async function openExtensionPage(
  context: BrowserContext,
  extensionId: string,
  pagePath: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${pagePath.replace(/^\/+/, '')}`);
  return page;
}

interface ExecutionContextDescription {
  id: number;
  name: string;
  origin: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

/** The execution context of the extension's content script in the page's main frame (waits for it). */
async function findContentWorld(cdp: CDPSession, page: Page, timeout: number, extensionName: string): Promise<ExecutionContextDescription> {
  const contexts = new Map<number, ExecutionContextDescription>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.set(context.id, context));
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  const { frameTree } = await cdp.send('Page.getFrameTree');
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + timeout;
  for (;;) {
    const world = [...contexts.values()].find(
      (c) =>
        c.auxData?.type === 'isolated' &&
        c.auxData.frameId === frameTree.frame.id &&
        c.origin.startsWith('chrome-extension://') &&
        c.name === extensionName,
    );
    if (world) return world;
    if (Date.now() > deadline) throw new Error(`No isolated world named "${extensionName}" in ${page.url()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Event types the content script listens to on the page's window. DevTools' listener list is
 * per world: asked with the main world's window it shows none of ours.
 */
export async function contentWorldWindowListeners(page: Page, { timeout = 10_000, extensionName = EXTENSION_NAME } = {}): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const world = await findContentWorld(cdp, page, timeout, extensionName);
    const { result } = await cdp.send('Runtime.evaluate', { contextId: world.id, expression: 'window' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    return listeners.map((l) => l.type);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Runs `fn(arg)` in the content script's isolated world of the page's main frame and returns
 * its (JSON-serialisable) result. The page's own scripts and `page.evaluate` see the main world,
 * which shares the DOM (and `CSS.highlights`) but not the content script's globals.
 * Playwright's own utility world is also of type `isolated`: the extension's is told apart
 * by its chrome-extension:// origin and the extension's name.
 */
export async function evaluateInContentWorld<R, A = undefined>(
  page: Page,
  fn: (arg: A) => R | Promise<R>,
  arg?: A,
  { timeout = 10_000, extensionName = EXTENSION_NAME }: { timeout?: number; extensionName?: string } = {},
): Promise<R> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const world = await findContentWorld(cdp, page, timeout, extensionName);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression: `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) {
      throw new Error(
        `Content-world evaluation failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`,
      );
    }
    return result.value as R;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
