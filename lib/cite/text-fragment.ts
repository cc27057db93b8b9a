/**
 * A link that opens the original article scrolled to the quoted sentence, with a text fragment
 * (`#:~:text=`, https://wicg.github.io/scroll-to-text-fragment/). Browsers without support ignore
 * the fragment and open the page at its top.
 */

/** Words at each end of a long quote: a `start,end` range survives small edits in between. */
const RANGE_WORDS = 5;
const LONG_QUOTE_WORDS = 12;

/** Percent-encodes a text directive term: `-`, `,` and `&` are syntax in a text directive. */
export function encodeFragmentText(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** The `text=` directive for a quote: the whole quote, or its first and last words when long. */
export function textDirective(quote: string): string | null {
  // Ellipses mark our own cuts; the article's text does not have them.
  const words = quote.replace(/…/g, ' ').split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  if (words.length <= LONG_QUOTE_WORDS) return `text=${encodeFragmentText(words.join(' '))}`;
  const start = words.slice(0, RANGE_WORDS).join(' ');
  const end = words.slice(-RANGE_WORDS).join(' ');
  return `text=${encodeFragmentText(start)},${encodeFragmentText(end)}`;
}

/** `url` with a text fragment for `quote`, keeping any fragment the URL already has. */
export function withTextFragment(url: string, quote: string): string {
  const directive = textDirective(quote);
  if (!directive) return url;
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const existing = hash < 0 ? '' : url.slice(hash + 1).split(':~:')[0]!;
  return `${base}#${existing}:~:${directive}`;
}
