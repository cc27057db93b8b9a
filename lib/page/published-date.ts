/**
 * The publication date of the article a page shows, as `YYYY-MM-DD`, from the page's own
 * metadata: JSON-LD `datePublished`, then `article:published_time`, then a `<time datetime>` in
 * the article's header; `null` when none gives a real date. Runs in the content script: no
 * dependencies, a handful of native queries, and bounded work on hostile pages.
 */

/** JSON-LD blocks read at most: a page with hundreds of them is not worth the time. */
const MAX_JSON_LD_BLOCKS = 20;
const MAX_JSON_LD_CHARS = 200_000;
/** Schema.org types whose `datePublished` is the page's article (not a comment or an image). */
const ARTICLE_TYPE = /Article|Posting|Report|WebPage|BlogPosting|NewsArticle/i;

export function publishedDate(doc: Document): string | null {
  return fromJsonLd(doc) ?? fromMeta(doc) ?? fromTime(doc);
}

/** A calendar date from an ISO date or date-time; the date as written, not moved by time zones. */
export function isoDateOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  if (!m) return null;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  // Rejects 2022-02-30 and month 13, which Date would silently roll over.
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
  if (Number(y) < 1900 || Number(y) > 2100) return null;
  return `${y}-${mo}-${d}`;
}

function fromJsonLd(doc: Document): string | null {
  const blocks = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < blocks.length && i < MAX_JSON_LD_BLOCKS; i++) {
    const text = blocks[i]!.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue; // Malformed JSON-LD is common; the other sources may still tell.
    }
    const found = datePublishedIn(data, 0);
    if (found) return found;
  }
  return null;
}

/** The first `datePublished` of an article-like node, through arrays and `@graph`, depth-limited. */
function datePublishedIn(node: unknown, depth: number): string | null {
  if (depth > 4 || !node || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const item of node.slice(0, 50)) {
      const d = datePublishedIn(item, depth + 1);
      if (d) return d;
    }
    return null;
  }
  const obj = node as Record<string, unknown>;
  const type = obj['@type'];
  const types = Array.isArray(type) ? type : [type];
  const articleLike = type === undefined || types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
  if (articleLike) {
    const d = isoDateOf(obj.datePublished) ?? isoDateOf(obj.dateCreated);
    if (d) return d;
  }
  return datePublishedIn(obj['@graph'], depth + 1) ?? (articleLike ? datePublishedIn(obj.mainEntity, depth + 1) : null);
}

function fromMeta(doc: Document): string | null {
  for (const selector of ['meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]']) {
    const d = isoDateOf(doc.querySelector(selector)?.getAttribute('content'));
    if (d) return d;
  }
  return null;
}

/**
 * A `<time datetime>` in the article's header (or the article's first one): a time elsewhere on
 * the page belongs to a comment, a related link or a live ticker, not to the article.
 */
function fromTime(doc: Document): string | null {
  const el =
    doc.querySelector('article header time[datetime], header time[datetime][itemprop="datePublished"], time[datetime][itemprop="datePublished"], time[datetime][pubdate]') ??
    doc.querySelector('article time[datetime]');
  return isoDateOf(el?.getAttribute('datetime'));
}
