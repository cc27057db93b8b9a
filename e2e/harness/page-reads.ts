import type { OptionsView } from './bundles';
import type { CardHostView, CardInFrameView } from './card';
import type { PaintedRange } from './highlights';

/**
 * Functions that run inside a page (each self-contained: they are sent to the browser as source),
 * shared by the Playwright helpers (`page.evaluate(fn, arg)`) and the browser-neutral scenarios
 * (`call(fn, arg)`), so both read the page the same way.
 */

/**
 * Every range of the highlight `highlightName`, connected ones in document order first (then the
 * disconnected ones, which have no document position), or null when no such highlight is
 * registered. Runs in the page's main world, which shares `CSS.highlights` with the content script.
 */
export function paintedRangesInPage(highlightName: string): PaintedRange[] | null {
  const highlight = CSS.highlights.get(highlightName);
  if (!highlight) return null;
  const pathOf = (node: Node): string[] => {
    const out: string[] = [];
    for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
      out.push(el.tagName.toLowerCase());
    }
    return out;
  };
  const all = [...highlight] as AbstractRange[];
  const connected = all.filter((r) => r.startContainer.isConnected && r.endContainer.isConnected);
  const disconnected = all.filter((r) => !connected.includes(r));
  const live = (r: AbstractRange): Range => {
    if (r instanceof Range) return r;
    const l = document.createRange();
    l.setStart(r.startContainer, r.startOffset);
    l.setEnd(r.endContainer, r.endOffset);
    return l;
  };
  // Ranges in different trees (the document, a shadow root) cannot be compared as ranges:
  // order them by the position of the node that sits in the document (the shadow host).
  const anchor = (n: Node): Node => {
    for (let root = n.getRootNode(); root instanceof ShadowRoot; root = n.getRootNode()) n = root.host;
    return n;
  };
  connected.sort((a, b) => {
    if (a.startContainer.getRootNode() === b.startContainer.getRootNode()) return live(a).compareBoundaryPoints(Range.START_TO_START, live(b));
    const pos = anchor(a.startContainer).compareDocumentPosition(anchor(b.startContainer));
    return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : pos & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
  });
  return [...connected, ...disconnected].map((r) => {
    const isConnected = connected.includes(r);
    let text: string;
    if (isConnected) {
      text = live(r).toString();
    } else if (r.startContainer === r.endContainer && r.startContainer.nodeType === 3) {
      text = (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
    } else {
      text = `${r.startContainer.textContent ?? ''}…`;
    }
    const startEl = r.startContainer.nodeType === 1 ? (r.startContainer as Element) : r.startContainer.parentElement;
    return {
      text,
      within: startEl?.closest('[id]')?.id ?? null,
      startPath: pathOf(r.startContainer),
      endPath: pathOf(r.endContainer),
      connected: isConnected,
      isStatic: !(r instanceof Range),
      rects: isConnected
        ? [...live(r).getClientRects()].map((b) => ({ x: b.x, y: b.y, width: b.width, height: b.height }))
        : [],
    };
  });
}

/**
 * Resolves once the open card's frame (in host `tag`) has stopped moving: its entry animation has finished
 * and its box has stayed the same for three animation frames (it is positioned asynchronously).
 */
export function cardSettledInPage({ tag, ms }: { tag: string; ms: number }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const deadline = performance.now() + ms;
    let last = '';
    let same = 0;
    const tick = () => {
      const card = document.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>('iframe.frame:not([hidden]):not(.prepared)');
      if (card) {
        const r = card.getBoundingClientRect();
        const key = [r.x, r.y, r.width, r.height].join();
        const animating = card.getAnimations({ subtree: true }).some((a) => a.playState === 'running');
        same = key === last && !animating ? same + 1 : 0;
        last = key;
        if (same >= 3) return resolve();
      }
      if (performance.now() > deadline) return reject(new Error('card did not settle'));
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Reads the card's frame element in the page (host `tag`): null when no card is open (no host, or
 * its frame hidden between cards, or laid out unseen during the hover delay). Test builds open the host's shadow root for this; production
 * closes it. The rest of the card is read inside the frame (`cardInFrame`).
 */
export function cardHostInPage(tag: string): CardHostView | null {
  const hosts = document.querySelectorAll(tag);
  const host = hosts[0] as HTMLElement | undefined;
  const frame = host?.shadowRoot?.querySelector<HTMLIFrameElement>('iframe.frame');
  if (!host || !frame || frame.hidden || frame.classList.contains('prepared')) return null;
  const r = frame.getBoundingClientRect();
  const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  return {
    hosts: hosts.length,
    hostParent: host.parentElement?.tagName.toLowerCase() ?? null,
    rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    onTop: hit === host,
    frameTitle: frame.title,
    hostDisplay: getComputedStyle(host).display,
  };
}

/** Reads the card inside its frame (`card-frame.html`), or null when the frame shows none. */
export function cardInFrame(): CardInFrameView | null {
  const root = document;
  const card = root.querySelector<HTMLElement>('.card');
  if (!card) return null;
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const labelledBy = card.getAttribute('aria-labelledby');
  const labelEl = labelledBy ? root.getElementById(labelledBy) : null;
  const alt = card.querySelector('header .alt');
  const sections = [...card.querySelectorAll('section')];
  const rolesSection = sections.find((s) => s.querySelector('.roles'));
  const mentionsSection = sections.find((s) => s.querySelector('.timeline, .summary'));
  const cs = getComputedStyle(card);
  const h2 = card.querySelector('h2');
  const search = card.querySelector<HTMLAnchorElement>('footer a.search');
  return {
    role: card.getAttribute('role'),
    lang: card.getAttribute('lang'),
    labelledByText: labelEl ? text(labelEl) : null,
    title: text(h2),
    altName: alt ? text(alt) : null,
    altLang: alt?.getAttribute('lang') ?? null,
    kind: text(card.querySelector('.kind')),
    description: text(card.querySelector('.desc')),
    rolesLabel: rolesSection?.getAttribute('aria-label') ?? null,
    roles: [...card.querySelectorAll('.roles li')].map((li) => ({
      title: text(li.querySelector('.role')),
      when: text(li.querySelector('.when')),
    })),
    mentionsLabel: mentionsSection?.getAttribute('aria-label') ?? null,
    summary: text(card.querySelector('.summary')),
    timeline: [...card.querySelectorAll('.timeline > li')].map((li) => {
      const time = li.querySelector('.source time');
      const titleLink = li.querySelector<HTMLAnchorElement>('.source a');
      const reader = li.querySelector<HTMLAnchorElement>('.links a.reader');
      return {
        datetime: time?.getAttribute('datetime') ?? null,
        dateText: text(time),
        title: text(titleLink),
        href: titleLink?.href ?? '',
        readerText: text(reader),
        readerHref: reader?.href ?? '',
      };
    }),
    more: card.querySelector('.more') ? text(card.querySelector('.more')) : null,
    search: search ? { text: text(search), href: search.href } : null,
    closeLabel: card.querySelector('button.close')?.getAttribute('aria-label') ?? null,
    style: {
      display: cs.display,
      visibility: cs.visibility,
      opacity: cs.opacity,
      color: cs.color,
      titleColor: h2 ? getComputedStyle(h2).color : '',
      textTransform: cs.textTransform,
      fontFamily: cs.fontFamily,
    },
  };
}

/**
 * The centre of the first element matching `selector` in the card's frame, scrolled into view
 * there first, in the frame's own coordinates (null when there is none).
 */
export async function centreInFrame(selector: string): Promise<{ x: number; y: number } | null> {
  const el = document.querySelector(selector);
  if (!el) return null;
  el.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
  const r = el.getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** What the options page shows, read from its DOM. */
export function optionsInPage(): OptionsView {
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const summaryEl = document.querySelector('.summary');
  const cell = (td: Element | null) => ({
    count: Number(text(td?.querySelector('strong'))),
    items: [...(td?.querySelectorAll('li') ?? [])].map((li) => text(li)),
  });
  const restore = [...document.querySelectorAll<HTMLButtonElement>('section[aria-labelledby="corpus-title"] button')][0];
  const labels: Record<string, string> = {};
  for (const l of document.querySelectorAll('label')) {
    const key = l.getAttribute('for') ?? l.querySelector('input')?.id ?? '';
    if (key) labels[key] = text(l);
  }
  return {
    lang: document.documentElement.getAttribute('lang'),
    title: document.title,
    h1: text(document.querySelector('h1')),
    headings: [...document.querySelectorAll('h2, h3, legend')].map((h) => text(h)),
    activeLine: document.querySelector('.active-corpus') ? text(document.querySelector('.active-corpus')) : null,
    restoreButton: restore ? { text: text(restore), disabled: restore.disabled } : null,
    history: [...document.querySelectorAll('.history li')].map((li) => text(li)),
    status: text(document.querySelector('.status')),
    ok: document.querySelector('.status .ok') ? text(document.querySelector('.status .ok')) : null,
    errorsTitle: document.querySelector('.errors p') ? text(document.querySelector('.errors p')) : null,
    errors: [...document.querySelectorAll('.errors li')].map((li) => text(li)),
    summary: summaryEl
      ? {
          title: text(summaryEl.querySelector('h3')),
          paragraphs: [...summaryEl.querySelectorAll(':scope > p:not(.buttons)')].map((p) => text(p)),
          rows: Object.fromEntries(
            [...summaryEl.querySelectorAll('tr')].map((tr) => [
              text(tr.querySelector('th')),
              {
                added: cell(tr.querySelector('td[data-kind="added"]')),
                removed: cell(tr.querySelector('td[data-kind="removed"]')),
                changed: cell(tr.querySelector('td[data-kind="changed"]')),
              },
            ]),
          ),
          buttons: [...summaryEl.querySelectorAll('button')].map((b) => text(b)),
        }
      : null,
    notice: text(document.querySelector('.notice')),
    labels,
  };
}
