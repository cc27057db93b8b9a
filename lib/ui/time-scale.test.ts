import { describe, expect, it } from 'vitest';
import { timeScale } from './time-scale';

describe('timeScale', () => {
  it('spans whole years from the first date to the year after the last', () => {
    const s = timeScale(['2023-09-29', '2022-09-12', '2025-10-22'], 400)!;
    expect(s.years.map((y) => y.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(s.x('2022-01-01')).toBe(0);
    expect(s.x('2026-01-01')).toBe(400);
    // Mid-2024 sits just past the middle of four years (2024 is a leap year).
    expect(s.x('2024-01-01')).toBeCloseTo(200, 0);
    expect(s.years.filter((y) => y.label).map((y) => y.year)).toEqual([2022, 2023, 2024, 2025]);
  });

  it('places partial dates at their first day and clamps dates outside the span', () => {
    const s = timeScale(['2022-09-12'], 100)!;
    expect(s.x('2022')).toBe(0);
    expect(s.x('2022-07')).toBeCloseTo((181 / 365) * 100, 1);
    expect(s.x('2030-01-01')).toBe(100);
  });

  it('labels fewer years on a long span, and gives nothing for no dates', () => {
    const s = timeScale(['2006-12', '2025-10-22'], 300, 6)!;
    expect(s.years.filter((y) => y.label).length).toBeLessThanOrEqual(6);
    expect(timeScale([], 100)).toBeNull();
  });
});
