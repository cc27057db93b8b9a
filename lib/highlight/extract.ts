import { BLOCK_BREAK, createTextWalk } from './walk';

/**
 * The text of a page exactly as the content script reads it (same walk, same skips, same block
 * breaks), as one string: what `scan` reports offsets into.
 */
export function extractText(root: Node): string {
  const walk = createTextWalk(root);
  const parts: string[] = [];
  for (let b = walk.next(); b; b = walk.next()) if (b.text) parts.push(b.text);
  return parts.join(BLOCK_BREAK);
}
