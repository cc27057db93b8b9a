/** A window of a passage, with ranges (relative to `text`) to mark. */
export interface Snippet {
  text: string;
  marks: [number, number][];
  /** Offset of `text` in the passage; lets a reader page mark the same words in the full text. */
  offset: number;
}

/**
 * Cuts `text` to about `width` characters around `[from, to)`, at word boundaries, with an
 * ellipsis where it was cut, and moves `marks` into the window.
 */
export function cutSnippet(text: string, from: number, to: number, marks: [number, number][], width = 220): Snippet {
  if (text.length <= width) return { text, marks, offset: 0 };
  const room = Math.max(0, width - (to - from));
  let start = Math.max(0, from - Math.floor(room / 3));
  let end = Math.min(text.length, Math.max(to, start + width));
  start = Math.max(0, Math.min(start, end - width));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < from) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > to) end = space;
  }
  const lead = start > 0 ? '… ' : '';
  const tail = end < text.length ? ' …' : '';
  const shift = lead.length - start;
  return {
    text: lead + text.slice(start, end) + tail,
    marks: marks.filter(([a, b]) => a >= start && b <= end).map(([a, b]) => [a + shift, b + shift]),
    offset: start - lead.length,
  };
}
