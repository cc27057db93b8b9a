/**
 * Highlight density: a news page may name one person eighty times, and eighty highlights read as
 * noise. By default only the first mention of each entity in each section (from one heading to
 * the next) is painted; the others stay known to the keyboard command and the popup.
 */
export type Density = 'first-per-section' | 'all';

/** Entity indexes stay below this (a catalog a hundred times today's is 5,000 entities). */
const ENTITY_KEYS = 2 ** 20;

/**
 * Whether each mention, fed in document order, is painted under `density`: a function rather
 * than a list, so the annotator decides as it places mentions without building one.
 */
export function densityFilter(density: Density): (entity: number, section: number) => boolean {
  if (density === 'all') return () => true;
  // One number per (section, entity): a string key per mention was most of the time spent here.
  const seen = new Set<number>();
  return (entity, section) => {
    const key = section * ENTITY_KEYS + entity;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}

/** Selector of the elements that start a section. */
export const SECTION_HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/**
 * Section index of `node` given the headings in document order: the number of headings that come
 * before it (a heading's own text is in its section). A binary search, so placing a mention costs
 * a few `compareDocumentPosition` calls whatever the number of headings.
 */
export function sectionOf(node: Node, headings: readonly Node[]): number {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (headingFollows(headings[mid]!, node)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether `heading` starts a section after `node`'s (one that contains the node counts as before). */
export function headingFollows(heading: Node, node: Node): boolean {
  return (node.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !heading.contains(node);
}

/** Whether two lists hold the same nodes in the same order. */
export function sameNodes(a: readonly Node[], b: readonly Node[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
