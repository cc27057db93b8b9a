/**
 * Annotation figures, in Chromium: the extension's own annotation code (lib/highlight/annotator
 * + lib/match, bundled by esbuild and injected into the page) against a bare text walk (the
 * floor) and mark.js, on a large real news page and its dense variant, pair by pair.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildMatcherTable, type MatcherTable } from '../lib/match';
import { bundleForPage, callPage, launchBrowser, startServer, type BenchBrowser } from './browser';
import { figure, type BenchContext, type BenchModule, type Figures } from './figures';
import { combinedRegExp } from './combined-regexp';
import { buildPage } from './page';
import { BENCH_DIR, ROOT } from './paths';
import { realSeedBundle } from './seeds';
import { max, median } from './stats';
import { longestTask, startTrace } from './trace';

const REPS = 15;
const DENSE_REPS = 15;
const TRACED_REPS = 4;
const WARM_REPS = 9;
const ARTICLE_SENTENCES = 150;
const TEXT_PAGE_REPS = 9;
/** A text-heavy real page (most of its text is article, not inline CSS) for a second ratio to the floor. */
const TEXT_PAGE_SOURCES = ['wikipedia-2.html'];
const DENSE_SENTENCES = 700;

const MARKJS = path.resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js');
const CONTENT_CSS = path.resolve(ROOT, 'entrypoints/content/style.css');

interface ExtRun {
  busyMs: number;
  wallMs: number;
  paintMs: number;
  firstPaintMs: number;
  slices: number[];
  longestSliceMs: number;
  longTaskMs: number;
  matches: number;
}

interface Env {
  browser: BenchBrowser;
  page: Page;
  url: string;
  script: string;
  markjs: string;
  css: string;
  table: MatcherTable;
}

/** Fresh page: navigate, style it as the content script does, inject the code, compile the matcher, let it settle. */
async function freshPage(env: Env, pagePath: string, withMarkjs: boolean): Promise<{ compileMs: number }> {
  await env.page.goto(`${env.url}${pagePath}`, { waitUntil: 'load' });
  await env.page.addStyleTag({ content: env.css });
  await env.page.addScriptTag({ content: env.script });
  if (withMarkjs) await env.page.addScriptTag({ content: env.markjs });
  const { compileMs } = await callPage<{ compileMs: number }>(env.page, '__benchAnnotate', 'setup', { table: env.table });
  await gc(env.page);
  await callPage(env.page, '__benchAnnotate', 'settle');
  return { compileMs };
}

async function gc(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
  } finally {
    await cdp.detach();
  }
}

/** Between two contenders: undo, collect garbage, and wait two frames. */
async function between(env: Env, undo?: string): Promise<void> {
  if (undo) await callPage(env.page, '__benchAnnotate', undo);
  await gc(env.page);
  await callPage(env.page, '__benchAnnotate', 'settle');
}

interface Parts {
  walkMs: number;
  scanMs: number;
  batches: number;
  chars: number;
  raw: number;
}

interface PairRep {
  ext: ExtRun;
  floor: { ms: number; chars: number; nodes: number };
  nodeFloor: { ms: number; elements: number; shadowRoots: number };
  parts: Parts;
  markjs: { ms: number; paintMs: number; matches: number };
}

type Contender = keyof PairRep;

/** One repetition on a fresh page: each contender (by default all five), in an order that rotates with `i`. */
async function pairRep<C extends Contender = Contender>(
  env: Env,
  i: number,
  regex: { source: string; flags: string },
  pagePath = '/large.html',
  order: readonly C[] = ['ext', 'floor', 'nodeFloor', 'markjs', 'parts'] as C[],
): Promise<Pick<PairRep, C>> {
  await freshPage(env, pagePath, order.includes('markjs' as C));
  const out: Partial<PairRep> = {};
  for (let k = 0; k < order.length; k++) {
    const which = order[(i + k) % order.length]!;
    if (which === 'ext') {
      out.ext = await callPage<ExtRun>(env.page, '__benchAnnotate', 'runExtension', {});
      await between(env, 'stopExtension');
    } else if (which === 'floor') {
      out.floor = await callPage(env.page, '__benchAnnotate', 'runFloor');
      await between(env);
    } else if (which === 'nodeFloor') {
      out.nodeFloor = await callPage(env.page, '__benchAnnotate', 'runNodeFloor');
      await between(env);
    } else if (which === 'markjs') {
      out.markjs = await callPage(env.page, '__benchAnnotate', 'runMarkjs', regex);
      await between(env);
    } else {
      out.parts = await callPage(env.page, '__benchAnnotate', 'runParts');
      await between(env);
    }
  }
  return out as Pick<PairRep, C>;
}

/**
 * For the diagnosis: the extension's and the floor's second pass over the same page, straight
 * after a first one, with no garbage collection between (the JIT has compiled the code and the
 * nodes' JS wrappers exist): what is left of the ratio without the costs of a first pass.
 */
async function warmRep(env: Env, pagePath = '/large.html'): Promise<{ ext: number; floor: number }> {
  await freshPage(env, pagePath, false);
  await callPage(env.page, '__benchAnnotate', 'runFloor');
  const floor = (await callPage<{ ms: number }>(env.page, '__benchAnnotate', 'runFloor')).ms;
  await callPage(env.page, '__benchAnnotate', 'runExtension', {});
  await callPage(env.page, '__benchAnnotate', 'stopExtension');
  await callPage(env.page, '__benchAnnotate', 'settle');
  const ext = (await callPage<ExtRun>(env.page, '__benchAnnotate', 'runExtension', {})).busyMs;
  await callPage(env.page, '__benchAnnotate', 'stopExtension');
  return { ext, floor };
}

/** Runs the extension alone on a fresh page with a trace recording, and returns the longest task. */
interface TracedRun {
  run: ExtRun;
  task: ReturnType<typeof longestTask>;
}

async function tracedRun(env: Env, pagePath: string): Promise<TracedRun> {
  await freshPage(env, pagePath, false);
  const cdp = await env.page.context().newCDPSession(env.page);
  try {
    const stop = await startTrace(cdp);
    const run = await callPage<ExtRun>(env.page, '__benchAnnotate', 'runExtension', { mark: true });
    await callPage(env.page, '__benchAnnotate', 'settle');
    const events = await stop();
    const task = longestTask(events, 'hled-annotate-start', 'hled-annotate-painted');
    return { run, task };
  } finally {
    await cdp.detach();
  }
}

/** JS heap held after annotating the large page (code, compiled matcher, annotator state). */
async function heapRun(env: Env) {
  await env.page.goto(`${env.url}/large.html`, { waitUntil: 'load' });
  await env.page.addStyleTag({ content: env.css });
  const cdp = await env.page.context().newCDPSession(env.page);
  try {
    const usage = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    };
    const before = await usage();
    await env.page.addScriptTag({ content: env.script });
    await callPage(env.page, '__benchAnnotate', 'setup', { table: env.table });
    const run = await callPage<ExtRun>(env.page, '__benchAnnotate', 'runExtension', {});
    const after = await usage();
    return { bytes: after - before, matches: run.matches };
  } finally {
    await cdp.detach();
  }
}

export const annotateBench: BenchModule = {
  name: 'annotate',
  async run(ctx: BenchContext): Promise<Figures> {
    const { bundle } = realSeedBundle();
    const table = buildMatcherTable(bundle.corpusVersion, bundle.entities);
    const regex = combinedRegExp(table);
    const large = buildPage(ARTICLE_SENTENCES);
    const dense = buildPage(DENSE_SENTENCES);
    const textPage = buildPage(ARTICLE_SENTENCES, TEXT_PAGE_SOURCES);
    const script = await bundleForPage(path.resolve(BENCH_DIR, 'in-page/annotate.ts'), true);
    const server = await startServer();
    server.set('/large.html', large.html);
    server.set('/dense.html', dense.html);
    server.set('/text.html', textPage.html);
    const browser = await launchBrowser(['--enable-precise-memory-info']);
    ctx.machine.set('browser', `Chromium ${browser.version}`);
    ctx.log(`annotate: large page ${(large.bytes / 1e6).toFixed(2)} MB (${large.sources.join(' + ')}, scripts removed, ${large.sentences} sentences in ${large.paragraphs} paragraphs); dense ${(dense.bytes / 1e6).toFixed(2)} MB; ${table.aliases.length} aliases`);
    try {
      const env: Env = {
        browser,
        page: await browser.newPage(),
        url: server.url,
        script,
        markjs: readFileSync(MARKJS, 'utf8'),
        css: readFileSync(CONTENT_CSS, 'utf8'),
        table,
      };
      const { compileMs } = await freshPage(env, '/large.html', true);

      // Pair by pair on the large page.
      const reps: PairRep[] = [];
      for (let i = 0; i < REPS; i++) reps.push(await pairRep(env, i, regex));
      const extMs = reps.map((r) => r.ext.busyMs);
      const floorMs = reps.map((r) => r.floor.ms);
      const markMs = reps.map((r) => r.markjs.ms);
      const toFloor = reps.map((r) => r.ext.busyMs / r.floor.ms);
      const toMark = reps.map((r) => r.ext.busyMs / r.markjs.ms);
      const matches = reps[0]!.ext.matches;
      const first = reps[0]!;
      ctx.log(`annotate: ext ${median(extMs).toFixed(1)} ms, floor ${median(floorMs).toFixed(1)} ms, mark.js ${median(markMs).toFixed(1)} ms; ${matches} matches (mark.js ${first.markjs.matches})`);

      const warm: { ext: number; floor: number }[] = [];
      for (let i = 0; i < WARM_REPS; i++) warm.push(await warmRep(env));

      // Longest task, rendering included: traced runs of the extension alone.
      const traced: TracedRun[] = [];
      for (let i = 0; i < TRACED_REPS; i++) traced.push(await tracedRun(env, '/large.html'));
      const denseTraced: TracedRun[] = [];
      for (let i = 0; i < TRACED_REPS; i++) denseTraced.push(await tracedRun(env, '/dense.html'));

      // Dense page: paint and matches, untraced.
      const denseRuns: ExtRun[] = [];
      for (let i = 0; i < DENSE_REPS; i++) {
        await freshPage(env, '/dense.html', false);
        denseRuns.push(await callPage<ExtRun>(env.page, '__benchAnnotate', 'runExtension', {}));
      }
      const denseMatches = denseRuns[0]!.matches;
      if (denseMatches <= 1000) throw new Error(`annotate: the dense page has ${denseMatches} matches; it must have over 1,000`);

      // The ratio to the floor on a text-heavy page, where the floor reads article text rather than CSS.
      const textReps: Pick<PairRep, 'ext' | 'floor'>[] = [];
      for (let i = 0; i < TEXT_PAGE_REPS; i++) textReps.push(await pairRep(env, i, regex, '/text.html', ['ext', 'floor']));

      const heap = await heapRun(env);

      const taskFigure = (runs: TracedRun[], label: string) => {
        const tasks = runs.map((r) => r.task?.ms ?? Number.NaN).filter(Number.isFinite);
        const slices = runs.map((r) => r.run.longestSliceMs);
        const lts = runs.map((r) => r.run.longTaskMs);
        const byTask = runs.filter((r) => r.task).sort((a, b) => a.task!.ms - b.task!.ms);
        const mid = byTask[Math.floor((byTask.length - 1) / 2)]?.task;
        if (tasks.length === runs.length) {
          return figure(median(tasks), 'ms', '<= 50', `${label}: median over ${runs.length} traced runs of the longest main-thread task (trace RunTask: script, style, layout, paint) from the start of annotation to the frame painted after it; the median run's task: ${mid?.parts ?? '?'}; worst run ${byTask.at(-1)?.task?.ms.toFixed(1) ?? '?'} ms; the annotator's longest busy slice, median ${median(slices).toFixed(1)} ms (slices are meant to be 8 ms); Long Tasks API max ${max(lts).toFixed(0)} ms`);
        }
        return figure(median(slices), 'ms', '<= 50', `${label}: the trace did not give the tasks, so this is the annotator's longest busy slice (median of ${runs.length}, rendering NOT included); Long Tasks API max ${max(lts).toFixed(0)} ms`);
      };

      const denseNote = `dense variant: ${(dense.bytes / 1e6).toFixed(2)} MB, ${dense.sentences} sentences inserted`;
      return {
        'annotate.page_bytes': figure(large.bytes, 'bytes', '>= 1000000', `${large.sources.join(' + ')} from ../shared/pages (real markup, <script> removed), ${large.sentences} sentences naming catalog entities written into its ${large.paragraphs} paragraphs`),
        'annotate.matches': figure(matches, 'count', '', `accepted mentions on the large page (annotator.mentions()); mark.js's combined expression wraps ${first.markjs.matches}; ${table.aliases.length} aliases, matcher compiled in ${compileMs.toFixed(1)} ms`),
        'annotate.floor_ms': figure(median(floorMs), 'ms', '', `median of ${REPS}: TreeWalker(SHOW_TEXT) over document.body reading every text node's data (${first.floor.nodes} nodes, ${first.floor.chars} characters)`),
        'annotate.ms': figure(median(extMs), 'ms', '', `median of ${REPS}: annotator.busyMs (sum of its busy slices: walk + scan + page rules + highlight) of new Annotator({matcher}).start(document.body), default slicing and yield; wall time to done median ${median(reps.map((r) => r.ext.wallMs)).toFixed(1)} ms`),
        'annotate.walk_ms': figure(median(reps.map((r) => r.parts.walkMs)), 'ms', '', `median of ${REPS}, for the diagnosis: the shipped createTextWalk(document.body) drained, no scanning (${first.parts.batches} batches, ${first.parts.chars} characters of readable text, against the floor's ${first.floor.chars} of all text)`),
        'annotate.scan_ms': figure(median(reps.map((r) => r.parts.scanMs)), 'ms', '', `median of ${REPS}, for the diagnosis: the shipped scanText over the walk's batches alone (${first.parts.raw} raw matches), ${((first.parts.chars / median(reps.map((r) => r.parts.scanMs))) / 1000).toFixed(1)} M characters/s`),
        'annotate.markjs_ms': figure(median(markMs), 'ms', '', `median of ${REPS}: mark.js 8.11.1 markRegExp with one combined case-insensitive expression of all ${new Set(table.aliases.map((a) => a.text)).size} alias texts (longest first, Unicode lookaround boundaries), JS time; next paint median ${median(reps.map((r) => r.markjs.paintMs)).toFixed(1)} ms`),
        'annotate.ratio_to_floor': figure(median(toFloor), 'ratio', '<= 3', `median of ${REPS} per-repetition ratios annotate.ms / floor_ms, measured in the same page load in rotating order`),
        'annotate.node_floor_ms': figure(median(reps.map((r) => r.nodeFloor.ms)), 'ms', '', `median of ${REPS}, for the diagnosis: TreeWalker(SHOW_ELEMENT | SHOW_TEXT) over document.body reading every text node's data and every element's shadowRoot, nothing else (${first.nodeFloor.elements} elements, ${first.nodeFloor.shadowRoots} open shadow roots): the least a walk that finds open shadow roots, which any element may host, has to do`),
        'annotate.ratio_to_node_floor': figure(median(reps.map((r) => r.ext.busyMs / r.nodeFloor.ms)), 'ratio', '', `median of ${REPS} per-repetition ratios annotate.ms / node_floor_ms, same page load, rotating order; the node floor itself is ${median(reps.map((r) => r.nodeFloor.ms / r.floor.ms)).toFixed(1)}× the floor (median of the same repetitions)`),
        'annotate.warm_ratio_to_floor': figure(median(warm.map((w) => w.ext / w.floor)), 'ratio', '', `median of ${WARM_REPS}, for the diagnosis: each side's second pass over a fresh page right after its first, no garbage collection between (code compiled, DOM wrappers made): extension ${median(warm.map((w) => w.ext)).toFixed(1)} ms, floor ${median(warm.map((w) => w.floor)).toFixed(1)} ms`),
        'annotate.ratio_to_markjs': figure(median(toMark), 'ratio', '<= 0.5', `median of ${REPS} per-repetition ratios annotate.ms / mark.js JS time, same page load, rotating order`),
        'annotate.text_page_ratio_to_floor': figure(median(textReps.map((r) => r.ext.busyMs / r.floor.ms)), 'ratio', '', `for comparison, not the target's page: ${TEXT_PAGE_SOURCES.join(' + ')} (${(textPage.bytes / 1e6).toFixed(2)} MB, ${textPage.sentences} sentences inserted, ${textReps[0]!.ext.matches} mentions), whose text is mostly article: median of ${TEXT_PAGE_REPS} per-repetition ratios annotator.busyMs / floor, extension ${median(textReps.map((r) => r.ext.busyMs)).toFixed(1)} ms, floor ${median(textReps.map((r) => r.floor.ms)).toFixed(1)} ms (${textReps[0]!.floor.nodes} text nodes, ${textReps[0]!.floor.chars} characters)`),
        'annotate.paint_ms': figure(median(reps.map((r) => r.ext.firstPaintMs)), 'ms', '<= 40', `median of ${REPS}: from start() to just after the next frame painted (requestAnimationFrame queued at start, then a MessageChannel task), with the highlights of the slices done by then; the whole pass painted: annotate.done_paint_ms`),
        'annotate.done_paint_ms': figure(median(reps.map((r) => r.ext.paintMs)), 'ms', '', `median of ${REPS}: from start() to just after the first frame painted once the whole pass is done (every highlight of the page on screen)`),
        'annotate.longest_task_ms': taskFigure(traced, 'large page'),
        'annotate.dense_matches': figure(denseMatches, 'count', '> 1000', `${denseNote}; accepted mentions`),
        'annotate.dense_ms': figure(median(denseRuns.map((r) => r.busyMs)), 'ms', '', `${denseNote}; median of ${DENSE_REPS} annotator.busyMs`),
        'annotate.dense_paint_ms': figure(median(denseRuns.map((r) => r.firstPaintMs)), 'ms', '<= 40', `${denseNote}; median of ${DENSE_REPS}, measured as annotate.paint_ms`),
        'annotate.dense_done_paint_ms': figure(median(denseRuns.map((r) => r.paintMs)), 'ms', '', `${denseNote}; median of ${DENSE_REPS}, measured as annotate.done_paint_ms`),
        'annotate.dense_longest_task_ms': taskFigure(denseTraced, denseNote),
        'content_script.heap_bytes': figure(heap.bytes, 'bytes', '', `approximation: the content script's isolated world is not visible to the page, so the same code injected into the page: CDP Runtime.getHeapUsage after GC, after (code + compiled matcher + annotator holding ${heap.matches} mentions of the large page) minus before injecting`),
      };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
