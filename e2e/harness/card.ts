import type { BrowserContext, CDPSession, Frame, Page } from 'playwright-core';
import { paintedRanges, type PaintedRange, type WithChrome } from './highlights';
import { cardHostInPage, cardInFrame, cardSettledInPage } from './page-reads';

/**
 * The element the content script appends to `<html>` with the first card: its shadow root (open
 * in test builds, closed in production) holds the anchor box and the card's frame, hidden
 * between cards.
 */
export const CARD_HOST = 'hled-card';
/** The card's own page, shown in that frame. */
export const CARD_FRAME_PATH = '/card-frame.html';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** What the page sees of an open card: its host and frame element. */
export interface CardHostView {
  /** How many card hosts the document holds (one once a card has opened). */
  hosts: number;
  /** Tag name of the host's parent element. */
  hostParent: string | null;
  /** The frame's box in the page's viewport coordinates: the card as the reader sees it. */
  rect: Box;
  /** What the page hit-tests at the card's centre: true when it is the card's host. */
  onTop: boolean;
  /** The frame's accessible name. */
  frameTitle: string;
  hostDisplay: string;
}

/** What the card's frame shows, read in it. */
export interface CardInFrameView {
  role: string | null;
  lang: string | null;
  /** Text of the element `aria-labelledby` points at, inside the shadow root. */
  labelledByText: string | null;
  title: string;
  /** The name in the other language, when it differs. */
  altName: string | null;
  altLang: string | null;
  kind: string;
  description: string;
  rolesLabel: string | null;
  roles: { title: string; when: string }[];
  mentionsLabel: string | null;
  summary: string;
  timeline: { datetime: string | null; dateText: string; title: string; href: string; readerText: string; readerHref: string }[];
  more: string | null;
  search: { text: string; href: string } | null;
  closeLabel: string | null;
  style: {
    display: string;
    visibility: string;
    opacity: string;
    color: string;
    titleColor: string;
    textTransform: string;
    fontFamily: string;
  };
}

/** Everything the tests read from an open card: its frame in the page, and what it shows. */
export type CardView = Omit<CardHostView, 'hostDisplay'> & Omit<CardInFrameView, 'style'> & { style: CardInFrameView['style'] & { hostDisplay: string } };

export function mergeCardView(host: CardHostView | null, inner: CardInFrameView | null): CardView | null {
  if (!host || !inner) return null;
  const { hostDisplay, ...rest } = host;
  return { ...inner, ...rest, style: { ...inner.style, hostDisplay } };
}

/**
 * The card's frame of this page (or of this same-origin frame of a page), once a card has opened
 * there (it stays, hidden, between cards).
 */
export function cardFrame(page: Page | Frame): Frame | null {
  const children = 'mainFrame' in page ? page.mainFrame().childFrames() : page.childFrames();
  return children.find((f) => f.url().includes(CARD_FRAME_PATH)) ?? null;
}

/** Reads the open card, or null when no card is open. */
export async function readCard(page: Page): Promise<CardView | null> {
  const host = await page.evaluate(cardHostInPage, CARD_HOST);
  const frame = host && cardFrame(page);
  return mergeCardView(host, frame ? await frame.evaluate(cardInFrame).catch(() => null) : null);
}

/** Evaluates `fn(arg)` in the card's frame; throws when no card has opened. */
export function inCard<A, T>(page: Page, fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
  const frame = cardFrame(page);
  if (!frame) throw new Error(`no card frame in ${page.url()}`);
  return frame.evaluate(fn as never, arg) as Promise<T>;
}

/** The painted mention with this text (and, when given, inside the element with this id). */
export async function findMention(page: Page, text: string, within?: string, nth = 0): Promise<PaintedRange> {
  const ranges = (await paintedRanges(page)) ?? [];
  const found = ranges.filter((r) => r.connected && r.text === text && (within === undefined || r.within === within));
  const range = found[nth];
  if (!range || !range.rects.length) {
    throw new Error(
      `No painted mention "${text}"${within ? ` in #${within}` : ''} (#${nth}); painted: ${JSON.stringify(ranges.map((r) => `${r.text}@${r.within}`))}`,
    );
  }
  return range;
}

export function centerOf(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Scrolls the page so that the mention's first box is in the middle of the viewport, when it is not fully in view. */
export async function scrollMentionIntoView(page: Page, text: string, within?: string, nth = 0): Promise<PaintedRange> {
  const mention = await findMention(page, text, within, nth);
  const box = mention.rects[0]!;
  const view = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  if (box.y >= 0 && box.y + box.height <= view.height && box.x >= 0 && box.x + box.width <= view.width) return mention;
  await page.evaluate(
    (dy) =>
      new Promise<void>((resolve) => {
        scrollBy({ top: dy, behavior: 'instant' });
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }),
    box.y + box.height / 2 - view.height / 2,
  );
  return findMention(page, text, within, nth);
}

/**
 * Moves the mouse onto the centre of the mention's first box (scrolling it into view first when
 * needed); returns that point and the mention.
 */
export async function hoverMention(page: Page, text: string, within?: string): Promise<{ point: Point; mention: PaintedRange }> {
  const mention = await scrollMentionIntoView(page, text, within);
  const point = centerOf(mention.rects[0]!);
  await page.mouse.move(point.x, point.y);
  return { point, mention };
}

/** Resolves after the page has run an animation frame (code that samples the pointer once per frame has seen it). */
export function nextFrame(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => r())));
}

/**
 * Moves the mouse along `points` in steps of at most `stepPx` pixels, one pointer event per step
 * (a hand moving the mouse, not a jump).
 */
export async function moveInSteps(page: Page, points: Point[], stepPx = 2): Promise<void> {
  let [prev] = points;
  if (!prev) return;
  await page.mouse.move(prev.x, prev.y);
  for (const next of points.slice(1)) {
    const steps = Math.max(1, Math.ceil(Math.hypot(next.x - prev.x, next.y - prev.y) / stepPx));
    await page.mouse.move(next.x, next.y, { steps });
    prev = next;
  }
}

/**
 * From a point on a highlight to a point inside its card, straight across the gap between them
 * in small steps, pausing in the gap for one animation frame: the way a real pointer crosses it
 * (the card layer hit-tests the pointer once per frame, so it does see the gap).
 */
export async function crossIntoCard(page: Page, from: Point, gap: Point, inside: Point, stepPx = 2): Promise<void> {
  await moveInSteps(page, [from, gap], stepPx);
  await nextFrame(page);
  await moveInSteps(page, [gap, inside], stepPx);
}

/** Waits until a card is open (optionally with this title) and returns it. */
export async function waitForCard(page: Page, title?: string, timeout = 5_000): Promise<CardView> {
  const deadline = Date.now() + timeout;
  let seen: CardView | null = null;
  for (;;) {
    seen = await readCard(page).catch(() => null);
    if (seen && (title === undefined || seen.title === title)) return seen;
    if (Date.now() > deadline) throw new Error(`No card${title ? ` titled "${title}"` : ''} within ${timeout} ms; open card: ${seen ? `"${seen.title}"` : 'none'}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Waits until the open card has stopped moving: its entry animation has finished and its box has
 * stayed the same for several animation frames (it is positioned asynchronously).
 */
export async function waitForCardSettled(page: Page, timeout = 5_000): Promise<CardView> {
  await page.evaluate(cardSettledInPage, { tag: CARD_HOST, ms: timeout });
  const view = await readCard(page);
  if (!view) throw new Error('card closed while settling');
  return view;
}

/** Waits until no card is open (no host, or its frame hidden). */
export async function waitForNoCard(page: Page, timeout = 5_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (await page.evaluate(cardHostInPage, CARD_HOST)) {
    if (Date.now() > deadline) throw new Error(`the card is still open after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** One change of the card host, or one pointer event, as recorded in the page (`performance.now()` time base). */
export interface HostEvent {
  at: number;
  kind: 'added' | 'removed' | 'pointermove' | 'pointerenter' | 'pointerleave';
  /** Pointer position (pointer events only). */
  x?: number;
  y?: number;
  /** Tag of the innermost element under the pointer, inside the card's shadow root too (pointermove only). */
  target?: string;
}

/**
 * Records, in the page's main world, every time a card opens ('added') or closes ('removed'), every pointer move, and the pointer entering or leaving the open card's host (with
 * the page's own clock), so a test can tell whether a card stayed open the whole time and how
 * long after the last move it closed.
 */
export async function recordCardHost(page: Page): Promise<() => Promise<HostEvent[]>> {
  await page.evaluate((tag) => {
    const log: HostEvent[] = [];
    (window as unknown as { __cardHostLog: typeof log }).__cardHostLog = log;
    const upper = tag.toUpperCase();
    // A card opens when its frame shows, and closes when the frame is hidden (it stays in the
    // page between cards) or the host goes.
    const watchHost = (host: Element) => {
      for (const kind of ['pointerenter', 'pointerleave'] as const) {
        host.addEventListener(kind, (e) => log.push({ at: performance.now(), kind, x: (e as PointerEvent).clientX, y: (e as PointerEvent).clientY }));
      }
      const root = host.shadowRoot!;
      let shown = !!root.querySelector('iframe:not([hidden]):not(.prepared)');
      new MutationObserver(() => {
        const now = !!root.querySelector('iframe:not([hidden]):not(.prepared)');
        if (now !== shown) log.push({ at: performance.now(), kind: now ? 'added' : 'removed' });
        shown = now;
      }).observe(root, { attributes: true, childList: true, subtree: true, attributeFilter: ['hidden', 'class'] });
    };
    const open = document.querySelector(tag);
    if (open) watchHost(open);
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n.nodeName !== upper) continue;
          watchHost(n as Element);
          if ((n as Element).shadowRoot?.querySelector('iframe:not([hidden]):not(.prepared)')) log.push({ at: performance.now(), kind: 'added' });
        }
        for (const n of r.removedNodes) if (n.nodeName === upper) log.push({ at: performance.now(), kind: 'removed' });
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
    addEventListener(
      'pointermove',
      (e) => {
        const inner = e.composedPath()[0];
        log.push({ at: performance.now(), kind: 'pointermove', x: e.clientX, y: e.clientY, target: inner instanceof Element ? inner.tagName.toLowerCase() : '#' });
      },
      { capture: true, passive: true },
    );
  }, CARD_HOST);
  return () => page.evaluate(() => (window as unknown as { __cardHostLog: HostEvent[] }).__cardHostLog.slice());
}

/** A compact, readable form of a host log for assertion messages. */
export function describeLog(events: HostEvent[]): string {
  const t0 = events[0]?.at ?? 0;
  return events
    .map((e) => `${Math.round(e.at - t0)}ms ${e.kind}${e.y !== undefined ? ` (${Math.round(e.x!)},${Math.round(e.y)})` : ''}${e.target ? ` ${e.target}` : ''}`)
    .join('; ');
}

/** Where focus is, seen from the page (the active element) and from the card's frame. */
export interface FocusState {
  /** Tag and id of `document.activeElement` ("body", "a#link", "hled-card"). */
  active: string;
  /** True when `document.activeElement` is the card host (focus is in its frame). */
  onHost: boolean;
  /** Class of the frame's active element when the host is focused, or null. */
  inCard: string | null;
  /** True when the frame has focus and its active element is `.card` or inside it. */
  inCardDialog: boolean;
}

export async function focusState(page: Page): Promise<FocusState> {
  const outer = await page.evaluate((tag) => {
    const a = document.activeElement;
    const host = document.querySelector(tag);
    return {
      active: a ? `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}${a.classList.length ? `.${[...a.classList].join('.')}` : ''}` : 'none',
      onHost: !!host && a === host,
    };
  }, CARD_HOST);
  const frame = outer.onHost ? cardFrame(page) : null;
  const inner = frame
    ? await frame.evaluate(() => {
        const a = document.activeElement;
        const card = document.querySelector('.card');
        const focused = document.hasFocus() && a && a !== document.body ? a : null;
        return { inCard: focused ? focused.className || focused.tagName.toLowerCase() : null, inCardDialog: !!(focused && card && card.contains(focused)) };
      })
    : { inCard: null, inCardDialog: false };
  return { ...outer, ...inner };
}

/**
 * Delivers the `next-mention` keyboard command to `page` the way the background does when the
 * shortcut is pressed: the page's tab becomes the active one, and an extension page sends
 * `{ type: 'nextMention' }` to the active tab with `tabs.sendMessage` (no `tabs` permission is
 * needed for either). Resolves once the content script has received the message.
 */
export async function sendNextMention(extensionPage: Page, page: Page): Promise<void> {
  await page.bringToFront();
  const outcome = await extensionPage.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: ChromeTabs }).chrome;
    const self = await chrome.tabs.getCurrent();
    const tabs = await chrome.tabs.query({ active: true, currentWindow: true });
    if (tabs.length !== 1 || tabs[0]!.id === undefined) return { error: `expected one active tab, got ${tabs.length}` };
    if (tabs[0]!.id === self?.id) return { error: 'the extension page itself is the active tab' };
    try {
      await chrome.tabs.sendMessage(tabs[0]!.id!, { type: 'nextMention' });
      return { error: null };
    } catch (e) {
      return { error: String(e) };
    }
  });
  if (outcome.error) throw new Error(`nextMention not delivered: ${outcome.error}`);
}

/** The parts of `chrome.tabs` that `sendNextMention` uses. */
interface ChromeTabs {
  tabs: {
    getCurrent(): Promise<{ id?: number } | undefined>;
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/** Sends a request to the background from an extension page and returns the raw reply. */
export function askBackground<T = unknown>(extensionPage: Page, message: unknown): Promise<{ ok: boolean; value?: T; error?: string }> {
  return extensionPage.evaluate((m) => (globalThis as WithChrome).chrome.runtime.sendMessage(m), message) as Promise<{
    ok: boolean;
    value?: T;
    error?: string;
  }>;
}

/**
 * The extension's service worker as DevTools reports it (running → stopping → stopped → starting
 * → running), for proving that something happened without waking it.
 */
export interface WorkerWatch {
  /** Every running status reported for the extension's worker, oldest first. */
  statuses(): string[];
  current(): string | undefined;
  waitFor(status: string, timeout?: number): Promise<void>;
  /** True when a target for the worker exists right now. */
  hasTarget(): Promise<boolean>;
  stop(): Promise<void>;
}

export async function watchServiceWorker(context: BrowserContext, page: Page, extensionId: string): Promise<WorkerWatch> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const script = `chrome-extension://${extensionId}/background.js`;
  const history: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL === script) history.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  return {
    statuses: () => history.slice(),
    current: () => history.at(-1),
    async waitFor(status, timeout = 10_000) {
      const deadline = Date.now() + timeout;
      while (history.at(-1) !== status) {
        if (Date.now() > deadline) throw new Error(`service worker is ${history.at(-1)}, expected ${status}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async hasTarget() {
      const { targetInfos } = await cdp.send('Target.getTargets');
      return targetInfos.some((t) => t.type === 'service_worker' && t.url === script);
    },
    stop: () => cdp.detach().catch(() => {}),
  };
}

/** True when `inner` lies entirely within `outer` (with a tolerance for sub-pixel rounding). */
export function boxInside(inner: Box, outer: Box, tolerance = 0.5): boolean {
  return (
    inner.x >= outer.x - tolerance &&
    inner.y >= outer.y - tolerance &&
    inner.x + inner.width <= outer.x + outer.width + tolerance &&
    inner.y + inner.height <= outer.y + outer.height + tolerance
  );
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
