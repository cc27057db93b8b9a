import { browser, type PublicPath } from 'wxt/browser';
// Types only from the protocol: its Zod schemas stay out of the code every page loads.
import type { CardContent, FromFrame, ToFrame } from '@/lib/ui/card-frame-protocol';
import { FRAME_SECRET_PARAM } from '@/lib/ui/card-frame-secret';
import { liveRange } from '@/lib/highlight/hit-test';
import { paragraphAround } from '@/lib/highlight/paragraph';
import { publishedDate } from '@/lib/page/published-date';
import hostCss from './card-host.css?inline';
import { createShadowContainer, undoPageZoom, type ShadowContainer } from './shadow-container';

/** The card's page: an extension page, web-accessible only through a per-session URL in Chrome. */
export const CARD_FRAME_PAGE = '/card-frame.html';

/** What the card layer asks the view to show. */
export interface ShowCard {
  content: Omit<CardContent, 'key'>;
  /** The highlight the card belongs to. */
  range: AbstractRange;
  /** The card's accessible name (the frame element's title). */
  title: string;
  onNotThis: () => void;
  onNotThisOnSite: () => Promise<void>;
  onClose: () => void;
}

export interface CardUi {
  /** The host element once a card has been shown: events whose path includes it happened over the card. */
  readonly host: HTMLElement | null;
  /**
   * The page's publication date and a mention's paragraph: needed only once a card opens, so they
   * ship in this lazily loaded module rather than in the content script every page loads.
   */
  readPageDate(): string | null;
  paragraphOf(node: Node, offset: number): { block: Node; text: string };
  show(opts: ShowCard): void;
  /** Lays a card out in the frame out of sight (while the hover delay runs), when no card is shown. */
  prepare(opts: Pick<ShowCard, 'content' | 'range' | 'title'>): void;
  hide(): void;
  destroy(): void;
}

/** A frame's first height, before it has reported the card's own. */
const FIRST_HEIGHT_PX = 240;
/** How long a shown frame may wait for the card's height before it is shown anyway. */
const REVEAL_AT_MOST_MS = 250;

/**
 * The card's view in the page: a host element on `<html>` whose closed shadow root holds the
 * invisible anchor box kept over the highlight and the card's frame (`card-frame.html`), which
 * CSS anchor positioning tethers to it (card-host.css). The frame is made with the first card
 * and kept, hidden, between cards, so the next one needs no page load. It talks to the frame over
 * a MessagePort handed over once it has loaded, together with the secret of its URL (a page can
 * post to any frame; only our hello carries the secret).
 */
export function createCardUi(doc: Document, pointer: { enter: () => void; leave: () => void }): CardUi {
  let parts: { container: ShadowContainer; frame: HTMLIFrameElement; anchor: HTMLElement } | null = null;
  let port: MessagePort | null = null;
  /** The last message for the frame, sent once its port is there. */
  let pending: ToFrame | null = null;
  let current: ShowCard | null = null;
  let stopPositioning: (() => void) | null = null;
  let positionedFor: AbstractRange | null = null;
  // A new highlight gets a new card component: state such as "not this" belongs to one highlight.
  const keys = new WeakMap<AbstractRange, number>();
  let nextKey = 0;

  /**
   * A keyboard opening's focus request, kept until a `show` reaches the frame: before the frame has
   * loaded, the card updated with its related passages replaces the pending message.
   */
  let wantFocus = false;
  const deliver = (p: MessagePort, m: ToFrame) => {
    if (m.type === 'show' && wantFocus) {
      m = { ...m, content: { ...m.content, focus: true } };
      wantFocus = false;
    }
    p.postMessage(m);
  };
  const post = (m: ToFrame) => {
    if (port) deliver(port, m);
    else pending = m;
  };

  const receive = (m: FromFrame) => {
    if (!parts) return;
    if (m.type === 'size') {
      // The card's height plus the frame's border; the new card is shown at its own height.
      parts.frame.style.height = `${Math.max(1, m.height) + 2}px`;
      sizedKey = m.key;
      if (m.key === shownKey) reveal();
    }
    else if (m.type === 'pointer') (m.over ? pointer.enter : pointer.leave)();
    else if (m.type === 'close') current?.onClose();
    else if (m.type === 'notThis') current?.onNotThis();
    else if (m.type === 'notThisOnSite') {
      const id = m.id;
      void (current?.onNotThisOnSite() ?? Promise.reject(new Error('no card'))).then(
        () => post({ type: 'saved', id, ok: true }),
        () => post({ type: 'saved', id, ok: false }),
      );
    }
  };

  const make = () => {
    const secret = randomSecret();
    const src = `${browser.runtime.getURL(CARD_FRAME_PAGE as PublicPath)}#${FRAME_SECRET_PARAM}=${secret}`;
    const container = createShadowContainer({ tag: 'hled-card', css: hostCss, doc, closed: !import.meta.env.HLED_TEST_BUILD });
    const anchor = doc.createElement('span');
    anchor.className = 'anchor';
    anchor.setAttribute('aria-hidden', 'true');
    const frame = doc.createElement('iframe');
    frame.className = 'frame';
    frame.hidden = true;
    frame.style.height = `${FIRST_HEIGHT_PX}px`;
    // The card's "copy citation" writes to the clipboard from inside the frame.
    frame.allow = 'clipboard-write';
    let loaded = false;
    frame.addEventListener('load', () => {
      // A second load is a navigation we did not make (a page can navigate any frame it sees in
      // window.frames): that document gets nothing, and the next card makes a new frame.
      if (loaded) {
        destroy();
        return;
      }
      loaded = true;
      const channel = new MessageChannel();
      port = channel.port1;
      port.onmessage = (e) => receive(e.data as FromFrame);
      // To any origin: an extension origin does not serialize as a postMessage target ("null" in
      // URL terms). This is the first document the frame loaded, which is ours.
      frame.contentWindow?.postMessage({ type: 'hled-card-port', secret }, '*', [channel.port2]);
      // Focus given to the frame before its page loaded went to the empty document it starts with.
      if (wantFocus) frame.focus({ preventScroll: true });
      if (pending) deliver(port, pending);
      pending = null;
    });
    frame.addEventListener('pointerenter', pointer.enter);
    container.host.addEventListener('pointerleave', pointer.leave);
    frame.src = src;
    container.root.append(anchor, frame);
    return { container, frame, anchor };
  };

  const destroy = () => {
    stopFollowing();
    clearTimeout(revealTimer);
    current = null;
    port?.close();
    port = null;
    pending = null;
    wantFocus = false;
    parts?.container.destroy();
    parts = null;
  };

  /**
   * A frame coming out of hiding stays transparent until the frame reports the new card's height
   * (or briefly at most), so the reader never sees the last card's box, or an empty one.
   */
  let revealTimer = 0;
  /** The card (by key) the frame last reported the height of, and the one shown or prepared. */
  let sizedKey = -1;
  let shownKey = -1;
  const keyOf = (range: AbstractRange) => keys.get(range) ?? (keys.set(range, ++nextKey), nextKey);
  const reveal = () => {
    clearTimeout(revealTimer);
    parts?.frame.classList.remove('pending');
  };
  const wait = (frame: HTMLIFrameElement) => {
    frame.classList.add('pending');
    clearTimeout(revealTimer);
    revealTimer = doc.defaultView!.setTimeout(reveal, REVEAL_AT_MOST_MS);
  };

  const stopFollowing = () => {
    stopPositioning?.();
    stopPositioning = null;
    positionedFor = null;
  };

  return {
    get host() {
      return parts?.container.host ?? null;
    },
    readPageDate: () => publishedDate(doc),
    paragraphOf: (node, offset) => paragraphAround(node, offset),
    prepare(o) {
      parts ??= make();
      const { frame, anchor, container } = parts;
      if (!frame.hidden && !frame.classList.contains('prepared')) return;
      const key = keyOf(o.range);
      shownKey = key;
      post({ type: 'show', content: { ...o.content, key } });
      frame.title = o.title;
      frame.classList.add('prepared');
      frame.hidden = false;
      placeOver(anchor, container.host, liveRange(doc, o.range).getBoundingClientRect());
    },
    show(o) {
      parts ??= make();
      const { frame, anchor, container } = parts;
      current = o;
      const key = keyOf(o.range);
      if (frame.classList.contains('prepared')) {
        frame.classList.remove('prepared');
        // Laid out during the hover delay: shown now when it was this card and has its height.
        if (key !== shownKey || sizedKey !== key) wait(frame);
      } else if (frame.hidden) {
        wait(frame);
      }
      shownKey = key;
      frame.title = o.title;
      frame.hidden = false;
      if (o.content.focus) {
        wantFocus = true;
        // Focus goes to the frame first, then the frame puts it on the card. Not again when it is
        // there already: focusing a frame element sends the frame's focus back to its document,
        // which can reach the frame after the message that focuses the card.
        if (doc.activeElement !== container.host) frame.focus({ preventScroll: true });
      }
      post({ type: 'show', content: { ...o.content, key, focus: false } });
      // The same card updated (related passages arrived): the browser re-places it as it grows.
      if (positionedFor === o.range) return;
      stopFollowing();
      positionedFor = o.range;
      stopPositioning = followHighlight(doc, () => placeOver(anchor, container.host, liveRange(doc, o.range).getBoundingClientRect()));
    },
    hide() {
      stopFollowing();
      clearTimeout(revealTimer);
      current = null;
      shownKey = -1;
      sizedKey = -1;
      if (!parts || parts.frame.hidden) return;
      parts.frame.hidden = true;
      parts.frame.classList.remove('prepared', 'pending');
      post({ type: 'hide' });
    },
    destroy,
  };
}

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Puts the anchor box over `rect` (viewport coordinates). The host is fixed at 0,0 of its
 * containing block, which is the viewport unless the page transforms <html> (then <html>'s box,
 * which scrolls): measured from the host's own corner, the box is right either way. A page zoom
 * is undone first, so those coordinates are the host's own.
 */
function placeOver(anchor: HTMLElement, host: HTMLElement, rect: DOMRect): void {
  undoPageZoom(host);
  const origin = host.getBoundingClientRect();
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
