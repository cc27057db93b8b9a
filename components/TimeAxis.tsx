import { formatDate } from '@/lib/ui/format';
import type { UiLanguage } from '@/lib/i18n/language';
import { timeScale } from '@/lib/ui/time-scale';

export interface AxisMark {
  date: string;
  /** What the mark is (a document title): its tooltip. */
  label: string;
}

export interface TimeAxisProps {
  marks: readonly AxisMark[];
  /** The article's own date, marked differently, when the page gives one. */
  pageDate?: string | null;
  lang: UiLanguage;
  /** Accessible summary of the axis. */
  label: string;
  pageLabel: string;
  width?: number;
}

const PAD = 10;
const HEIGHT = 40;
const AXIS_Y = 18;

/**
 * A small time axis as inline SVG: years along the axis, one dot per document, the article's
 * own date as a triangle above it. Colours come from the surrounding CSS (currentColor and
 * the `--link`/`--accent` variables), so light and dark themes need nothing here.
 */
export function TimeAxis({ marks, pageDate, lang, label, pageLabel, width = 320 }: TimeAxisProps) {
  const inner = width - 2 * PAD;
  const scale = timeScale([...marks.map((m) => m.date), ...(pageDate ? [pageDate] : [])], inner, Math.max(2, Math.floor(inner / 44)));
  if (!scale) return null;
  const x = (d: string) => PAD + scale.x(d);
  // Several documents on one day would draw one dot over another: one dot, all titles.
  const byDate = new Map<string, string[]>();
  for (const m of marks) byDate.set(m.date, [...(byDate.get(m.date) ?? []), m.label]);
  return (
    <svg class="axis" viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-label={label} focusable="false">
      <line x1={PAD} x2={width - PAD} y1={AXIS_Y} y2={AXIS_Y} class="axis-line" />
      {scale.years.map((y) => (
        <g key={y.year}>
          <line x1={PAD + y.x} x2={PAD + y.x} y1={AXIS_Y - 3} y2={AXIS_Y + 3} class="axis-tick" />
          {y.label ? (
            <text x={PAD + y.x + 2} y={AXIS_Y + 16} class="axis-year">
              {y.year}
            </text>
          ) : null}
        </g>
      ))}
      {[...byDate].map(([date, titles]) => (
        <circle key={date} cx={x(date)} cy={AXIS_Y} r={4} class="axis-doc">
          <title>{`${formatDate(date, lang)} · ${titles.join(' · ')}`}</title>
        </circle>
      ))}
      {pageDate ? (
        <path d={`M ${x(pageDate) - 5} ${AXIS_Y - 12} L ${x(pageDate) + 5} ${AXIS_Y - 12} L ${x(pageDate)} ${AXIS_Y - 5} Z`} class="axis-page">
          <title>{`${pageLabel}: ${formatDate(pageDate, lang)}`}</title>
        </path>
      ) : null}
    </svg>
  );
}
