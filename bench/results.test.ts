import { describe, expect, it } from 'vitest';
import { formatTable, meets } from './results';
import { median, percentile } from './stats';

describe('meets', () => {
  it.each([
    [120, '< 300', true],
    [300, '< 300', false],
    [3, '<= 3', true],
    [3, '≤ 3', true],
    [1001, '> 1000', true],
    [10_000, '>= 10000', true],
    [5, '', null],
  ])('%d against "%s" is %s', (value, target, ok) => {
    expect(meets(value, target)).toBe(ok);
  });
});

describe('formatTable', () => {
  it('marks a missed target and keeps the note', () => {
    const out = formatTable({ 'search.restore_ms': { value: 420.4, unit: 'ms', target: '< 300', note: 'median of 5' } });
    expect(out).toMatch(/search\.restore_ms\s+420\.4 ms\s+< 300\s+MISS\n/);
    expect(out).toContain('- search.restore_ms: median of 5');
  });
});

describe('median and percentile', () => {
  it('use the nearest rank', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
  });
});
