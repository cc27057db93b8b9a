/**
 * Page entry (bundled into an IIFE by the bench and injected into the test page): the
 * extension's own annotation code, exposed as `window.__hled`, and the bench's three contenders
 * (the extension, a bare text walk, mark.js) with their timing, as `window.__benchAnnotate`.
 */
import { Annotator } from '../../lib/highlight/annotator';
import { createTextWalk, type TextBatch } from '../../lib/highlight/walk';
import { nextFrame, yieldToPage as defaultYield } from '../../lib/highlight/yield';
import { compileMatcher, scanText, type Matcher, type MatcherTable } from '../../lib/match';

declare const Mark: new (ctx: Element) => {
  markRegExp(re: RegExp, opt: { done?: (n: number) => void }): void;
  unmark(opt?: { done?: () => void }): void;
};

let matcher: Matcher | null = null;
let annotator: Annotator | null = null;
let longTasks: { start: number; duration: number }[] = [];
let longTaskObserver: PerformanceObserver | null = null;

function collectLongTasks(entries: PerformanceEntryList) {
  for (const e of entries) longTasks.push({ start: e.startTime, duration: e.duration });
}

/** Resolves just after the next frame is painted: a task queued from requestAnimationFrame runs after that frame's style, layout and paint. */
function nextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(0);
    });
  });
}

/** Compiles the matcher (as the content script does once per page) and starts watching long tasks. */
function setup(arg: { table: MatcherTable }) {
  const t0 = performance.now();
  matcher = compileMatcher(arg.table);
  const compileMs = performance.now() - t0;
  longTasks = [];
  try {
    longTaskObserver?.disconnect();
    longTaskObserver = new PerformanceObserver((list) => collectLongTasks(list.getEntries()));
    longTaskObserver.observe({ type: 'longtask', buffered: false });
  } catch {
    // No Long Tasks API: the slices still tell.
  }
  return { compileMs, aliases: arg.table.aliases.length };
}

/** Waits for two frames so that nothing from a previous run is still pending. */
async function settle() {
  await nextPaint();
  await nextPaint();
  return true;
}

/**
 * The extension: `new Annotator(...).start(document.body)` as the content script runs it, with
 * the default yield and frame wait (`lib/highlight/yield.ts`) wrapped to record each busy slice.
 */
async function runExtension(arg: { mark?: boolean }) {
  const slices: number[] = [];
  let sliceStart = 0;
  const recorded = <T>(wait: () => Promise<T>) => () => {
    slices.push(performance.now() - sliceStart);
    return wait().then((v) => {
      sliceStart = performance.now();
      return v;
    });
  };
  annotator = new Annotator({ matcher: matcher!, yieldToPage: recorded(defaultYield), waitForFrame: recorded(() => nextFrame(window)) });
  let firstPaint = 0;
  if (arg.mark) performance.mark('hled-annotate-start');
  const t0 = performance.now();
  void nextPaint().then((t) => (firstPaint = t - t0));
  sliceStart = t0;
  await annotator.start(document.body);
  const tDone = performance.now();
  slices.push(tDone - sliceStart);
  const tPaint = await nextPaint();
  if (arg.mark) performance.mark('hled-annotate-painted');
  // Entries are delivered to the observer later: take the ones already recorded.
  if (longTaskObserver) collectLongTasks(longTaskObserver.takeRecords());
  const overlapping = longTasks.filter((l) => l.start + l.duration > t0 && l.start < tPaint);
  return {
    busyMs: annotator.busyMs,
    wallMs: tDone - t0,
    paintMs: tPaint - t0,
    firstPaintMs: firstPaint,
    slices,
    longestSliceMs: Math.max(...slices),
    longTaskMs: overlapping.reduce((m, l) => Math.max(m, l.duration), 0),
    matches: annotator.mentions().length,
  };
}

function stopExtension() {
  annotator?.stop();
  annotator = null;
  return true;
}

/** The floor: a bare TreeWalker over every text node that only reads its data. */
function runFloor() {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let nodes = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    chars += (n as Text).data.length;
    nodes++;
  }
  return { ms: performance.now() - t0, chars, nodes };
}

/**
 * Every node, not only text: a bare walk over elements and text that reads each text's data and
 * each element's `shadowRoot`, the least a walk has to do to find open shadow roots (any element
 * may host one, and no selector or other API lists them).
 */
function runNodeFloor() {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let chars = 0;
  let elements = 0;
  let shadowRoots = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 1) {
      elements++;
      if ((n as Element).shadowRoot) shadowRoots++;
    } else chars += (n as Text).data.length;
  }
  return { ms: performance.now() - t0, elements, shadowRoots, chars };
}

/**
 * The annotator's two main parts alone, for the diagnosis: the shipped text walk drained to the
 * end (no scanning), then the shipped matcher over the text it collected (no ranges, no rules).
 */
function runParts() {
  const t0 = performance.now();
  const walk = createTextWalk(document.body);
  const batches: TextBatch[] = [];
  for (let b = walk.next(); b; b = walk.next()) batches.push(b);
  const t1 = performance.now();
  let raw = 0;
  for (const b of batches) raw += scanText(matcher!, b.text).length;
  const t2 = performance.now();
  return { walkMs: t1 - t0, scanMs: t2 - t1, batches: batches.length, chars: batches.reduce((n, b) => n + b.text.length, 0), raw };
}

/** mark.js in its fastest honest form: `markRegExp` with one combined expression of all aliases. */
async function runMarkjs(arg: { source: string; flags: string }) {
  const re = new RegExp(arg.source, arg.flags);
  const instance = new Mark(document.body);
  let matches = 0;
  const t0 = performance.now();
  instance.markRegExp(re, { done: (n) => (matches = n) });
  const ms = performance.now() - t0;
  const paintMs = (await nextPaint()) - t0;
  instance.unmark();
  return { ms, paintMs, matches };
}

(globalThis as { __hled?: unknown }).__hled = { Annotator, compileMatcher };
(globalThis as { __benchAnnotate?: unknown }).__benchAnnotate = { setup, settle, runExtension, stopExtension, runFloor, runNodeFloor, runParts, runMarkjs };
