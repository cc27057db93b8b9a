import { withTextFragment } from './text-fragment';

/** What a citation names: the document and the sentence quoted from it. */
export interface CitationSource {
  title: string;
  publisher: string | null;
  /** `YYYY-MM-DD`. */
  date: string;
  url: string | null;
  quote: string;
}

export type CitationFormat = 'text' | 'markdown';

/**
 * A citation a reader can paste: the quoted sentence, then title, publisher, date and the
 * original URL (with a text fragment, so the link lands on the sentence) when known.
 */
export function formatCitation(c: CitationSource, format: CitationFormat): string {
  const link = c.url ? withTextFragment(c.url, c.quote) : null;
  const by = [c.publisher, c.date].filter(Boolean).join(', ');
  if (format === 'text') return `“${c.quote}”\n— ${c.title}${by ? ` (${by})` : ''}${link ? `\n${link}` : ''}`;
  const title = link ? `[${escapeMarkdown(c.title)}](${markdownUrl(link)})` : `*${escapeMarkdown(c.title)}*`;
  const quote = c.quote
    .split('\n')
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n');
  return `${quote}\n\n— ${title}${by ? `, ${escapeMarkdown(by)}` : ''}`;
}

/** Markdown syntax characters in text are escaped so the quote reads as written. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** Parentheses and spaces would end a Markdown link target early. */
function markdownUrl(url: string): string {
  return url.replace(/[()\s]/g, (c) => encodeURIComponent(c));
}
