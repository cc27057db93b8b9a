import { blockAncestor } from './walk';

/** Enough text to say what a paragraph is about; the related-passages request caps it too. */
export const MAX_PARAGRAPH_CHARS = 3000;
/** Below this, a one-line block (a caption, a short paragraph) borrows its neighbours' text. */
const SHORT_PARAGRAPH_CHARS = 240;

/**
 * The text of the paragraph a mention sits in, as a reader would point to it: its block's text,
 * with the neighbouring blocks when that is a single short line, cut around the mention when the
 * block is a whole page (sites that put an article in one `<div>` with `<br>`s).
 */
export function paragraphAround(node: Node, offset = 0): { block: Node; text: string } {
  const block = blockAncestor(node);
  let text = clean(block.textContent ?? '');
  if (text.length < SHORT_PARAGRAPH_CHARS && block.nodeType === 1) {
    const el = block as Element;
    text = clean([el.previousElementSibling?.textContent ?? '', text, el.nextElementSibling?.textContent ?? ''].join(' '));
  }
  if (text.length > MAX_PARAGRAPH_CHARS) {
    // Find the mention's text in the block to centre the window on it.
    const own = clean(node.textContent ?? '').slice(Math.max(0, offset - 40), offset + 40);
    const at = Math.max(0, text.indexOf(own));
    const start = Math.max(0, Math.min(at - MAX_PARAGRAPH_CHARS / 2, text.length - MAX_PARAGRAPH_CHARS));
    text = text.slice(start, start + MAX_PARAGRAPH_CHARS);
  }
  return { block, text };
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
