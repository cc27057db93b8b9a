import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';

const root = path.resolve(__dirname, '..');

describe('the annotated page set', () => {
  const result = evaluate(root);
  it('has at least 24 pages half English half Spanish, and at least 8 hard negatives', () => {
    const positives = result.pages.filter((p) => !p.truth.negative);
    expect(positives.length).toBeGreaterThanOrEqual(24);
    expect(positives.filter((p) => p.truth.lang === 'es').length).toBe(positives.length / 2);
    expect(result.pages.filter((p) => p.truth.negative).length).toBeGreaterThanOrEqual(8);
  });
  it('meets the detection goals: precision >= 0.98, recall >= 0.95, no highlight on a hard negative', () => {
    const errors = result.pages.flatMap((p) => [
      ...p.score.fp.map((f) => `FP ${p.truth.page}: ${p.text.slice(f.start, f.end)} -> ${f.entity} (${f.rule})`),
      ...p.score.fn.map((f) => `FN ${p.truth.page}: ${p.text.slice(f.start, f.end)} (${f.entity})`),
    ]);
    expect({ ...result.overall, negativeHighlights: result.negativeHighlights, errors }).toMatchObject({ negativeHighlights: 0 });
    expect(result.overall.precision, errors.join('\n')).toBeGreaterThanOrEqual(0.98);
    expect(result.overall.recall, errors.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
