import { MENTION_HIGHLIGHT, settleHighlights, type PaintedRange } from '../harness/highlights';
import { CARD_HOST, mergeCardView, type CardView, type Point } from '../harness/card';
import { cardHostInPage, cardInFrame, cardSettledInPage, centreInFrame, optionsInPage, paintedRangesInPage } from '../harness/page-reads';
import type { OptionsView } from '../harness/bundles';
import { call, type PageDriver } from './driver';

/**
 * Steps the shared scenarios are made of, written once against the driver interface: reading
 * highlights, hovering a mention, reading the card and the options page.
 */

export function paintedRanges(page: PageDriver, name = MENTION_HIGHLIGHT): Promise<PaintedRange[] | null> {
  return page.evaluate(call(paintedRangesInPage, name));
}

/** `waitForHighlights` of the harness, on either driver. */
export function waitForHighlights(
  page: PageDriver,
  until: (ranges: PaintedRange[]) => boolean = (r) => r.length > 0,
  { quietMs = 400, timeout = 15_000 } = {},
): Promise<PaintedRange[]> {
  return settleHighlights(() => paintedRanges(page), () => page.url(), { until, quietMs, timeout });
}

export async function readCard(page: PageDriver): Promise<CardView | null> {
  const host = await page.evaluate<ReturnType<typeof cardHostInPage>>(call(cardHostInPage, CARD_HOST));
  return mergeCardView(host, host ? await page.evaluateInCard<ReturnType<typeof cardInFrame>>(call(cardInFrame)).catch(() => null) : null);
}

export function readOptions(page: PageDriver): Promise<OptionsView> {
  return page.evaluate(call(optionsInPage));
}

/** Waits until a card titled `title` is open and returns it. */
export async function waitForCard(page: PageDriver, title: string, timeout = 5_000): Promise<CardView> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const seen = await readCard(page).catch(() => null);
    if (seen?.title === title) return seen;
    if (Date.now() > deadline) throw new Error(`No card titled "${title}" within ${timeout} ms on ${await page.url()}; open card: ${seen ? `"${seen.title}"` : 'none'}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until the open card has finished its entry animation and kept its box for a few frames. */
export async function waitForCardSettled(page: PageDriver): Promise<CardView> {
  await page.evaluate(call(cardSettledInPage, { tag: CARD_HOST, ms: 5000 }));
  const view = await readCard(page);
  if (!view) throw new Error('card closed while settling');
  return view;
}

export async function waitForNoCard(page: PageDriver, timeout = 5_000): Promise<void> {
  await page.waitFor(`!(${call(cardHostInPage, CARD_HOST)})`, 'the card to close', timeout);
}

/** The painted mention `text` inside the element with id `within`. */
export async function findMention(page: PageDriver, text: string, within: string): Promise<PaintedRange> {
  const ranges = (await paintedRanges(page)) ?? [];
  const found = ranges.find((r) => r.connected && r.text === text && r.within === within && r.rects.length > 0);
  if (!found) throw new Error(`No painted mention "${text}" in #${within}; painted: ${JSON.stringify(ranges.map((r) => `${r.text}@${r.within}`))}`);
  return found;
}

/** Moves the mouse onto the centre of the mention's first box. */
export async function hoverMention(page: PageDriver, text: string, within: string): Promise<{ point: Point; mention: PaintedRange }> {
  const mention = await findMention(page, text, within);
  const box = mention.rects[0]!;
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouseMove(point.x, point.y);
  return { point, mention };
}

/**
 * The centre of the first element matching `selector`, in the page or (`inCard`) in the open
 * card's frame, scrolled into view first, in the page's viewport coordinates; throws when there
 * is none.
 */
export async function centreOf(page: PageDriver, selector: string, inCard = false): Promise<Point> {
  if (inCard) {
    const host = await page.evaluate<ReturnType<typeof cardHostInPage>>(call(cardHostInPage, CARD_HOST));
    const inner = host ? await page.evaluateInCard<Point | null>(call(centreInFrame, selector)) : null;
    if (!host || !inner) throw new Error(`no ${selector} in the open card on ${await page.url()}`);
    // The frame's content starts inside its 1px border.
    return { x: host.rect.x + 1 + inner.x, y: host.rect.y + 1 + inner.y };
  }
  // Measured two frames after scrolling it into view: scrolling the page moves an open card
  // with its highlight (the anchor box follows scroll events), which a rect read at once misses.
  const point = await page.evaluate<Point | null>(`(async () => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el) return null;
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  })()`);
  if (!point) throw new Error(`no ${selector} on ${await page.url()}`);
  return point;
}

/** Clicks the centre of the first element matching `selector` (in the open card: `inCard`) with the mouse. */
export async function clickElement(page: PageDriver, selector: string, inCard = false): Promise<void> {
  const { x, y } = await centreOf(page, selector, inCard);
  await page.clickAt(x, y);
}

/** Sends a request to the background from an extension page (`browser` in Firefox, `chrome` in Chromium) and returns the raw reply. */
export function askBackground<T>(extensionPage: PageDriver, message: unknown): Promise<{ ok: boolean; value: T; error?: string }> {
  return extensionPage.evaluate(`(globalThis.browser ?? globalThis.chrome).runtime.sendMessage(${JSON.stringify(message)})`);
}

/**
 * Stores the whole `settings` object the way the options page does (`storage.local`), from an
 * extension page; content scripts apply it live.
 */
export async function writeSettings(extensionPage: PageDriver, settings: object): Promise<void> {
  await extensionPage.evaluate(`(globalThis.browser ?? globalThis.chrome).storage.local.set({ settings: ${JSON.stringify(settings)} }).then(() => true)`);
}
