import { createCardUi, type CardUi } from './card-frame-host';
import type { Client } from '@/lib/client';
import type { Annotator, PageMention } from '@/lib/highlight/annotator';
import { caretAt, liveRange, rangeContainsPoint } from '@/lib/highlight/hit-test';
import type { MatcherTable } from '@/lib/match';
import type { EntityCard, PassageHit } from '@/lib/messages';
import type { CardContent } from '@/lib/ui/card-frame-protocol';
import { HoverIntent } from '@/lib/ui/hover-intent';
import type { UiLanguage } from '@/lib/i18n/language';

const ACTIVE_HIGHLIGHT = 'hled-active';
/** Grace period for the pointer to travel from a highlight into its card. */
const CLOSE_DELAY_MS = 300;
/**
 * Related passages are a search in the background: asked for only once a card has stayed open
 * this long (or was opened from the keyboard), so a card flashed while the pointer crosses the
 * page costs nothing and a stopped service worker is not woken by it.
 */
const RELATED_DWELL_MS = 400;
/**
 * Fired on the other frames' windows when a card opens, so a tab shows one card at a time across
 * same-origin frames without a message through the background (which would wake a stopped service
 * worker on every hover). A page can fire it too; all it can do is close our card.
 */
const CARD_OPENED_EVENT = 'hled-lens-card-opened';

export interface CardLayerOptions {
  annotator: Annotator;
  table: MatcherTable;
  ask: Client;
  lang: () => UiLanguage;
  hoverDelayMs: number;
  signal: AbortSignal;
  /** Stores "not this" for an alias of an entity on this site (the corrections listener re-applies them). */
  saveCorrection: (alias: string, entityId: string) => Promise<void>;
  doc?: Document;
}

/**
 * The cards of one page, in the module the content script imports only once a page has
 * highlights (`content-scripts/card-ui.js`, built by `wxt.config.ts`): a page without any gets
 * neither this code nor its pointer and key listeners. The card's view itself is an extension
 * page in a frame (`components/card-frame-host.ts`). Fetches the card data of every entity on the page once (so a hover
 * needs no round trip), tracks the pointer over highlights, and shows one card at a time next
 * to its highlight. Keyboard: `next()` moves to the next highlight and opens its card with focus
 * inside; Escape closes it and gives focus back.
 */
export class CardLayer {
  private readonly doc: Document;
  private readonly cards = new Map<string, EntityCard>();
  private readonly intent: HoverIntent<PageMention>;
  /** The view, made on the first card shown (it inserts nothing into the page until then). */
  private ui: CardUi | null = null;
  private destroyed = false;
  private pendingFrame = 0;
  private lastPointer: { x: number; y: number } | null = null;
  private returnFocus: Element | null = null;
  private focusOnOpen = false;
  private provenance: Promise<CardContent['provenance']> | null = null;
  /** Related passages per paragraph block and entity: a second hover asks nothing. */
  private readonly related = new WeakMap<Node, Map<string, Promise<PassageHit[]>>>();
  private dated: { url: string; date: string | null } | null = null;

  constructor(private readonly opts: CardLayerOptions) {
    this.doc = opts.doc ?? document;
    this.intent = new HoverIntent<PageMention>({
      openDelay: opts.hoverDelayMs,
      closeDelay: CLOSE_DELAY_MS,
      onOpen: (m) => void this.show(m),
      onClose: () => this.hide(),
      onArm: (m) => void this.prepare(m),
    });
    const { signal } = opts;
    const win = this.doc.defaultView!;
    win.addEventListener('pointermove', (e) => this.onPointer(e), { passive: true, capture: true, signal });
    // Capture on window: Escape closes the card even when focus is still somewhere in the page.
    win.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal });
    win.addEventListener(CARD_OPENED_EVENT, () => this.intent.close(), { signal });
    // The pointer left this window (out of an iframe, or out of the browser): no more pointermoves
    // will come here to say so, so treat it as leaving the highlight and the card.
    win.addEventListener(
      'pointerout',
      (e) => {
        if (e.relatedTarget || e.pointerType === 'touch') return;
        this.intent.leaveTarget();
        this.intent.leaveCard();
      },
      { passive: true, signal },
    );
    signal.addEventListener('abort', () => this.destroy());
  }

  setHoverDelay(ms: number): void {
    this.intent.setOpenDelay(ms);
  }

  /** Fetches the cards of entities now on the page that are not cached yet. */
  async prefetch(mentions: readonly PageMention[]): Promise<void> {
    const ids = [...new Set(mentions.map((m) => this.opts.table.entities[m.entity]!.id))].filter((id) => !this.cards.has(id));
    // The corpus's provenance loads while the card data is fetched, before anyone hovers.
    if (mentions.length) void this.corpusProvenance();
    if (!ids.length) return;
    for (const card of await this.opts.ask({ type: 'cardsFor', ids })) this.cards.set(card.id, card);
  }

  /** Keyboard: the next highlight after the open one (or the first in view), opened with focus. */
  next(): void {
    const mentions = this.opts.annotator.mentions();
    if (!mentions.length) return;
    const current = this.intent.current;
    let index = current ? mentions.findIndex((m) => m.range === current.range) + 1 : mentions.findIndex((m) => liveRange(this.doc, m.range).getBoundingClientRect().top >= 0);
    if (index < 0 || index >= mentions.length) index = 0;
    this.openWithFocus(mentions[index]!);
  }

  /** Scrolls to the first highlight of an entity and opens its card with focus (popup's "On this page"). */
  showEntity(entityId: string): boolean {
    const target = this.opts.annotator.mentions().find((m) => this.opts.table.entities[m.entity]!.id === entityId);
    if (!target) return false;
    this.openWithFocus(target);
    return true;
  }

  private openWithFocus(target: PageMention): void {
    if (!this.returnFocus) this.returnFocus = this.doc.activeElement;
    const rect = liveRange(this.doc, target.range).getBoundingClientRect();
    const view = this.doc.defaultView!;
    view.scrollBy({ top: rect.top - view.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
    this.focusOnOpen = true;
    this.intent.openNow(target);
  }

  private onPointer(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    this.lastPointer = { x: e.clientX, y: e.clientY };
    const host = this.ui?.host;
    if (host && e.composedPath().includes(host)) {
      this.intent.enterCard();
      return;
    }
    if (this.pendingFrame) return;
    this.pendingFrame = this.doc.defaultView!.requestAnimationFrame(() => {
      this.pendingFrame = 0;
      const p = this.lastPointer;
      if (!p) return;
      const hit = this.mentionAtPoint(p.x, p.y);
      if (hit) this.intent.enterTarget(hit);
      else {
        this.intent.leaveTarget();
        this.intent.leaveCard();
      }
    });
  }

  private mentionAtPoint(x: number, y: number): PageMention | null {
    const roots = this.opts.annotator.shadowRoots();
    const caret = caretAt(this.doc, x, y, roots);
    if (caret && caret.node.nodeType !== Node.TEXT_NODE && roots.length) return this.mentionInShadowAt(x, y);
    if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
    // A caret sits between characters: over the last letter of a name it reports the offset
    // after it, so look on both sides and keep the one whose boxes hold the point.
    for (const off of [caret.offset, caret.offset - 1]) {
      const m = off >= 0 ? this.opts.annotator.mentionAt(caret.node, off) : null;
      if (m && rangeContainsPoint(this.doc, m.range, x, y)) return m;
    }
    return null;
  }

  /**
   * Browsers whose `caretPositionFromPoint` takes no `shadowRoots` option report a position beside
   * the shadow host: then the mentions inside that host's shadow root are tested box by box.
   */
  private mentionInShadowAt(x: number, y: number): PageMention | null {
    // elementFromPoint is retargeted to the outermost host; walk down through open roots.
    let el = this.doc.elementFromPoint(x, y);
    while (el?.shadowRoot) {
      const inner = el.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === el) break;
      el = inner;
    }
    const root = el?.getRootNode();
    if (!(root instanceof ShadowRoot)) return null;
    for (const m of this.opts.annotator.mentions()) {
      if (m.range.startContainer.getRootNode() === root && this.opts.annotator.isPainted(m) && rangeContainsPoint(this.doc, m.range, x, y)) return m;
    }
    return null;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.intent.current) return;
    e.stopPropagation();
    this.intent.close();
  }

  private view(): CardUi {
    this.ui ??= createCardUi(this.doc, { enter: () => this.intent.enterCard(), leave: () => this.intent.leaveCard() });
    return this.ui;
  }

  private async show(m: PageMention): Promise<void> {
    const id = this.opts.table.entities[m.entity]!.id;
    const [provenance] = await Promise.all([this.corpusProvenance(), this.cards.has(id) ? null : this.prefetch([m])]);
    const card = this.cards.get(id);
    if (!card || this.intent.current !== m || this.destroyed) return;
    const ui = this.view();
    const alias = this.opts.table.aliases[m.alias]!;
    const view = this.doc.defaultView!;
    const lang = this.opts.lang();
    const byKeyboard = this.focusOnOpen;
    const show = (relatedHits?: readonly PassageHit[]) =>
      ui.show({
        content: { ...this.content(ui, m, card, lang, provenance), related: relatedHits ? [...relatedHits] : undefined, focus: byKeyboard && !relatedHits },
        range: m.range,
        title: card.name[lang],
        onNotThis: () => {
          this.opts.annotator.hide(m);
          view.CSS?.highlights?.delete(ACTIVE_HIGHLIGHT);
        },
        onNotThisOnSite: () => this.opts.saveCorrection(alias.text, id),
        onClose: () => this.intent.close(),
      });
    show();
    closeCardsInOtherFrames(view);
    this.focusOnOpen = false;
    if (view.CSS?.highlights && typeof view.Highlight === 'function') view.CSS.highlights.set(ACTIVE_HIGHLIGHT, new view.Highlight(m.range));
    if (!byKeyboard) await new Promise((r) => setTimeout(r, RELATED_DWELL_MS));
    if (this.intent.current !== m || this.destroyed) return;
    const hits = await this.relatedFor(ui, m, id).catch(() => [] as PassageHit[]);
    if (hits.length && this.intent.current === m && !this.destroyed) show(hits);
  }

  /**
   * While the hover delay runs, the card is laid out in its frame, out of sight, so the card shows
   * at once when the delay ends (only when no card is open: an open one is not replaced unseen).
   */
  private async prepare(m: PageMention): Promise<void> {
    const card = this.cards.get(this.opts.table.entities[m.entity]!.id);
    if (!card || this.intent.current) return;
    const provenance = await this.corpusProvenance();
    if (this.intent.armed !== m || this.intent.current || this.destroyed) return;
    const ui = this.view();
    const lang = this.opts.lang();
    ui.prepare({ content: { ...this.content(ui, m, card, lang, provenance), focus: false }, range: m.range, title: card.name[lang] });
  }

  private content(ui: CardUi, m: PageMention, card: EntityCard, lang: UiLanguage, provenance: CardContent['provenance']): Omit<CardContent, 'key' | 'focus'> {
    const alias = this.opts.table.aliases[m.alias]!;
    return {
      card,
      lang,
      pageDate: this.pageDate(ui),
      provenance,
      why: { alias: alias.text, aliasLang: alias.lang, rule: m.rule, pageCount: this.opts.annotator.mentions().filter((x) => x.entity === m.entity).length },
      site: this.doc.location?.hostname ?? '',
    };
  }

  /** The article's publication date, read once per URL (a single-page app changes both). */
  private pageDate(ui: CardUi): string | null {
    const url = this.doc.location?.href ?? '';
    if (this.dated?.url !== url) this.dated = { url, date: ui.readPageDate() };
    return this.dated.date;
  }

  private corpusProvenance(): Promise<CardContent['provenance']> {
    this.provenance ??= this.opts.ask({ type: 'corpusInfo' }).then(
      (i) => ({ name: i.name, corpusVersion: i.corpusVersion, dataAsOf: i.dataAsOf, signer: i.signer }),
      () => null,
    );
    return this.provenance;
  }

  private relatedFor(ui: CardUi, m: PageMention, entity: string): Promise<PassageHit[]> {
    const { block, text } = ui.paragraphOf(m.range.startContainer, m.range.startOffset);
    let byEntity = this.related.get(block);
    if (!byEntity) this.related.set(block, (byEntity = new Map()));
    let hits = byEntity.get(entity);
    if (!hits) {
      hits = this.opts.ask({ type: 'relatedPassages', paragraph: text, entity, limit: 3 });
      byEntity.set(entity, hits);
      hits.catch(() => byEntity!.delete(entity));
    }
    return hits;
  }

  private hide(): void {
    this.doc.defaultView?.CSS?.highlights?.delete(ACTIVE_HIGHLIGHT);
    this.ui?.hide();
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }

  private destroy(): void {
    this.intent.close();
    this.destroyed = true;
    this.ui?.destroy();
  }
}

/** Every window of the tab this frame can reach (same-origin frames), depth first from the top. */
function sameOriginWindows(top: Window): Window[] {
  const out: Window[] = [];
  const visit = (w: Window) => {
    try {
      void w.document; // Throws for a cross-origin frame: neither it nor its children are ours.
    } catch {
      return;
    }
    out.push(w);
    for (let i = 0; i < w.frames.length; i++) visit(w.frames[i]!);
  };
  visit(top);
  return out;
}

function closeCardsInOtherFrames(self: Window): void {
  let top: Window;
  try {
    top = self.top ?? self;
  } catch {
    top = self;
  }
  for (const w of sameOriginWindows(top)) if (w !== self) w.dispatchEvent(new Event(CARD_OPENED_EVENT));
}
