import { writeFileSync } from 'node:fs';
import type { Figure, Figures } from './figures';
import { round } from './stats';

export interface Results {
  created: string;
  machine: string;
  figures: Figures;
}

/** Whether `value` meets a target written as "< 300", "≤ 3", ">= 0.9"…; null when there is none. */
export function meets(value: number, target: string): boolean | null {
  const m = /^\s*(<=|>=|≤|≥|<|>)\s*([\d.,]+)/.exec(target);
  if (!m) return null;
  const limit = Number(m[2]!.replace(/,/g, ''));
  switch (m[1]) {
    case '<':
      return value < limit;
    case '>':
      return value > limit;
    case '<=':
    case '≤':
      return value <= limit;
    default:
      return value >= limit;
  }
}

/** Writes the results file afresh (never merged into an older one). */
export function writeResults(path: string, machine: string, figures: Figures): Results {
  const rounded: Figures = {};
  for (const [name, f] of Object.entries(figures)) rounded[name] = { ...f, value: round(f.value) };
  const results: Results = { created: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), machine, figures: rounded };
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

function formatValue(f: Figure): string {
  const v = round(f.value);
  const s = Math.abs(v) >= 10_000 ? v.toLocaleString('en-US') : String(v);
  return f.unit && f.unit !== 'count' && f.unit !== 'ratio' ? `${s} ${f.unit}` : f.unit === 'ratio' ? `${s}×` : s;
}

/** A plain-text table (figure, value, target, whether it is met), then each figure's note. */
export function formatTable(figures: Figures): string {
  const rows = Object.entries(figures).map(([name, f]) => {
    const ok = meets(f.value, f.target);
    return [name, formatValue(f), f.target, ok === null ? '' : ok ? 'ok' : 'MISS'];
  });
  const head = ['figure', 'value', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const notes = Object.entries(figures).map(([name, f]) => `- ${name}: ${f.note}`);
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', 'Notes:', ...notes].join('\n');
}
