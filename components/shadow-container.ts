/**
 * The one way to put extension UI into a web page: a host element with a closed-off shadow root,
 * so page CSS cannot reach the UI and the UI's CSS cannot reach the page.
 * - The host tag starts with `hled-`; the text walk never annotates inside it.
 * - Styles go in through `adoptedStyleSheets`: a `<style>` element would be blocked by a page's
 *   `style-src` Content-Security-Policy, constructed sheets are not (CSSOM is outside CSP).
 * - The host's own layout is set inline with `!important`, which beats any page rule, even
 *   `* { display: none !important }` or `:not(:defined)` selectors.
 */
export interface ShadowContainer {
  host: HTMLElement;
  root: ShadowRoot;
  destroy(): void;
}

/** `closed`: the page cannot reach into the root at all (`element.shadowRoot` is null). */
export function createShadowContainer(opts: { tag: `hled-${string}`; css: string; doc?: Document; closed?: boolean }): ShadowContainer {
  const doc = opts.doc ?? document;
  const host = doc.createElement(opts.tag);
  for (const [prop, value] of [
    ['all', 'initial'],
    ['display', 'block'],
    ['position', 'fixed'],
    ['top', '0'],
    ['left', '0'],
    ['width', '0'],
    ['height', '0'],
    ['overflow', 'visible'],
    ['z-index', '2147483647'],
    ['visibility', 'visible'],
    ['opacity', '1'],
    ['transform', 'none'],
    ['contain', 'none'],
  ] as const) {
    host.style.setProperty(prop, value, 'important');
  }
  const root = host.attachShadow({ mode: opts.closed ? 'closed' : 'open' });
  adoptStyles(root, opts.css, doc);
  // On <html>, after <body>: out of the page's own layout containers and their transforms.
  doc.documentElement.append(host);
  return {
    host,
    root,
    destroy: () => host.remove(),
  };
}

function adoptStyles(root: ShadowRoot, css: string, doc: Document): void {
  try {
    // The page's own constructor: in Firefox a sheet made in the content script's compartment
    // cannot be adopted by a page-owned shadow root.
    const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

/**
 * Undoes a zoom the page sets on <html> (CSS `zoom` multiplies down the tree, so the host's own
 * `zoom: initial` is not enough): the UI keeps its size, and coordinates measured in the page
 * place it where they say. Read again each time, as a page can change its zoom at any moment.
 */
export function undoPageZoom(host: HTMLElement): void {
  const inherited = (host.parentElement as (HTMLElement & { currentCSSZoom?: number }) | null)?.currentCSSZoom;
  const zoom = typeof inherited === 'number' && inherited > 0 && inherited !== 1 ? String(1 / inherited) : 'initial';
  if (host.style.getPropertyValue('zoom') !== zoom) host.style.setProperty('zoom', zoom, 'important');
}
