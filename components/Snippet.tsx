import type { Snippet as SnippetData } from '@/lib/messages';

/** Passage text with its marked ranges as `<mark>`: text nodes only, never markup from data. */
export function Snippet({ snippet }: { snippet: SnippetData }) {
  const parts = [];
  let at = 0;
  snippet.marks.forEach(([a, b], i) => {
    if (a < at) return;
    if (a > at) parts.push(snippet.text.slice(at, a));
    parts.push(<mark key={i}>{snippet.text.slice(a, b)}</mark>);
    at = b;
  });
  if (at < snippet.text.length) parts.push(snippet.text.slice(at));
  return <>{parts}</>;
}
