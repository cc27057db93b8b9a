import { describe, expect, it } from 'vitest';
import { offsetErrors, parseMarkup } from './markup';
import { pageCounts, ratios, scorePage, sumScores } from './score';

describe('parseMarkup', () => {
  it('turns inline marks into offsets into the plain text', () => {
    const { text, mentions } = parseMarkup('El canciller {Marcelo\nEbrard|marcelo-ebrard} habló del {DEAN|hled}.');
    expect(text).toBe('El canciller Marcelo\nEbrard habló del DEAN.');
    expect(mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Marcelo\nEbrard', 'DEAN']);
    expect(mentions.map((m) => m.entity)).toEqual(['marcelo-ebrard', 'hled']);
  });
  it('refuses an unbalanced mark', () => {
    expect(() => parseMarkup('the {HLED met')).toThrow(/unbalanced/);
  });
  it('reports offsets that no longer point at their text', () => {
    const truth = { page: 'p', lang: 'en' as const, negative: false, mentions: [{ start: 4, end: 8, text: 'HLED', entity: 'hled' }] };
    expect(offsetErrors('The HLED met', truth)).toEqual([]);
    expect(offsetErrors('A HLED met', truth)).toHaveLength(1);
  });
});

describe('scorePage', () => {
  const truth = [
    { start: 0, end: 4, entity: 'hled' },
    { start: 10, end: 17, entity: 'ken-salazar' },
  ];
  it('counts an exact span with the right entity as a true positive, anything else as errors', () => {
    const s = scorePage(truth, [
      { start: 0, end: 4, entity: 'hled', rule: 'acronym' },
      { start: 10, end: 17, entity: 'jayme-white', rule: 'name' },
      { start: 30, end: 34, entity: 'sep', rule: 'word-with-core' },
    ]);
    expect(s.tp).toBe(1);
    expect(s.fp.map((f) => f.entity)).toEqual(['jayme-white', 'sep']);
    expect(s.fn.map((f) => f.entity)).toEqual(['ken-salazar']);
    // Two found mentions overlap true ones; one of them names the wrong entity.
    expect([s.overlapping, s.rightEntity]).toEqual([2, 1]);
    const r = ratios(pageCounts(s));
    expect(r.precision).toBeCloseTo(1 / 3);
    expect(r.recall).toBeCloseTo(1 / 2);
    expect(r.f1).toBeCloseTo(0.4);
    expect(r.entityAccuracy).toBeCloseTo(0.5);
  });
  it('scores a hard negative with nothing found as perfect, and one highlight as precision 0', () => {
    expect(ratios(pageCounts(scorePage([], [])))).toEqual({ precision: 1, recall: 1, f1: 1, entityAccuracy: 1 });
    expect(ratios(pageCounts(scorePage([], [{ start: 0, end: 4, entity: 'hled', rule: 'acronym' }]))).precision).toBe(0);
  });
  it('sums pages before dividing (micro average)', () => {
    const a = scorePage(truth, [{ start: 0, end: 4, entity: 'hled', rule: 'acronym' }]);
    const b = scorePage([], [{ start: 0, end: 3, entity: 'sep', rule: 'word-with-core' }]);
    const r = ratios(sumScores([a, b]));
    expect(r.precision).toBeCloseTo(1 / 2);
    expect(r.recall).toBeCloseTo(1 / 2);
  });
});
