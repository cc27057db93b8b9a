/**
 * Highlight density: a news page may name one person eighty times, and eighty highlights read as
 * noise. By default only the first mention of each entity in each section (from one heading to
 * the next) is painted; the others stay known to the keyboard command and the popup.
 */
export type Density = 'first-per-section' | 'all';

export interface Placed {
  entity: number;
  /** Index of the section the mention is in (0 before the first heading). */
  section: number;
}

/** For each mention (in document order), whether it is painted under `density`. */
export function paintedUnder(density: Density, mentions: readonly Placed[]): boolean[] {
  if (density === 'all') return mentions.map(() => true);
  const seen = new Set<string>();
  return mentions.map((m) => {
    const key = `${m.section}:${m.entity}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Selector of the elements that start a section. */
export const SECTION_HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/**
 * Section index of each node (in document order), given the headings in document order: the
 * number of headings that come before it. One merge pass with `compareDocumentPosition`.
 */
export function sectionsOf(nodes: readonly Node[], headings: ArrayLike<Node>): number[] {
  const out: number[] = new Array(nodes.length);
  let h = 0;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    // FOLLOWING (4): the heading comes after the node; CONTAINS/CONTAINED_BY count as before.
    while (h < headings.length && !(n.compareDocumentPosition(headings[h]!) & Node.DOCUMENT_POSITION_FOLLOWING && !(headings[h]!.contains(n)))) h++;
    out[i] = h;
  }
  return out;
}
