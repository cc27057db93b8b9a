/**
 * Hit-testing for highlights painted with the CSS Custom Highlight API: there is no element to
 * receive pointer events, so the pointer position is turned into a caret position in the text
 * and then checked against the mention's own boxes (a caret is also reported beside the end of a
 * line, where no highlight is under the pointer).
 */

export interface Caret {
  node: Node;
  offset: number;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/**
 * The text position under a viewport point: the standard API, or WebKit's older one. Text inside
 * a shadow root is reported only for the `shadowRoots` passed in (others give a position beside
 * their host), where the browser supports the option.
 */
export function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): Caret | null {
  const d = doc as CaretDoc;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = shadowRoots.length ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** A live Range over a static one, for geometry. */
export function liveRange(doc: Document, r: AbstractRange): Range {
  const live = doc.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live;
}

/** True when the point is inside one of the range's line boxes (with a little slack). */
export function rangeContainsPoint(doc: Document, r: AbstractRange, x: number, y: number, slack = 1): boolean {
  for (const box of liveRange(doc, r).getClientRects()) {
    if (x >= box.left - slack && x <= box.right + slack && y >= box.top - slack && y <= box.bottom + slack) return true;
  }
  return false;
}
