/**
 * Scoring detection against ground truth. A found mention is a true positive when its span and
 * entity equal a true mention's; entity accuracy asks, of the found mentions whose span overlaps a
 * true one, how many name the right entity (a right place with the wrong card is its own error).
 */
export interface Span {
  start: number;
  end: number;
  entity: string;
}

export interface FoundSpan extends Span {
  rule: string;
}

export interface PageScore {
  tp: number;
  fp: FoundSpan[];
  fn: Span[];
  /** Found mentions overlapping a true mention, and how many of those have the right entity. */
  overlapping: number;
  rightEntity: number;
}

export interface Ratios {
  precision: number;
  recall: number;
  f1: number;
  entityAccuracy: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export function scorePage(truth: readonly Span[], found: readonly FoundSpan[]): PageScore {
  const key = (s: Span) => `${s.start}:${s.end}:${s.entity}`;
  const truthKeys = new Set(truth.map(key));
  const foundKeys = new Set(found.map(key));
  let overlapping = 0;
  let rightEntity = 0;
  for (const f of found) {
    const hit = truth.filter((t) => overlaps(t, f));
    if (!hit.length) continue;
    overlapping++;
    if (hit.some((t) => t.entity === f.entity)) rightEntity++;
  }
  return {
    tp: found.filter((f) => truthKeys.has(key(f))).length,
    fp: found.filter((f) => !truthKeys.has(key(f))),
    fn: truth.filter((t) => !foundKeys.has(key(t))),
    overlapping,
    rightEntity,
  };
}

/** Ratios of one page or of summed pages; an empty denominator counts as perfect (nothing to get wrong). */
export function ratios(s: Pick<PageScore, 'tp' | 'overlapping' | 'rightEntity'> & { fpCount: number; fnCount: number }): Ratios {
  const precision = s.tp + s.fpCount === 0 ? 1 : s.tp / (s.tp + s.fpCount);
  const recall = s.tp + s.fnCount === 0 ? 1 : s.tp / (s.tp + s.fnCount);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const entityAccuracy = s.overlapping === 0 ? 1 : s.rightEntity / s.overlapping;
  return { precision, recall, f1, entityAccuracy };
}

export function sumScores(pages: readonly PageScore[]) {
  const total = { tp: 0, fpCount: 0, fnCount: 0, overlapping: 0, rightEntity: 0 };
  for (const p of pages) {
    total.tp += p.tp;
    total.fpCount += p.fp.length;
    total.fnCount += p.fn.length;
    total.overlapping += p.overlapping;
    total.rightEntity += p.rightEntity;
  }
  return total;
}

export const pageCounts = (p: PageScore) => ({ tp: p.tp, fpCount: p.fp.length, fnCount: p.fn.length, overlapping: p.overlapping, rightEntity: p.rightEntity });
