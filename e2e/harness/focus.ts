import type { Frame, Page } from 'playwright-core';

/** The focused element as a keyboard user would see it, read in the page. */
export interface FocusedView {
  /** Position among all elements of its tree (the document or a shadow root) and a readable name: `17 button.close "Close"`. */
  id: string;
  /** Whether the browser shows it as keyboard-focused (`:focus-visible`). */
  focusVisible: boolean;
  outline: string;
  boxShadow: string;
  /** Contrast of the outline's colour against the background it is drawn on (WCAG ratio, 1–21). */
  outlineContrast: number;
}

/** A focus indicator a reader can see: an outline of at least 2 px at 3:1 against its background (WCAG 1.4.11), or a box shadow. */
export function indicatorVisible(f: FocusedView): boolean {
  const [style, width] = f.outline.split(' ');
  return f.focusVisible && ((style !== 'none' && parseFloat(width!) >= 2 && f.outlineContrast >= 3) || f.boxShadow !== 'none');
}

/**
 * Reads the focused element of the document, or of the open shadow root of `host` (a selector).
 * Null when nothing there has focus. Self-contained: sent to the page as source.
 */
export function focusedInPage(host: string | null): FocusedView | null {
  const root: Document | ShadowRoot | null | undefined = host ? document.querySelector(host)?.shadowRoot : document;
  const el = root?.activeElement as HTMLElement | null | undefined;
  if (!root || !el || el === document.body) return null;
  const rgba = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
    const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  // The outline is drawn around the element: against the first opaque background behind it.
  let background = [255, 255, 255];
  for (let n: Element | null = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null)) {
    const c = rgba(getComputedStyle(n).backgroundColor);
    if (c.length >= 3 && (c[3] ?? 1) === 1) {
      background = c.slice(0, 3);
      break;
    }
  }
  const cs = getComputedStyle(el);
  const [l1, l2] = [luminance(rgba(cs.outlineColor)), luminance(background)].sort((a, b) => b - a);
  const name = (el.getAttribute('aria-label') || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || (el as HTMLInputElement).value || '').replace(/\s+/g, ' ').trim().slice(0, 40);
  const all = [...root.querySelectorAll('*')];
  return {
    id: `${all.indexOf(el)} ${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${name}"`,
    focusVisible: el.matches(':focus-visible'),
    outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
    boxShadow: cs.boxShadow,
    outlineContrast: Math.round(((l1! + 0.05) / (l2! + 0.05)) * 100) / 100,
  };
}

/**
 * What Tab should reach in the document or `host`'s shadow root, in order, named as
 * `focusedInPage` names them: links, enabled controls, summaries, positive tabindex; of a radio
 * group only its checked radio (arrow keys move inside a group). Hidden elements are left out.
 */
export function tabStopsInPage(host: string | null): string[] {
  const root: Document | ShadowRoot | null | undefined = host ? document.querySelector(host)?.shadowRoot : document;
  if (!root) return [];
  const all = [...root.querySelectorAll('*')];
  const stops = [...root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter((el) => {
    if ((el as HTMLButtonElement).disabled || el.tabIndex < 0 || !el.getClientRects().length) return false;
    if (getComputedStyle(el).visibility === 'hidden') return false;
    const radio = el as HTMLInputElement;
    if (radio.type === 'radio') {
      const group = [...root.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${radio.name}"]`)];
      return radio === (group.find((r) => r.checked) ?? group[0]);
    }
    return true;
  });
  return stops.map((el) => {
    const name = (el.getAttribute('aria-label') || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || (el as HTMLInputElement).value || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `${all.indexOf(el)} ${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${name}"`;
  });
}

/** The focused element of the document or of `host`'s shadow root. */
export function readFocused(page: Page | Frame, host: string | null = null): Promise<FocusedView | null> {
  return page.evaluate(focusedInPage, host);
}

/**
 * Presses Tab `count` times and reads the focused element after each press (in `readIn`: the
 * page, or the card's frame): the path of a keyboard user through the page.
 */
export async function tabThrough(page: Page, count: number, host: string | null = null, readIn: Page | Frame = page): Promise<(FocusedView | null)[]> {
  const seen: (FocusedView | null)[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    seen.push(await readFocused(readIn, host));
  }
  return seen;
}
