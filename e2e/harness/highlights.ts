import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { paintedRangesInPage } from './page-reads';

/** The name the content script registers its highlights under (`CSS.highlights`). */
export const MENTION_HIGHLIGHT = 'hled-mention';

/** One range of a highlight, as the page sees it. */
export interface PaintedRange {
  /** The range's text (a StaticRange is read through a live Range over the same boundaries). */
  text: string;
  /** `id` of the nearest element with one around the range's start, or null. */
  within: string | null;
  /** Lower-cased tag names from the start container up to `<html>` (`#text` excluded). */
  startPath: string[];
  /** Same for the end container. */
  endPath: string[];
  /** False when either boundary node has left the document. */
  connected: boolean;
  /** True for a StaticRange, false for a live Range. */
  isStatic: boolean;
  /** The range's boxes in viewport coordinates (CSS px), empty when disconnected. */
  rects: { x: number; y: number; width: number; height: number }[];
}

/**
 * Every range of the highlight `name`, connected ones in document order first (then the
 * disconnected ones, which have no document position), or null when no such highlight is
 * registered. Runs in the page's main world, which shares `CSS.highlights` with the content script.
 */
export function paintedRanges(page: Page, name = MENTION_HIGHLIGHT): Promise<PaintedRange[] | null> {
  return page.evaluate(paintedRangesInPage, name);
}

/** Texts of the highlighted ranges in document order ([] when no highlight is registered). */
export async function highlightTexts(page: Page, name = MENTION_HIGHLIGHT): Promise<string[]> {
  return ((await paintedRanges(page, name)) ?? []).map((r) => r.text);
}

export interface WaitOptions {
  /** Resolve only once this holds for the current ranges. Default: at least one range. */
  until?: (ranges: PaintedRange[]) => boolean;
  /** How long the ranges must stay the same before they count as settled, ms. */
  quietMs?: number;
  timeout?: number;
  name?: string;
}

/**
 * Waits until the page's highlight satisfies `until` and has not changed for `quietMs` (the
 * annotator works in slices and follows the page, so a first non-empty set may still grow).
 */
export function waitForHighlights(page: Page, opts: WaitOptions = {}): Promise<PaintedRange[]> {
  const name = opts.name ?? MENTION_HIGHLIGHT;
  return settleHighlights(() => paintedRanges(page, name), async () => page.url(), opts);
}

/**
 * The waiting loop behind both drivers' `waitForHighlights`: reads the ranges every 50 ms until
 * `until` holds and they stayed the same for `quietMs`; `where` names the page in the error.
 */
export async function settleHighlights(
  read: () => Promise<PaintedRange[] | null>,
  where: () => Promise<string>,
  { until = (r) => r.length > 0, quietMs = 400, timeout = 15_000 }: Omit<WaitOptions, 'name'> = {},
): Promise<PaintedRange[]> {
  const deadline = Date.now() + timeout;
  let last = '';
  let since = Date.now();
  for (;;) {
    const ranges = (await read()) ?? [];
    const key = JSON.stringify(ranges.map((r) => [r.text, r.within, r.connected]));
    if (key !== last) {
      last = key;
      since = Date.now();
    }
    if (until(ranges) && Date.now() - since >= quietMs) return ranges;
    if (Date.now() > deadline) {
      throw new Error(`Highlights did not settle as expected on ${await where()} within ${timeout} ms; last seen: ${JSON.stringify(ranges.map((r) => r.text))}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The parts of `chrome.*` the tests use from extension pages (there are no `chrome` typings here). */
export interface ExtensionApi {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown>; id: string };
}

/** `chrome`, typed, inside a function run by `page.evaluate` on an extension page. */
export type WithChrome = typeof globalThis & { chrome: ExtensionApi };

/**
 * Writes the whole `settings` object to `chrome.storage.local` from an extension page (the way
 * the options page stores it); content scripts apply it live.
 */
export async function writeSettings(extensionPage: Page, settings: object): Promise<void> {
  await extensionPage.evaluate(async (value) => {
    await (globalThis as WithChrome).chrome.storage.local.set({ settings: value });
  }, settings);
}

/** A Chromium without any extension, for comparing pages against an untouched browser. */
export interface PlainChromium {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchPlainChromium(): Promise<PlainChromium> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext();
    await context.route('**/*', (route) => {
      const { hostname, protocol } = new URL(route.request().url());
      const local = protocol === 'data:' || hostname === '127.0.0.1' || hostname === 'localhost';
      return local ? route.continue() : route.abort('blockedbyclient');
    });
    return { browser, context, close: () => browser.close() };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** Pixel comparison of two PNG screenshots of the same size. */
export interface PngDiff {
  width: number;
  height: number;
  /** Number of pixels whose RGBA differs. */
  changed: number;
  /** Bounding box of the changed pixels, or null when none changed. */
  box: { x: number; y: number; width: number; height: number } | null;
  /** Changed pixels outside every region passed in (all of them when none was passed). */
  changedOutside: number;
  /** Up to 20 of those pixels, as [x, y]. */
  outsideSample: [number, number][];
  /** Mean colour of the changed pixels in each image. */
  meanA: [number, number, number] | null;
  meanB: [number, number, number] | null;
}

/**
 * Decodes two PNGs in a browser page (any page with a canvas: no image library is needed in
 * Node) and compares them pixel by pixel.
 */
export async function comparePngs(
  page: Page,
  a: Buffer,
  b: Buffer,
  regions: { x: number; y: number; width: number; height: number }[] = [],
): Promise<PngDiff> {
  return page.evaluate(
    async ([a64, b64, boxes]) => {
      const inRegion = (x: number, y: number) =>
        boxes.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height);
      const decode = async (b64s: string) => {
        const bytes = Uint8Array.from(atob(b64s), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const g = canvas.getContext('2d')!;
        g.drawImage(bitmap, 0, 0);
        return g.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [ia, ib] = await Promise.all([decode(a64), decode(b64)]);
      if (ia.width !== ib.width || ia.height !== ib.height) {
        throw new Error(`size differs: ${ia.width}x${ia.height} vs ${ib.width}x${ib.height}`);
      }
      let changed = 0;
      let changedOutside = 0;
      const outsideSample: [number, number][] = [];
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -1;
      let y1 = -1;
      const sa: [number, number, number] = [0, 0, 0];
      const sb: [number, number, number] = [0, 0, 0];
      for (let y = 0; y < ia.height; y++) {
        for (let x = 0; x < ia.width; x++) {
          const i = (y * ia.width + x) * 4;
          const d = ia.data;
          const e = ib.data;
          if (d[i] !== e[i] || d[i + 1] !== e[i + 1] || d[i + 2] !== e[i + 2] || d[i + 3] !== e[i + 3]) {
            changed++;
            if (!inRegion(x, y) && changedOutside++ < 20) outsideSample.push([x, y]);
            x0 = Math.min(x0, x);
            y0 = Math.min(y0, y);
            x1 = Math.max(x1, x);
            y1 = Math.max(y1, y);
            sa[0] += d[i]!;
            sa[1] += d[i + 1]!;
            sa[2] += d[i + 2]!;
            sb[0] += e[i]!;
            sb[1] += e[i + 1]!;
            sb[2] += e[i + 2]!;
          }
        }
      }
      const mean = (s: number[]): [number, number, number] | null =>
        changed ? [s[0]! / changed, s[1]! / changed, s[2]! / changed] : null;
      return {
        width: ia.width,
        height: ia.height,
        changed,
        changedOutside,
        outsideSample,
        box: changed ? { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 } : null,
        meanA: mean(sa),
        meanB: mean(sb),
      };
    },
    [a.toString('base64'), b.toString('base64'), regions] as const,
  );
}
