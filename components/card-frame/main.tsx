import { render } from 'preact';
import { browser, type PublicPath } from 'wxt/browser';
import { createClient } from '@/lib/client';
import type { Request } from '@/lib/messages';
import type { CardContent, FromFrame } from '@/lib/ui/card-frame-protocol';
import { FRAME_SECRET_PARAM } from '@/lib/ui/card-frame-secret';
import { acceptHello, readToFrame } from '@/lib/ui/card-frame-accept';
import { Card } from '../Card';
import { copyText } from '../copy-text';
import cardCss from '../card.css?inline';

/**
 * The card's frame: an extension page the content script puts into the web page next to a
 * highlight (`components/card-frame-host.ts`). The card's view (Preact, its styles and strings)
 * lives here rather than in the content script, so a page loads none of it, the page's scripts and
 * styles cannot reach it, and the card's links open extension pages themselves.
 */
const ask = createClient((m: Request) => browser.runtime.sendMessage(m));
const secret = new URLSearchParams(location.hash.slice(1)).get(FRAME_SECRET_PARAM) ?? '';
const reader = (hash: string) => `${browser.runtime.getURL('/reader.html' as PublicPath)}#${hash}`;

const sheet = new CSSStyleSheet();
sheet.replaceSync(cardCss);
document.adoptedStyleSheets = [sheet];

let port: MessagePort | null = null;
let nextRequest = 0;
const saving = new Map<number, (ok: boolean) => void>();
const send = (m: FromFrame) => port?.postMessage(m);

// The first hello carrying this frame's secret wins; anything else posted to the window (the
// page can post to any frame) is ignored.
addEventListener('message', (e) => {
  if (port) return;
  const accepted = acceptHello(e.data, e.ports, secret);
  if (!accepted) return;
  port = accepted;
  port.onmessage = (m) => receive(m.data);
});

addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  e.preventDefault();
  send({ type: 'close' });
});

let pointerOver = false;
const pointerAt = (over: boolean) => {
  if (over === pointerOver) return;
  pointerOver = over;
  send({ type: 'pointer', over });
};
addEventListener('pointerover', () => pointerAt(true), { passive: true });
// No related target: the pointer left the document (to the page, or out of the window).
addEventListener('pointerout', (e) => e.relatedTarget || pointerAt(false), { passive: true });

// The frame is as tall as the card: its height goes to the content script at every change, and
// for every new card (the page waits for it before showing the frame).
let reported = -1;
let reportedKey = -1;
/** The key of the card on show. */
let shownKey = -1;
function reportSize(): void {
  const card = document.querySelector('.card');
  // Nothing while empty between cards: the next card's height is the one the page waits for.
  if (!card) return;
  const height = Math.ceil(card.getBoundingClientRect().height);
  if (height === reported && shownKey === reportedKey) return;
  reported = height;
  reportedKey = shownKey;
  send({ type: 'size', height, key: shownKey });
}
new ResizeObserver(reportSize).observe(document.body);

function receive(data: unknown): void {
  const msg = readToFrame(data);
  if (!msg) return;
  if (msg.type === 'hide') {
    render(null, document.body);
    reported = -1;
  } else if (msg.type === 'saved') {
    saving.get(msg.id)?.(msg.ok);
    saving.delete(msg.id);
  } else show(msg.content);
}

function show(c: CardContent): void {
  document.documentElement.lang = c.lang;
  shownKey = c.key;
  render(
    <Card
      key={c.key}
      card={c.card}
      lang={c.lang}
      readerUrl={(doc, passage) => reader(`doc=${encodeURIComponent(doc)}&p=${encodeURIComponent(passage)}`)}
      searchUrl={(q) => reader(`q=${encodeURIComponent(q)}`)}
      entityUrl={(entity) => reader(`entity=${encodeURIComponent(entity)}`)}
      onNavigate={(url) => void ask({ type: 'openPage', url }).catch(() => {})}
      onClose={() => send({ type: 'close' })}
      pageDate={c.pageDate}
      related={c.related}
      provenance={c.provenance}
      onCopy={(text) => copyText(text, document)}
      why={c.why}
      site={c.site}
      onNotThis={() => send({ type: 'notThis' })}
      onNotThisOnSite={() =>
        new Promise<void>((resolve, reject) => {
          const id = ++nextRequest;
          saving.set(id, (ok) => (ok ? resolve() : reject(new Error('not saved'))));
          send({ type: 'notThisOnSite', id });
        })
      }
    />,
    document.body,
  );
  reportSize();
  if (c.focus) {
    // The content script focused the frame element; the frame's own window takes it from there.
    window.focus();
    // Not scrollIntoView: it would scroll the web page around the frame too.
    document.scrollingElement?.scrollTo(0, 0);
    (document.querySelector('.card') as HTMLElement | null)?.focus({ preventScroll: true });
  }
}
