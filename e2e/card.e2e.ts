import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../lib/settings/defaults';
import {
  boxInside,
  boxesOverlap,
  centerOf,
  crossIntoCard,
  describeLog,
  findMention,
  focusState,
  hoverMention,
  moveInSteps,
  readCard,
  recordCardHost,
  scrollMentionIntoView,
  sendNextMention,
  waitForCard,
  waitForCardSettled,
  waitForNoCard,
  watchServiceWorker,
  type Point,
} from './harness/card';
import { REPO_ROOT, launchChromium, openExtensionPage, type ChromiumSession } from './harness/chromium';
import { waitForHighlights, writeSettings } from './harness/highlights';
import { startServer, type StaticServer } from './harness/server';
import { FIXTURES, useExtensionSuite } from './harness/suite';
import { loadCorpusFacts } from './scenarios/expectations';

const DOCS = path.join(REPO_ROOT, 'docs');
const SCREEN = { width: 1200, height: 800 };
/** The card's default hover delay and close grace period (settings default / card layer). */
const HOVER_DELAY_MS = DEFAULT_SETTINGS.hoverDelayMs;
const CLOSE_GRACE_MS = 300;

describe('hover card (Chromium)', () => {
  let server: StaticServer;
  let browser: ChromiumSession;
  let facts: Awaited<ReturnType<typeof loadCorpusFacts>>;
  const opened: Page[] = [];

  const open = async (fixture: string, viewport = SCREEN): Promise<Page> => {
    const page = await browser.context.newPage();
    opened.push(page);
    await page.setViewportSize(viewport);
    await page.goto(`${server.url}/${fixture}`, { waitUntil: 'load' });
    return page;
  };

  /** One mouse step of `moveInSteps` as the page sees it (one per frame). */
  const STEP_MS = 17;
  /**
   * Hovers the mention until its card is open, then moves the pointer straight from the
   * highlight across the gap into the card, a couple of pixels at a time. The gesture only counts
   * when the pointer crossed the gap within the close grace period (a heavily loaded machine can
   * stall input events for longer); otherwise it is made again, at most three times in all.
   */
  const crossFromHighlightIntoCard = async (page: Page, text: string, within: string) => {
    const attempt = async () => {
      const { point, mention } = await hoverMention(page, text, within);
      await waitForCard(page, text);
      const card = await waitForCardSettled(page);
      const box = mention.rects[0]!;
      const log = await recordCardHost(page);
      const below = card.rect.y >= box.y + box.height;
      const x = Math.min(Math.max(point.x, card.rect.x + 12), card.rect.x + card.rect.width - 12);
      expect(x, 'the path stays over the highlight until it leaves it').toBeGreaterThan(box.x);
      expect(x).toBeLessThan(box.x + box.width);
      const gapStart = below ? box.y + box.height : box.y;
      const gapEnd = below ? card.rect.y : card.rect.y + card.rect.height;
      expect(Math.abs(gapEnd - gapStart), 'there is a gap between highlight and card').toBeGreaterThan(0);
      const gap: Point = { x, y: (gapStart + gapEnd) / 2 };
      const inside: Point = { x, y: below ? card.rect.y + 24 : card.rect.y + card.rect.height - 24 };
      await moveInSteps(page, [point, { x, y: point.y }], 2);
      await crossIntoCard(page, { x, y: point.y }, gap, inside, 2);
      const crossing = await log();
      const onHighlight = crossing.filter((e) => e.kind === 'pointermove' && e.y! >= box.y && e.y! <= box.y + box.height).at(-1);
      // Into the card: the host's pointerenter when the pointer touched the frame's border, else
      // the page's last pointermove (the frame's document gets the next ones, one step later).
      const enteredAt = crossing.find((e) => e.kind === 'pointerenter')?.at ?? (crossing.filter((e) => e.kind === 'pointermove').at(-1)?.at ?? Infinity) + STEP_MS;
      const gapMs = onHighlight ? enteredAt - onHighlight.at : Infinity;
      return { card, box, gap, log, crossing, gapMs };
    };
    let crossed = await attempt();
    for (let retry = 0; retry < 2 && crossed.gapMs >= CLOSE_GRACE_MS - 50; retry++) {
      await page.mouse.move(SCREEN.width - 20, 12);
      await waitForNoCard(page);
      crossed = await attempt();
    }
    expect(crossed.gapMs, `the pointer crossed the gap in time: ${describeLog(crossed.crossing)}`).toBeLessThan(CLOSE_GRACE_MS - 50);
    return crossed;
  };

  beforeAll(async () => {
    facts = await loadCorpusFacts();
    server = await startServer(FIXTURES);
    browser = await launchChromium();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => p.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // Below the highlight (article-en) and flipped above it (corner.html).
  for (const [fixture, within] of [
    ['article-en.html', 'p-lede'],
    ['corner.html', 'p-corner'],
  ] as const) {
    it(`${fixture}: stays open while the pointer moves from the highlight into the card and rests there; leaving both closes it`, async () => {
      const page = await open(fixture);
      await waitForHighlights(page, { until: (r) => r.some((m) => m.text === 'Marcelo Ebrard' && m.within === within) });

      const { card, log, crossing } = await crossFromHighlightIntoCard(page, 'Marcelo Ebrard', within);
      const crossedAt = crossing.filter((e) => e.kind === 'pointermove').at(-1)!.at;

      // Resting inside the card well beyond the close grace period: the hover delay is the subject here.
      await page.waitForTimeout(1_200);
      const rest = await log();
      expect(rest.filter((e) => e.kind === 'added' || e.kind === 'removed'), `the card host was never removed or replaced: ${describeLog(rest)}`).toEqual([]);
      expect((await readCard(page))?.title).toBe('Marcelo Ebrard');
      expect(await page.evaluate(() => performance.now())).toBeGreaterThan(crossedAt + 1_000);

      // Away from both (the empty right end of the page header): the card closes after the grace period.
      const away: Point = { x: SCREEN.width - 20, y: 12 };
      expect(boxInside({ ...away, width: 0, height: 0 }, card.rect)).toBe(false);
      await page.mouse.move(away.x, away.y);
      await waitForNoCard(page, 3_000);
      const done = await log();
      const leftAt = done.filter((e) => e.kind === 'pointermove').at(-1)!.at;
      const removed = done.find((e) => e.kind === 'removed');
      expect(removed, 'the host was removed').toBeDefined();
      expect(removed!.at - leftAt, describeLog(done)).toBeGreaterThanOrEqual(CLOSE_GRACE_MS - 20);
      expect(removed!.at - leftAt, describeLog(done)).toBeLessThan(CLOSE_GRACE_MS + 1_500);
    });
  }

  it('stacked.html: the card stays the same when the way into it crosses the top of the next line’s highlight', async () => {
    const page = await open('stacked.html');
    await waitForHighlights(page, { until: (r) => r.some((m) => m.within === 'li-ebrard') && r.some((m) => m.within === 'li-salazar') });
    const { card, box, gap, log } = await crossFromHighlightIntoCard(page, 'Marcelo Ebrard', 'li-ebrard');
    // The layout this is about: the card opened below the name, and the strip between them is the
    // top of the next line's highlight, right under the pointer's way down.
    const next = (await findMention(page, 'Ken Salazar', 'li-salazar')).rects[0]!;
    expect(card.rect.y).toBeGreaterThan(box.y + box.height);
    expect(gap.y).toBeGreaterThan(next.y);
    expect(gap.x).toBeGreaterThan(next.x);
    expect(gap.x).toBeLessThan(next.x + next.width);

    // Resting inside the card past the hover delay: still the card the pointer went into.
    await page.waitForTimeout(HOVER_DELAY_MS + CLOSE_GRACE_MS + 600);
    const events = await log();
    expect(events.filter((e) => e.kind === 'added' || e.kind === 'removed'), `the card host was never removed: ${describeLog(events)}`).toEqual([]);
    expect((await readCard(page))?.title).toBe('Marcelo Ebrard');
  });

  it('the keyboard command opens the first highlight with focus in the card; again moves to the next; Escape gives focus back', async () => {
    const page = await open('article-en.html');
    const ranges = await waitForHighlights(page, { until: (r) => r.some((m) => m.text === 'Marcelo Ebrard' && m.within === 'p-lede') });
    const extPage = await openExtensionPage(browser.context, browser.extensionId, 'reader.html');
    opened.push(extPage);
    await page.focus('a.skip-link');
    expect(await page.evaluate(() => scrollY)).toBe(0);

    await sendNextMention(extPage, page);
    const first = await waitForCard(page, 'Marcelo Ebrard');
    expect(ranges[0]!.text).toBe('Marcelo Ebrard');
    let focus = await focusState(page);
    expect(focus.onHost, `focus is on the card host (active: ${focus.active})`).toBe(true);
    expect(focus.inCardDialog, `focus is inside the card (shadow active: ${focus.inCard})`).toBe(true);
    // The highlight the card belongs to is in view and marked as the active one.
    const active = await page.evaluate(() => {
      const h = CSS.highlights.get('hled-active');
      if (!h) return null;
      const [r] = [...h] as AbstractRange[];
      const live = document.createRange();
      live.setStart(r!.startContainer, r!.startOffset);
      live.setEnd(r!.endContainer, r!.endOffset);
      const b = live.getBoundingClientRect();
      return { text: live.toString(), within: live.startContainer.parentElement?.closest('[id]')?.id, inView: b.top >= 0 && b.bottom <= innerHeight };
    });
    expect(active).toEqual({ text: 'Marcelo Ebrard', within: 'p-lede', inView: true });
    expect(first.role).toBe('dialog');

    // The command again: the next highlight in document order.
    await sendNextMention(extPage, page);
    const hledName = facts.entity('hled').name.en;
    await waitForCard(page, hledName);
    expect(ranges[1]!.text).toBe('High-Level Economic Dialogue');
    focus = await focusState(page);
    expect(focus.inCardDialog, `focus is inside the second card (shadow active: ${focus.inCard})`).toBe(true);

    await page.keyboard.press('Escape');
    await waitForNoCard(page, CLOSE_GRACE_MS - 100);
    focus = await focusState(page);
    expect(focus.onHost).toBe(false);
    expect(focus.active, 'focus is back where it was before the first command').toBe('a.skip-link');
  });

  it('an open card follows its highlight on scroll and reflow, flips above it when the room below runs out, and never outgrows 480px', async () => {
    const page = await open('article-en.html');
    await waitForHighlights(page, { until: (r) => r.some((m) => m.text === 'Marcelo Ebrard' && m.within === 'p-lede') });
    const extPage = await openExtensionPage(browser.context, browser.extensionId, 'reader.html');
    opened.push(extPage);
    await page.focus('a.skip-link');
    await sendNextMention(extPage, page);
    await waitForCard(page, 'Marcelo Ebrard');
    const gapBelow = async () => {
      const card = await waitForCardSettled(page);
      const box = (await findMention(page, 'Marcelo Ebrard', 'p-lede')).rects.at(-1)!;
      return { card: card.rect, box, below: card.rect.y - (box.y + box.height), above: box.y - (card.rect.y + card.rect.height) };
    };
    const before = await gapBelow();
    expect(before.below, `card ${JSON.stringify(before.card)} 6px below the highlight ${JSON.stringify(before.box)}`).toBeCloseTo(6, 0);

    await page.evaluate(() => scrollBy({ top: 40, behavior: 'instant' }));
    const scrolled = await gapBelow();
    expect(scrolled.box.y).toBeCloseTo(before.box.y - 40, 0);
    expect(scrolled.below, 'still 6px below the highlight after a scroll').toBeCloseTo(6, 0);
    expect(scrolled.card.x).toBeCloseTo(before.card.x, 0);

    // Back at the top in a window just taller than the text down to the highlight: no room below, so the card goes above.
    await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
    const top = await gapBelow();
    const view = Math.round(top.box.y + top.box.height + 40);
    await page.setViewportSize({ width: SCREEN.width, height: view });
    const flipped = await gapBelow();
    expect(flipped.box.y).toBeCloseTo(top.box.y, 0);
    expect(flipped.above, `card ${JSON.stringify(flipped.card)} 6px above the highlight ${JSON.stringify(flipped.box)}`).toBeCloseTo(6, 0);

    // The browser keeps the option that fitted last (above, shrunk to the room there) while it
    // still fits: given a window of room above, the card still never outgrows its 480px.
    await page.setViewportSize({ width: SCREEN.width, height: 1400 });
    await page.evaluate(() => (document.body.style.paddingTop = '1000px'));
    const tall = await gapBelow();
    expect(tall.box.y).toBeGreaterThan(1000);
    expect(tall.card.height, `card ${JSON.stringify(tall.card)}`).toBeLessThanOrEqual(480.5);
    expect(Math.min(Math.abs(tall.below - 6), Math.abs(tall.above - 6)), `card ${JSON.stringify(tall.card)} 6px from the highlight ${JSON.stringify(tall.box)}`).toBeLessThan(1);
    expect(boxInside(flipped.card, { x: 0, y: 0, width: SCREEN.width, height: view })).toBe(true);
  });

  it('a transform on <html> does not move the card away from its highlight', async () => {
    // A transform on <html> makes it the containing block of fixed boxes (a filter does not, on the root), which then
    // scroll with the page: viewport coordinates written as they are would be off by the scroll.
    const page = await open('article-en.html');
    await waitForHighlights(page, { until: (r) => r.some((m) => m.text === 'Marcelo Ebrard' && m.within === 'p-lede') });
    await page.evaluate(() => {
      document.documentElement.style.transform = 'translateZ(0)';
      document.body.style.paddingBottom = '2000px';
    });
    const extPage = await openExtensionPage(browser.context, browser.extensionId, 'reader.html');
    opened.push(extPage);
    await page.focus('a.skip-link');
    await sendNextMention(extPage, page);
    await waitForCard(page, 'Marcelo Ebrard');
    expect(await page.evaluate(() => scrollY), 'the command scrolled the page').toBeGreaterThan(0);
    const card = (await waitForCardSettled(page)).rect;
    const box = (await findMention(page, 'Marcelo Ebrard', 'p-lede')).rects.at(-1)!;
    expect(card.y - (box.y + box.height), `card ${JSON.stringify(card)} 6px below the highlight ${JSON.stringify(box)}`).toBeCloseTo(6, 0);
  });

  it('article-en.html with <html> zoomed by the page (CSS zoom): the card keeps its size and sits next to its highlight', async () => {
    const page = await open('article-en.html');
    await waitForHighlights(page, { until: (r) => r.some((m) => m.text === 'Marcelo Ebrard' && m.within === 'p-lede') });
    await hoverMention(page, 'Marcelo Ebrard', 'p-lede');
    await waitForCard(page, 'Marcelo Ebrard');
    const plainWidth = (await waitForCardSettled(page)).rect.width;
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    await waitForNoCard(page);

    // Zoom multiplies down the tree: without undoing it, the card was drawn 1.5 times too large and
    // its anchor box 1.5 times too far from the page's corner, over the highlight.
    await page.evaluate(() => (document.documentElement.style.zoom = '1.5'));
    const mention = await scrollMentionIntoView(page, 'Marcelo Ebrard', 'p-lede');
    await page.mouse.move(centerOf(mention.rects[0]!).x, centerOf(mention.rects[0]!).y);
    await waitForCard(page, 'Marcelo Ebrard');
    const card = (await waitForCardSettled(page)).rect;
    const view = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    expect(card.width, 'the card keeps its width').toBeCloseTo(plainWidth, 0);
    expect(boxInside(card, { x: 0, y: 0, ...view }), `card ${JSON.stringify(card)} inside ${view.width}×${view.height}`).toBe(true);
    for (const r of mention.rects) expect(boxesOverlap(card, r), 'card covers its own highlight').toBe(false);
    const box = mention.rects.at(-1)!;
    const gap = card.y >= box.y ? card.y - (box.y + box.height) : box.y - (card.y + card.height);
    expect(gap, `card ${JSON.stringify(card)} 6px from the highlight ${JSON.stringify(box)}`).toBeCloseTo(6, 0);
  });

  it('article-en.html printed with a card open: the card is not printed', async () => {
    const page = await open('article-en.html');
    await waitForHighlights(page, { until: (r) => r.some((m) => m.text === 'Marcelo Ebrard' && m.within === 'p-lede') });
    await hoverMention(page, 'Marcelo Ebrard', 'p-lede');
    await waitForCard(page, 'Marcelo Ebrard');
    expect((await waitForCardSettled(page)).rect.height).toBeGreaterThan(100);
    await page.emulateMedia({ media: 'print' });
    const card = await readCard(page);
    expect(card?.rect ?? null, 'the open card takes no room in print').toMatchObject({ width: 0, height: 0 });
  });

  /** Where a card must stay fully inside the viewport: corners, short windows, the middle of a page. */
  const placements = [
    { fixture: 'corner.html', within: 'p-corner', viewport: SCREEN, where: 'a mention in the bottom-right corner' },
    { fixture: 'corner.html', within: 'p-corner', viewport: { width: 800, height: 450 }, where: 'a mention in the bottom-right corner of a short window' },
    { fixture: 'article-en.html', within: 'p-lede', viewport: SCREEN, where: 'a mention in the middle of the viewport' },
  ];
  for (const { fixture, within, viewport, where } of placements) {
    it(`${fixture} at ${viewport.width}×${viewport.height}: the card of ${where} stays fully inside the viewport`, async () => {
      const page = await open(fixture, viewport);
      await waitForHighlights(page, { until: (r) => r.some((m) => m.within === within) });
      const mention = await findMention(page, 'Marcelo Ebrard', within);
      const box = mention.rects.at(-1)!;
      if (within === 'p-corner') {
        // The mention really is in the corner.
        expect(viewport.width - (box.x + box.width)).toBeLessThan(12);
        expect(viewport.height - (box.y + box.height)).toBeLessThan(12);
      } else {
        expect(box.y).toBeGreaterThan(viewport.height / 3);
        expect(box.y).toBeLessThan((viewport.height * 2) / 3);
      }

      const at = centerOf(mention.rects[0]!);
      await page.mouse.move(at.x, at.y);
      await waitForCard(page, 'Marcelo Ebrard');
      const card = await waitForCardSettled(page);
      const view = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
      expect(card.rect.width).toBeGreaterThan(0);
      expect(card.rect.height).toBeGreaterThan(0);
      expect(boxInside(card.rect, { x: 0, y: 0, ...view }), `card ${JSON.stringify(card.rect)} inside ${view.width}×${view.height}`).toBe(true);
      // It does not cover the highlight it belongs to.
      for (const r of mention.rects) expect(boxesOverlap(card.rect, r), 'card covers its own highlight').toBe(false);
    });
  }

  it('aggressive-css.html: page CSS cannot reach the card', async () => {
    const page = await open('aggressive-css.html');
    await waitForHighlights(page, { until: (r) => r.some((m) => m.text === 'Marcelo Ebrard') });
    // The page forces red text on everything it can reach.
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('p-aggressive')!).color)).toBe('rgb(255, 0, 0)');

    await hoverMention(page, 'Marcelo Ebrard', 'p-aggressive');
    await waitForCard(page, 'Marcelo Ebrard');
    const card = await waitForCardSettled(page);
    expect(card.rect.width).toBeGreaterThan(100);
    expect(card.rect.height).toBeGreaterThan(50);
    expect(card.style.display).not.toBe('none');
    expect(card.style.hostDisplay).not.toBe('none');
    expect(card.style.visibility).toBe('visible');
    expect(card.style.opacity).toBe('1');
    expect(card.style.color).not.toBe('rgb(255, 0, 0)');
    expect(card.style.titleColor).not.toBe('rgb(255, 0, 0)');
    expect(card.style.textTransform).toBe('none');
    expect(card.style.fontFamily).not.toMatch(/Comic Sans/i);
    expect(card.onTop, 'the card is on top of the page at its centre').toBe(true);
    expect(card.roles.length).toBeGreaterThan(0);
    expect(card.timeline.length).toBeGreaterThan(0);
  });
});

describe('hover card in Spanish (Chromium)', () => {
  const suite = useExtensionSuite('reader.html');
  let facts: Awaited<ReturnType<typeof loadCorpusFacts>>;

  beforeAll(async () => {
    facts = await loadCorpusFacts();
  });

  /** Opens article-es; `acceptLanguage` makes the tab's browser language (navigator.language) Spanish. */
  const openEs = async (acceptLanguage?: string): Promise<Page> => {
    const page = await suite.browser.context.newPage();
    suite.track(page);
    await page.setViewportSize(SCREEN);
    if (acceptLanguage) {
      const cdp = await suite.browser.context.newCDPSession(page);
      const userAgent = await page.evaluate(() => navigator.userAgent);
      await cdp.send('Network.setUserAgentOverride', { userAgent, acceptLanguage });
    }
    await page.goto(`${suite.server.url}/article-es.html`, { waitUntil: 'load' });
    await waitForHighlights(page, { until: (r) => r.some((m) => m.text === 'Marcelo Ebrard') });
    return page;
  };

  const expectSpanishHledCard = async (page: Page) => {
    const hled = facts.entity('hled');
    await hoverMention(page, 'Diálogo Económico de Alto Nivel', 'p-entrada');
    const card = await waitForCard(page, hled.name.es);
    expect(card.lang).toBe('es');
    expect(card.labelledByText).toBe(hled.name.es);
    // The Spanish name first, the English one after it, marked as English.
    expect(card.altName).toBe(hled.name.en);
    expect(card.altLang).toBe('en');
    expect(card.kind).toMatch(/DEAN$/);
    expect(card.closeLabel).toBe('Cerrar');
    expect(card.mentionsLabel).toBe('En el corpus');
    expect(card.summary).toMatch(/^Mencionado en \d+ documentos?/);
    expect(card.timeline.length).toBeGreaterThan(0);
    for (const t of card.timeline) expect(t.readerText).toBe('Leer en contexto');
    expect(card.search?.text).toBe(`Buscar «${hled.name.es}» en el corpus`);
    return card;
  };

  it('with the language set to Spanish: Spanish name first, Spanish labels, Spanish roles', async () => {
    await writeSettings(suite.extPage, { ...DEFAULT_SETTINGS, language: 'es' });
    const page = await openEs();
    await expectSpanishHledCard(page);

    await page.mouse.move(SCREEN.width - 20, 12);
    await waitForNoCard(page);
    await hoverMention(page, 'Marcelo Ebrard', 'p-ebrard');
    const card = await waitForCard(page, 'Marcelo Ebrard');
    const ebrard = facts.entity('marcelo-ebrard');
    expect(card.rolesLabel).toBe('Cargos');
    expect(card.roles.map((r) => r.title).sort()).toEqual(ebrard.roles!.map((r) => r.title_es).sort());
    expect(card.roles[0]!.title).toBe('Secretario de Economía');
    expect(card.roles[0]!.when).toMatch(/^desde 1 oct\.? 2024$/);
    expect(card.summary).toMatch(/^Mencionado en 2 documentos, /);
    expect(card.description).toMatch(/^Político mexicano/);

    await mkdir(DOCS, { recursive: true });
    await waitForCardSettled(page);
    await page.screenshot({ path: path.join(DOCS, 'card-es.png') });
  });

  it('with the browser language Spanish and the language setting on "auto": the card is in Spanish', async () => {
    expect(DEFAULT_SETTINGS.language).toBe('auto');
    const page = await openEs('es-ES');
    expect(await page.evaluate(() => navigator.language)).toBe('es-ES');
    await expectSpanishHledCard(page);
  });
});

describe('hover card after the service worker stopped (Chromium)', () => {
  let server: StaticServer;
  let browser: ChromiumSession;

  beforeAll(async () => {
    server = await startServer(FIXTURES);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('paints cards from the data fetched once after annotation, without waking the worker', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(SCREEN);
    await page.goto(`${server.url}/article-en.html`, { waitUntil: 'load' });
    await waitForHighlights(page, { until: (r) => r.some((m) => m.text === 'Ken Salazar') });
    // One card first: the view module and the first batch of card data are in by then.
    await hoverMention(page, 'Marcelo Ebrard', 'p-lede');
    await waitForCard(page, 'Marcelo Ebrard');
    await page.keyboard.press('Escape');
    await waitForNoCard(page);

    const worker = await watchServiceWorker(browser.context, page, browser.extensionId);
    try {
      await browser.stopServiceWorker();
      await worker.waitFor('stopped');
      expect(await worker.hasTarget()).toBe(false);
      const stoppedAt = worker.statuses().length;

      // Cards of entities not hovered before.
      await hoverMention(page, 'Ken Salazar', 'p-salazar');
      const salazar = await waitForCard(page, 'Ken Salazar');
      expect(salazar.timeline.length).toBeGreaterThan(0);
      // Escape closes at once: a card left open past the dwell time asks for related passages,
      // which is a search and does wake the worker.
      await page.keyboard.press('Escape');
      await waitForNoCard(page);
      await hoverMention(page, 'Sembrando Oportunidades', 'p-sembrando');
      const program = await waitForCard(page);
      expect(program.title).toMatch(/^Sembrando Oportunidades/);
      expect(program.timeline.length).toBeGreaterThan(0);

      expect(worker.statuses().slice(stoppedAt), 'the worker was not woken for the cards').toEqual([]);
      expect(await worker.hasTarget()).toBe(false);

      // The watch does see a restart when something does need the worker.
      const ext = await openExtensionPage(browser.context, browser.extensionId, 'reader.html#q=Ebrard');
      await ext.waitForSelector('main section h1');
      await worker.waitFor('running');
      expect(worker.statuses().slice(stoppedAt)).toContain('starting');
      await ext.close();
    } finally {
      await worker.stop();
      await page.close();
    }
  });
});
