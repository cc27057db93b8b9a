import { firstDay } from '../corpus/as-of';

/**
 * A linear time axis over whole years, for the card's and the reader's timelines: the first
 * year of any date shown to the year after the last, with one tick label per year (every other
 * year, or fewer, when the span is long).
 */
export interface TimeScale {
  /** x of a date (YYYY, YYYY-MM or YYYY-MM-DD) between 0 and `width`. */
  x(date: string): number;
  years: { year: number; x: number; label: boolean }[];
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.parse(`${firstDay(date)}T00:00:00Z`) / DAY_MS;
}

export function timeScale(dates: readonly string[], width: number, maxLabels = 8): TimeScale | null {
  const valid = dates.filter((d) => /^\d{4}/.test(d));
  if (!valid.length) return null;
  const sorted = valid.map((d) => Number(d.slice(0, 4))).sort((a, b) => a - b);
  const first = sorted[0]!;
  const last = sorted.at(-1)! + 1;
  const start = dayNumber(String(first));
  const span = dayNumber(String(last)) - start;
  const x = (date: string) => Math.max(0, Math.min(width, ((dayNumber(date) - start) / span) * width));
  const step = Math.max(1, Math.ceil((last - first + 1) / maxLabels));
  const years = [];
  for (let y = first; y <= last; y++) years.push({ year: y, x: x(String(y)), label: (y - first) % step === 0 && y < last });
  return { x, years };
}
