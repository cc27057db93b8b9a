/**
 * Longest main-thread task from a Chromium trace: every task the renderer's main thread ran
 * (script, style, layout, paint), so "rendering included" holds, and tasks under 50 ms are seen
 * too (the Long Tasks API only reports longer ones).
 */
import type { CDPSession } from 'playwright-core';
import { recordTrace } from '../e2e/harness/trace-recorder';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

export function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  return recordTrace<TraceEvent>(cdp, CATEGORIES);
}

export interface LongestTask {
  /** Longest task on the page's main thread overlapping [start mark, end mark], in ms. */
  ms: number;
  /** What that task spent its time on: style, layout, paint, and the rest (script, GC). */
  parts: string;
}

const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles']);
const LAYOUT = new Set(['Layout']);
const PAINT = new Set(['PrePaint', 'Paint', 'Layerize']);
const isTask = (e: TraceEvent) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';

/** Finds the longest task of the thread that recorded `startMark`, overlapping the marked window. */
export function longestTask(events: readonly TraceEvent[], startMark: string, endMark: string): LongestTask | null {
  const start = events.find((e) => e.name === startMark);
  const end = events.find((e) => e.name === endMark && (!start || e.pid === start.pid));
  if (!start || !end) return null;
  const onThread = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X' && e.dur !== undefined);
  let best: TraceEvent | null = null;
  for (const e of onThread) {
    if (!isTask(e) || e.ts + e.dur! < start.ts || e.ts > end.ts) continue;
    if (!best || e.dur! > best.dur!) best = e;
  }
  if (!best) return null;
  let style = 0;
  let layout = 0;
  let paint = 0;
  for (const e of onThread) {
    if (isTask(e) || e.ts < best.ts || e.ts + e.dur! > best.ts + best.dur!) continue;
    if (STYLE.has(e.name)) style += e.dur!;
    else if (LAYOUT.has(e.name)) layout += e.dur!;
    else if (PAINT.has(e.name)) paint += e.dur!;
  }
  const f = (us: number) => (us / 1000).toFixed(1);
  return { ms: best.dur! / 1000, parts: `style ${f(style)}, layout ${f(layout)}, paint ${f(paint)}, script and the rest ${f(best.dur! - style - layout - paint)} ms` };
}
