import { autoUpdate, computePosition, flip, inline, offset, shift } from '@floating-ui/dom';
import { Card } from '@/components/Card';
import cardCss from '@/components/card.css?inline';
import { createShadowContainer, type ShadowContainer } from '@/components/shadow-container';
import type { Client } from '@/lib/client';
import type { Annotator, PageMention } from '@/lib/highlight/annotator';
import { caretAt, liveRange, rangeContainsPoint } from '@/lib/highlight/hit-test';
import type { MatcherTable } from '@/lib/match';
import type { EntityCard } from '@/lib/messages';
import { HoverIntent } from '@/lib/ui/hover-intent';
import type { UiLanguage } from '@/lib/ui/strings';

const ACTIVE_HIGHLIGHT = 'hled-active';
/** Grace period for the pointer to travel from a highlight into its card. */
const CLOSE_DELAY_MS = 300;

export interface CardLayerOptions {
  annotator: Annotator;
  table: MatcherTable;
  ask: Client;
  lang: () => UiLanguage;
  hoverDelayMs: number;
  readerUrl: (hash: string) => string;
  signal: AbortSignal;
  doc?: Document;
}

/**
 * The cards of one page: fetches the card data of every entity on the page once (so a hover
 * needs no round trip), tracks the pointer over highlights, and shows one card at a time next
 * to its highlight. Keyboard: `next()` moves to the next highlight and opens its card with focus
 * inside; Escape closes it and gives focus back.
 */
export class CardLayer {
  private readonly doc: Document;
  private readonly cards = new Map<string, EntityCard>();
  private readonly intent: HoverIntent<PageMention>;
  private container: ShadowContainer | null = null;
  private stopPositioning: (() => void) | null = null;
  private pendingFrame = 0;
  private lastPointer: { x: number; y: number } | null = null;
  private returnFocus: Element | null = null;
  private focusOnOpen = false;

  constructor(private readonly opts: CardLayerOptions) {
    this.doc = opts.doc ?? document;
    this.intent = new HoverIntent<PageMention>({
      openDelay: opts.hoverDelayMs,
      closeDelay: CLOSE_DELAY_MS,
      onOpen: (m) => void this.show(m),
      onClose: () => this.hide(),
    });
    const { signal } = opts;
    const win = this.doc.defaultView!;
    win.addEventListener('pointermove', (e) => this.onPointer(e), { passive: true, capture: true, signal });
    // Capture on window: Escape closes the card even when focus is still somewhere in the page.
    win.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal });
    signal.addEventListener('abort', () => this.destroy());
  }

  setHoverDelay(ms: number): void {
    this.intent.setOpenDelay(ms);
  }

  /** Fetches the cards of entities now on the page that are not cached yet. */
  async prefetch(mentions: readonly PageMention[]): Promise<void> {
    const ids = [...new Set(mentions.map((m) => this.opts.table.entities[m.entity]!.id))].filter((id) => !this.cards.has(id));
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
    const target = mentions[index]!;
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
    if (this.container && e.composedPath().includes(this.container.host)) {
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
    const caret = caretAt(this.doc, x, y);
    if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
    // A caret sits between characters: over the last letter of a name it reports the offset
    // after it, so look on both sides and keep the one whose boxes hold the point.
    for (const off of [caret.offset, caret.offset - 1]) {
      const m = off >= 0 ? this.opts.annotator.mentionAt(caret.node, off) : null;
      if (m && rangeContainsPoint(this.doc, m.range, x, y)) return m;
    }
    return null;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.intent.current) return;
    e.stopPropagation();
    this.intent.close();
  }

  private async show(m: PageMention): Promise<void> {
    const id = this.opts.table.entities[m.entity]!.id;
    if (!this.cards.has(id)) await this.prefetch([m]);
    const card = this.cards.get(id);
    if (!card || this.intent.current !== m) return;
    this.container ??= createShadowContainer({ tag: 'hled-card', css: cardCss, doc: this.doc });
    this.container.render(
      <Card
        card={card}
        lang={this.opts.lang()}
        readerUrl={(doc, passage) => this.opts.readerUrl(`doc=${encodeURIComponent(doc)}&p=${encodeURIComponent(passage)}`)}
        searchUrl={(q) => this.opts.readerUrl(`q=${encodeURIComponent(q)}`)}
        onNavigate={(url) => void this.opts.ask({ type: 'openPage', url })}
        onClose={() => this.intent.close()}
      />,
    );
    this.container.host.onpointerleave = () => this.intent.leaveCard();
    const floating = this.container.root.querySelector<HTMLElement>('.card')!;
    const range = m.range;
    const reference = {
      getBoundingClientRect: () => liveRange(this.doc, range).getBoundingClientRect(),
      getClientRects: () => liveRange(this.doc, range).getClientRects(),
      contextElement: range.startContainer.parentElement ?? undefined,
    };
    this.stopPositioning?.();
    this.stopPositioning = autoUpdate(reference, floating, () => {
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(6), inline(), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
      });
    });
    const view = this.doc.defaultView!;
    if (view.CSS?.highlights && typeof view.Highlight === 'function') view.CSS.highlights.set(ACTIVE_HIGHLIGHT, new view.Highlight(range));
    if (this.focusOnOpen) {
      this.focusOnOpen = false;
      floating.focus({ preventScroll: true });
    }
  }

  private hide(): void {
    this.stopPositioning?.();
    this.stopPositioning = null;
    this.doc.defaultView?.CSS?.highlights?.delete(ACTIVE_HIGHLIGHT);
    this.container?.render(null);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }

  private destroy(): void {
    this.intent.close();
    this.container?.destroy();
    this.container = null;
  }
}
