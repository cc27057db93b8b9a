import type { EntityCard, PassageHit } from '@/lib/messages';
import type { UiLanguage } from '@/lib/i18n/language';
import type { WhyHighlight } from '@/lib/ui/why';
import { Card, type Provenance } from './Card';
import { copyText } from './copy-text';
import { paragraphAround } from '@/lib/highlight/paragraph';
import { publishedDate } from '@/lib/page/published-date';
import cardCss from './card.css?inline';
import { createShadowContainer, type ShadowContainer } from './shadow-container';

/**
 * The card's view, in the module the content script loads with a page's first highlight
 * (`components/card-layer.ts`, built by `wxt.config.ts` into `content-scripts/card-ui.js`).
 */
export interface ShowCard {
  card: EntityCard;
  lang: UiLanguage;
  /** The highlight the card belongs to. */
  range: AbstractRange;
  readerUrl: (documentId: string, passageId: string) => string;
  searchUrl: (query: string) => string;
  entityUrl: (id: string) => string;
  /** The article's publication date, when the page gives one. */
  pageDate: string | null;
  /** Passages related to the paragraph around the highlight; undefined while they load. */
  related?: readonly PassageHit[];
  provenance: Provenance | null;
  why: WhyHighlight | null;
  site: string;
  onNotThis: () => void;
  onNotThisOnSite: () => Promise<void>;
  onNavigate: (url: string) => void;
  onClose: () => void;
  /** Move focus into the card (keyboard opening). */
  focus: boolean;
}

export interface CardUi {
  /** The host element while a card is open: events whose path includes it happened inside. */
  readonly host: HTMLElement | null;
  /**
   * The page's publication date and a mention's paragraph: needed only once a card opens, so they
   * ship in this lazily loaded module rather than in the content script every page loads.
   */
  readPageDate(): string | null;
  paragraphOf(node: Node, offset: number): { block: Node; text: string };
  show(opts: ShowCard): void;
  hide(): void;
  destroy(): void;
}

export function createCardUi(doc: Document, onPointerLeave: () => void): CardUi {
  // The host exists only while a card is open: a page with no open card has no trace of us.
  let container: ShadowContainer | null = null;
  let stopPositioning: (() => void) | null = null;
  let positionedFor: AbstractRange | null = null;
  /** The invisible box kept over the highlight, which the card's CSS anchors it to (card.css). */
  let anchor: HTMLElement | null = null;
  // A new highlight gets a new card component: state such as "not this" belongs to one highlight.
  const keys = new WeakMap<AbstractRange, number>();
  let nextKey = 0;
  const close = () => {
    stopPositioning?.();
    stopPositioning = null;
    positionedFor = null;
    container?.destroy();
    container = null;
  };

  const live = (r: AbstractRange) => {
    const range = doc.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  };

  return {
    get host() {
      return container?.host ?? null;
    },
    readPageDate: () => publishedDate(doc),
    paragraphOf: (node, offset) => paragraphAround(node, offset),
    show(o) {
      if (!container) {
        container = createShadowContainer({ tag: 'hled-card', css: cardCss, doc });
        container.host.addEventListener('pointerleave', onPointerLeave);
      }
      const root = container.root;
      container.render(
        <>
          <span class="anchor" aria-hidden="true" ref={(el) => {
            anchor = el;
          }} />
          <Card
            key={keys.get(o.range) ?? (keys.set(o.range, ++nextKey), nextKey)}
            card={o.card}
            lang={o.lang}
            readerUrl={o.readerUrl}
            searchUrl={o.searchUrl}
            entityUrl={o.entityUrl}
            onNavigate={o.onNavigate}
            onClose={o.onClose}
            pageDate={o.pageDate}
            related={o.related}
            provenance={o.provenance}
            onCopy={(text) => copyText(text, root)}
            why={o.why}
            site={o.site}
            onNotThis={o.onNotThis}
            onNotThisOnSite={o.onNotThisOnSite}
          />
        </>,
      );
      const cardEl = root.querySelector<HTMLElement>('.card')!;
      // The same card updated (related passages arrived): the browser re-places it as it grows.
      if (positionedFor === o.range) return;
      positionedFor = o.range;
      stopPositioning?.();
      stopPositioning = followHighlight(doc, () => {
        if (anchor) placeOver(anchor, live(o.range).getBoundingClientRect(), container!.host.getBoundingClientRect());
      });
      if (o.focus) cardEl.focus({ preventScroll: true });
    },
    hide: close,
    destroy: close,
  };
}

/**
 * Puts the anchor box over `rect` (viewport coordinates). The host is fixed at 0,0 of its
 * containing block, which is the viewport unless the page transforms <html> (then <html>'s box,
 * which scrolls): measured from the host's own corner, the box is right either way.
 */
function placeOver(anchor: HTMLElement, rect: DOMRect, origin: DOMRect): void {
  const style = anchor.style;
  style.left = `${rect.left - origin.left}px`;
  style.top = `${rect.top - origin.top}px`;
  style.width = `${rect.width}px`;
  style.height = `${rect.height}px`;
}

/**
 * Calls `place` now and whenever the highlight may have moved in the viewport while the card is
 * open: a scroll of the page or of any element (scroll events do not bubble, but the capture
 * phase sees them all), a resize of the window, or a reflow that changes the document's size.
 * The card itself follows its anchor natively; returns the function that stops following.
 */
function followHighlight(doc: Document, place: () => void): () => void {
  const view = doc.defaultView!;
  const controller = new AbortController();
  const opts = { capture: true, passive: true, signal: controller.signal };
  doc.addEventListener('scroll', place, opts);
  view.addEventListener('resize', place, opts);
  const resized = typeof view.ResizeObserver === 'function' ? new view.ResizeObserver(place) : null;
  resized?.observe(doc.documentElement);
  place();
  return () => {
    controller.abort();
    resized?.disconnect();
  };
}
