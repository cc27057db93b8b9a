import type { Role } from './fields';

/**
 * What was true on a given day, from the catalog's dated roles and periods. Catalog dates may be
 * partial ("2023-06", "2018"): a partial start means its first day, a partial end its last, so a
 * role that ended "2023-06" was still held on 30 June 2023.
 */

export interface Span {
  from: string;
  to?: string | null;
}

/** The first day a partial date can mean. */
export function firstDay(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}-${m ?? '01'}-${d ?? '01'}`;
}

/** The last day a partial date can mean. */
export function lastDay(date: string): string {
  const [y, m, d] = date.split('-');
  if (d) return date;
  if (!m) return `${y}-12-31`;
  const days = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  return `${y}-${m}-${String(days).padStart(2, '0')}`;
}

/** Where a day falls against a span: before it starts, inside it, or after it ended. */
export function spanStatus(span: Span, date: string): 'before' | 'during' | 'after' {
  if (date < firstDay(span.from)) return 'before';
  if (span.to && date > lastDay(span.to)) return 'after';
  return 'during';
}

/**
 * The roles held on `date`, longest-standing first (a secretary who co-chaired a meeting that day
 * is first of all the secretary).
 */
export function rolesAt(roles: readonly Role[], date: string): Role[] {
  return roles.filter((r) => spanStatus(r, date) === 'during').sort((a, b) => firstDay(a.from).localeCompare(firstDay(b.from)));
}

/**
 * The role held last: an open role first, then the one that ended last, then the latest start
 * (a one-day role such as co-chairing a meeting does not outrank the office held for years after).
 */
export function latestRole(roles: readonly Role[] | undefined): Role | null {
  if (!roles?.length) return null;
  const end = (r: Role) => (r.to === null ? '9999-12-31' : lastDay(r.to));
  return [...roles].sort((a, b) => end(a).localeCompare(end(b)) || firstDay(a.from).localeCompare(firstDay(b.from))).at(-1)!;
}
