import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
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
 * The card's view, loaded by the content script as a separate module only on pages that have
 * highlights (Preact and floating-ui are most of its weight; most pages never need them).
 * Built by `wxt.config.ts` into `content-scripts/card-ui.js`.
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
        />,
      );
      const floating = container.root.querySelector<HTMLElement>('.card')!;
      // The same card updated (related passages arrived): autoUpdate already follows its size.
      if (positionedFor === o.range) return;
      positionedFor = o.range;
      const reference = {
        getBoundingClientRect: () => live(o.range).getBoundingClientRect(),
        getClientRects: () => live(o.range).getClientRects(),
        contextElement: o.range.startContainer.parentElement ?? undefined,
      };
      stopPositioning?.();
      // autoUpdate re-positions on scroll, resize and layout shifts: the card stays next to its
      // highlight, flipped and shifted to remain in the viewport.
      stopPositioning = autoUpdate(reference, floating, () => {
        void computePosition(reference, floating, {
          strategy: 'fixed',
          placement: 'bottom-start',
          // size() shrinks the card to the room on the chosen side (it scrolls inside), so it is
          // never cut off by a short window or a highlight near an edge.
          middleware: [
            offset(6),
            inline(),
            flip({ padding: 8, fallbackStrategy: 'bestFit' }),
            shift({ padding: 8 }),
            size({
              padding: 8,
              apply({ availableHeight, availableWidth, elements }) {
                elements.floating.style.maxHeight = `${Math.max(120, Math.min(480, availableHeight))}px`;
                elements.floating.style.maxWidth = `${Math.max(200, Math.min(380, availableWidth))}px`;
              },
            }),
          ],
        }).then(({ x, y }) => {
          floating.style.left = `${x}px`;
          floating.style.top = `${y}px`;
        });
      });
      if (o.focus) floating.focus({ preventScroll: true });
    },
    hide: close,
    destroy: close,
  };
}
