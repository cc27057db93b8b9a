import { describe, expect, it } from 'vitest';
import { firstDay, lastDay, latestRole, rolesAt, spanStatus } from './as-of';
import type { Role } from './fields';

const role = (title: string, from: string, to: string | null): Role => ({ title_en: title, title_es: title, from, to, source: 'test' });
// Marcelo Ebrard's roles as the catalog gives them (partial dates included).
const ebrard = [
  role('Head of Government', '2006-12', '2012-12'),
  role('Secretary of Foreign Relations', '2018-12-01', '2023-06'),
  role('Co-chair 2022', '2022-09-12', '2022-09-12'),
  role('Secretary of Economy', '2024-10-01', null),
];
const titles = (rs: Role[]) => rs.map((r) => r.title_en);

describe('partial dates', () => {
  it('start on their first day and end on their last', () => {
    expect(firstDay('2023-06')).toBe('2023-06-01');
    expect(firstDay('2018')).toBe('2018-01-01');
    expect(lastDay('2023-06')).toBe('2023-06-30');
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2018')).toBe('2018-12-31');
    expect(lastDay('2022-09-12')).toBe('2022-09-12');
  });
});

describe('rolesAt', () => {
  it('finds nothing before the first role, and the role held inside each span', () => {
    expect(rolesAt(ebrard, '2006-11-30')).toEqual([]);
    expect(titles(rolesAt(ebrard, '2006-12-01'))).toEqual(['Head of Government']);
    expect(titles(rolesAt(ebrard, '2012-12-31'))).toEqual(['Head of Government']);
    expect(rolesAt(ebrard, '2013-01-01')).toEqual([]);
    expect(titles(rolesAt(ebrard, '2020-01-15'))).toEqual(['Secretary of Foreign Relations']);
  });

  it('keeps a role ending in a partial month until that month ends', () => {
    expect(titles(rolesAt(ebrard, '2023-06-30'))).toEqual(['Secretary of Foreign Relations']);
    expect(rolesAt(ebrard, '2023-07-01')).toEqual([]);
  });

  it('lists overlapping roles longest-standing first', () => {
    expect(titles(rolesAt(ebrard, '2022-09-12'))).toEqual(['Secretary of Foreign Relations', 'Co-chair 2022']);
    expect(titles(rolesAt(ebrard, '2022-09-13'))).toEqual(['Secretary of Foreign Relations']);
  });

  it('keeps an open role from its start on', () => {
    expect(rolesAt(ebrard, '2024-09-30')).toEqual([]);
    expect(titles(rolesAt(ebrard, '2026-11-23'))).toEqual(['Secretary of Economy']);
  });
});

describe('latestRole and spanStatus', () => {
  it('prefers the open role, then the one that ended last', () => {
    expect(latestRole(ebrard)?.title_en).toBe('Secretary of Economy');
    expect(latestRole([role('A', '2015', '2021-03-02'), role('B', '2021-03-03', '2025-01-20')])?.title_en).toBe('B');
    expect(latestRole([])).toBeNull();
    // Gina Raimondo: a one-day co-chair role in 2023 does not outrank the office she held until 2025.
    expect(latestRole([role('Secretary of Commerce', '2021-03-03', '2025-01-20'), role('Co-chair 2023', '2023-09-29', '2023-09-29')])?.title_en).toBe('Secretary of Commerce');
  });

  it('places a day before, during or after a program period', () => {
    const launched = { from: '2021-12' };
    expect(spanStatus(launched, '2021-11-30')).toBe('before');
    expect(spanStatus(launched, '2021-12-01')).toBe('during');
    expect(spanStatus({ from: '2021-12', to: '2024' }, '2025-01-01')).toBe('after');
  });
});
