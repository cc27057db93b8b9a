import type { Page } from 'playwright-core';

/** Relative luminance (WCAG, 0 black – 1 white) of the page's background and of its body text. */
export interface PageColours {
  background: number;
  text: number;
}

/** Reads the colours `selector` (default `body`) is drawn with: whether a page follows a dark scheme. */
export function pageColours(page: Page, selector = 'body'): Promise<PageColours> {
  return page.evaluate((sel) => {
    const luminance = (c: string) => {
      const [r = 0, g = 0, b = 0] = (c.match(/[\d.]+/g) ?? []).map(Number);
      const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const el = document.querySelector(sel)!;
    let bg = 'rgb(255, 255, 255)';
    for (let n: Element | null = el; n; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') {
        bg = c;
        break;
      }
    }
    return { background: luminance(bg), text: luminance(getComputedStyle(el).color) };
  }, selector);
}

/** A dark scheme: a dark background under light text. */
export const isDark = (c: PageColours) => c.background < 0.05 && c.text > 0.5;
