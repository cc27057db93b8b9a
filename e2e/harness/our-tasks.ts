import type { CDPSession } from 'playwright-core';
import { recordTrace } from './trace-recorder';

/**
 * How long the extension's own code ran inside each main-thread task of a page, from a Chromium
 * trace with V8's sampling profiler on. Trace events alone cannot tell: a MutationObserver
 * callback runs as a microtask at the end of the page's own task, and the continuation of an
 * `await` shows up under "RunMicrotasks" with no script URL. The profiler's samples carry the
 * whole stack, so a sample counts as ours when any frame of it comes from the extension.
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { data?: ProfileData & { startTime?: number } };
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string };
}
interface ProfileData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'];

export function startProfiledTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  return recordTrace<TraceEvent>(cdp, CATEGORIES);
}

export interface OurTime {
  /** Most time the extension's code took inside one task, ms. */
  longestMs: number;
  /** Length of that task, ms (the page's own work in it included). */
  inTaskMs: number;
  /** All the extension's sampled time over the trace, ms. */
  totalMs: number;
  /** Tasks in which the extension's code ran. */
  tasks: number;
}

const isTask = (e: TraceEvent) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur !== undefined;

/** The extension's time per task on every profiled thread; `urlPrefix` is `chrome-extension://<id>/`. */
export function ourTimePerTask(events: readonly TraceEvent[], urlPrefix: string): OurTime {
  const profiles = new Map<string, { pid: number; tid: number; start: number; nodes: Map<number, ProfileNode>; samples: number[]; deltas: number[] }>();
  for (const e of events) {
    if (e.name === 'Profile' && e.id) profiles.set(`${e.pid}:${e.id}`, { pid: e.pid, tid: e.tid, start: e.args?.data?.startTime ?? e.ts, nodes: new Map(), samples: [], deltas: [] });
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const p = profiles.get(`${e.pid}:${e.id}`);
    const d = e.args?.data;
    if (!p || !d) continue;
    for (const n of d.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    p.samples.push(...(d.cpuProfile?.samples ?? []));
    p.deltas.push(...(d.timeDeltas ?? []));
  }
  let longest = { ours: 0, task: 0 };
  let total = 0;
  let tasks = 0;
  for (const p of profiles.values()) {
    const oursMemo = new Map<number, boolean>();
    const ours = (id: number): boolean => {
      const known = oursMemo.get(id);
      if (known !== undefined) return known;
      const n = p.nodes.get(id);
      const v = !!n && ((n.callFrame.url ?? '').startsWith(urlPrefix) || (n.parent !== undefined && ours(n.parent)));
      oursMemo.set(id, v);
      return v;
    };
    // Sample times; each sample stands for the time until the next one.
    const times: number[] = [];
    let t = p.start;
    for (const d of p.deltas) times.push((t += d));
    const threadTasks = events.filter((e) => isTask(e) && e.pid === p.pid && e.tid === p.tid).sort((a, b) => a.ts - b.ts);
    let k = 0;
    for (const task of threadTasks) {
      const end = task.ts + task.dur!;
      while (k < times.length && times[k]! < task.ts) k++;
      let mine = 0;
      for (let i = k; i < times.length && times[i]! < end; i++) {
        if (ours(p.samples[i]!)) mine += Math.min((times[i + 1] ?? end) - times[i]!, end - times[i]!);
      }
      if (mine > 0) tasks++;
      total += mine;
      if (mine > longest.ours) longest = { ours: mine, task: task.dur! };
    }
  }
  return { longestMs: longest.ours / 1000, inTaskMs: longest.task / 1000, totalMs: total / 1000, tasks };
}

/** JS heap in use by the page's isolate (its own world and the content script's) after two GCs, bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
}
