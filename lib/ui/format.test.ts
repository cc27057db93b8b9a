import { describe, expect, it } from 'vitest';
import { formatDate, formatRange, mentionSummary, rolesNewestFirst } from './format';

describe('formatDate', () => {
  it.each([
    ['2022-09-12', 'en', 'Sep 12, 2022'],
    ['2022-09-12', 'es', '12 sept 2022'],
    ['2023-06', 'en', 'Jun 2023'],
    ['2023-06', 'es', 'jun 2023'],
    ['2018', 'en', '2018'],
    ['2024-01-01', 'en', 'Jan 1, 2024'],
  ] as const)('%s in %s is "%s"', (date, lang, want) => expect(formatDate(date, lang)).toBe(want));
});

describe('formatRange', () => {
  it('gives both ends, an open end, or one date', () => {
    expect(formatRange('2018-12-01', '2023-06', 'en')).toBe('Dec 1, 2018 – Jun 2023');
    expect(formatRange('2024-10-01', null, 'en')).toBe('since Oct 1, 2024');
    expect(formatRange('2024-10-01', null, 'es')).toBe('desde 1 oct 2024');
    expect(formatRange('2022-09-12', '2022-09-12', 'en')).toBe('Sep 12, 2022');
  });
});

describe('mentionSummary', () => {
  it('counts documents and spans their dates in both languages', () => {
    expect(mentionSummary(3, '2022-09-12', '2025-10-22', 'en')).toBe('Mentioned in 3 documents, Sep 12, 2022 – Oct 22, 2025');
    expect(mentionSummary(3, '2022-09-12', '2025-10-22', 'es')).toBe('Mencionado en 3 documentos, 12 sept 2022 – 22 oct 2025');
    expect(mentionSummary(1, '2022-09-12', '2022-09-12', 'en')).toBe('Mentioned in 1 document, Sep 12, 2022');
    expect(mentionSummary(0, null, null, 'es')).toBe('Aún no aparece en el corpus');
  });
});

describe('rolesNewestFirst', () => {
  it('puts the current role first, then later starts', () => {
    const roles = [
      { title_en: 'A', title_es: 'A', from: '2018-12', to: '2023-06', source: 's' },
      { title_en: 'B', title_es: 'B', from: '2024-10', to: null, source: 's' },
      { title_en: 'C', title_es: 'C', from: '2012', to: '2018', source: 's' },
    ];
    expect(rolesNewestFirst(roles).map((r) => r.title_en)).toEqual(['B', 'A', 'C']);
  });
});
