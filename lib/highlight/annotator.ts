import { extendPageRuleState, pageRuleState, ruleOf, scanText, type Matcher, type PageRuleState, type Rule } from '../match';
import type { EntityType } from '../corpus/fields';
import { SECTION_HEADINGS, densityFilter, headingFollows, sameNodes, sectionOf, type Density } from './density';
import { nextFrame, yieldToPage } from './yield';
import { OWN_UI_PREFIX, blockAncestor, createTextWalk, isInSkippedSubtree, type TextBatch } from './walk';

/** One mention on the page, as painted. */
export interface PageMention {
  range: StaticRange;
  /** Index into the matcher table's entities and aliases. */
  entity: number;
  alias: number;
  rule: Rule;
}

interface RawEntry {
  range: StaticRange;
  alias: number;
  /** Kept for the page rules: an ambiguous acronym used as a name ("el DEAN") vouches for the page. */
  vouches?: true;
  nodes: Text[];
  /** Its section, valid while `sectionsVersion` is the annotator's (see `paintedOf`). */
  section: number;
  sectionsVersion: number;
}

export interface AnnotatorOptions {
  matcher: Matcher;
  doc?: Document;
  /** Name under which the highlights are registered (`::highlight(<name>)` styles them). */
  highlightName?: string;
  /** Longest stretch of work before yielding to the page, in ms. */
  sliceMs?: number;
  /** Entity types to show; all when absent. */
  types?: ReadonlySet<EntityType>;
  /** Which mentions are painted: the first per entity and section (default), or all. */
  density?: Density;
  /** Mentions the reader said are wrong ("not this" for an alias on a site): never accepted. */
  suppressed?: (m: PageMention) => boolean;
  /** Called after each pass with the accepted mentions, in document order. */
  onChange?: (mentions: readonly PageMention[]) => void;
  /** How to yield between slices; a macrotask by default. */
  yieldToPage?: () => Promise<void>;
  /**
   * How to let the page paint a frame, which the pass does once `frameMs` have gone by without
   * one; resolves with false when no frame came (a throttled frame). Waits for the browser's next
   * frame by default, and never where `yieldToPage` is given without it (tests that drive the
   * slices themselves).
   */
  waitForFrame?: (() => Promise<boolean>) | null;
  /** Longest stretch of a pass without a frame painted, in ms: one slice (`sliceMs`) by default. */
  frameMs?: number;
  now?: () => number;
}

export const HIGHLIGHT_NAME = 'hled-mention';

/**
 * Finds and paints mentions on a live page with the CSS Custom Highlight API: the page's DOM is
 * never modified, so links, selection, copy and layout stay exactly as they were, and stopping
 * leaves nothing behind. Work is cut into short slices; content added later is annotated as it
 * arrives, without re-reading what was done.
 */
export class Annotator {
  private readonly doc: Document;
  private name: string;
  private readonly sliceMs: number;
  private readonly now: () => number;
  private readonly yieldToPage: () => Promise<void>;
  private readonly waitForFrame: (() => Promise<boolean>) | null;
  private readonly frameMs: number;
  /** When the page last painted a frame, as far as the annotator saw (see `letPageRun`). */
  private lastFrameAt = 0;
  private frameProbe = false;
  /** A frame wait timed out (an offscreen frame the browser does not render): no waiting until one is painted. */
  private framesStalled = false;
  private raw: RawEntry[] = [];
  /**
   * Raw entries by text node, for hit-testing and for forgetting text that is read again. Built
   * on first use: the first pass over a page reads each node once and nothing hovers it yet, so
   * indexing every mention then was work for nothing.
   */
  private byNode: Map<Text, RawEntry[]> | null = null;
  private accepted: PageMention[] = [];
  private acceptedByRange = new Map<StaticRange, PageMention>();
  /** Raw entries are in document order unless content was added out of order (mutations, shadow roots). */
  private inOrder = true;
  private walks = 0;
  private queue: Node[] = [];
  private draining: Promise<void> | null = null;
  private observer: MutationObserver | null = null;
  private highlight: Highlight | null = null;
  private stopped = false;
  private types: ReadonlySet<EntityType> | undefined;
  private density: Density;
  /** Mentions painted under the density setting (hover reaches only these). */
  private painted = new Set<PageMention>();
  /**
   * The page's headings, and each placed mention's section. A section is named by the heading
   * that starts it: its index in this list plus one (0 before the first).
   */
  private headings: Element[] = [];
  /**
   * The headings a reader sees (not hidden, not in code or a control), which alone start
   * sections: the walk never enters the others. Filtered only when a mention must be placed
   * without the walk (content added later), as the check costs more than the rest of a first pass.
   */
  private visibleHeadings: Element[] | null = null;
  /**
   * Headings change only when nodes are added or removed: until the observer sees that, the list
   * is not queried again (a query of a 1.5 MB page after every slice cost more than the slice).
   */
  private headingsStale = true;
  /** Each heading's section (the one it starts), for the walk to place text as it reads it. */
  private sectionStarts = new Map<Element, number>();
  /** Bumped whenever the headings change, which leaves every placed mention's section stale. */
  private sectionsVersion = 0;
  /**
   * What the last publish left, so the next one can take only the entries appended since (a pass
   * publishes after every slice, and redoing the whole page each time grew with the square of its
   * mentions): the page rules' state, the raw entries it covered, the density filter fed with
   * every accepted mention in order, and the sections those were placed by. Null whenever
   * anything but an append changed, which makes the next publish a full one.
   */
  private published: {
    rules: PageRuleState;
    count: number;
    isPainted: (entity: number, section: number) => boolean;
    sectionsVersion: number;
  } | null = null;
  /** Single highlights the reader hid with "not this", for this page view. */
  private hidden = new WeakSet<StaticRange>();
  private readonly roots = new Set<ShadowRoot>();
  /** Busy time of the last full pass, summed over its slices (what the bench reports). */
  busyMs = 0;

  constructor(private readonly opts: AnnotatorOptions) {
    this.doc = opts.doc ?? document;
    this.name = opts.highlightName ?? HIGHLIGHT_NAME;
    this.sliceMs = opts.sliceMs ?? 8;
    this.now = opts.now ?? (() => performance.now());
    this.yieldToPage = opts.yieldToPage ?? yieldToPage;
    const view = this.doc.defaultView;
    const frames = typeof view?.requestAnimationFrame === 'function' && !opts.yieldToPage ? () => nextFrame(view) : null;
    this.waitForFrame = opts.waitForFrame === undefined ? frames : opts.waitForFrame;
    this.frameMs = opts.frameMs ?? this.sliceMs;
    this.types = opts.types;
    this.density = opts.density ?? 'first-per-section';
  }

  /** Annotates the whole document and keeps following it; resolves when the first pass is done. */
  start(root: Node = this.doc.body ?? this.doc.documentElement): Promise<void> {
    const view = this.doc.defaultView;
    if (view?.CSS?.highlights && typeof view.Highlight === 'function') {
      this.highlight = new view.Highlight();
      view.CSS.highlights.set(this.name, this.highlight);
    }
    this.observer = new (view?.MutationObserver ?? MutationObserver)((records) => this.onMutations(records));
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
    return this.enqueue(root);
  }

  /** Removes every highlight and stops watching the page. */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.doc.defaultView?.CSS?.highlights?.delete(this.name);
    this.highlight = null;
    this.raw = [];
    this.byNode = null;
    this.accepted = [];
    this.acceptedByRange.clear();
    this.painted.clear();
    this.published = null;
    this.queue = [];
  }

  /** Registers the highlights under another name (another `::highlight()` style), live. */
  setHighlightName(name: string): void {
    if (name === this.name) return;
    const registry = this.doc.defaultView?.CSS?.highlights;
    if (registry && this.highlight) {
      registry.delete(this.name);
      registry.set(name, this.highlight);
    }
    this.name = name;
  }

  /** Accepted mentions in document order, painted or not (the keyboard and the popup reach them all). */
  mentions(): readonly PageMention[] {
    return this.accepted;
  }

  /** True when the mention is painted under the density setting. */
  isPainted(m: PageMention): boolean {
    return this.painted.has(m);
  }

  /** Paints the first mention per entity and section, or every one (settings applied live). */
  setDensity(density: Density): void {
    if (density === this.density) return;
    this.density = density;
    this.published = null;
    this.publish();
  }

  /** Hides one highlight for this page view ("not this"). */
  hide(m: PageMention): void {
    this.hidden.add(m.range);
    this.published = null;
    this.publish();
  }

  /** Re-applies the reader's corrections after they changed. */
  setSuppressed(suppressed: ((m: PageMention) => boolean) | undefined): void {
    this.opts.suppressed = suppressed;
    this.published = null;
    this.publish();
  }

  /** Shows only these entity types from now on (settings applied live). */
  setTypes(types: ReadonlySet<EntityType> | undefined): void {
    this.types = types;
    this.published = null;
    this.publish();
  }

  /** The accepted mention covering `offset` of `node`, if any (hover and keyboard hit-testing). */
  mentionAt(node: Node, offset: number): PageMention | null {
    for (const e of this.nodeIndex().get(node as Text) ?? []) {
      const m = this.acceptedByRange.get(e.range);
      if (!m || !this.painted.has(m)) continue;
      const r = e.range;
      const afterStart = r.startContainer !== node || offset >= r.startOffset;
      const beforeEnd = r.endContainer !== node || offset < r.endOffset;
      if (afterStart && beforeEnd) return m;
    }
    return null;
  }

  /** Resolves once everything queued so far is annotated. */
  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private enqueue(node: Node): Promise<void> {
    this.queue.push(node);
    // One drain at a time; it runs until the queue is empty, and the check that ends it happens
    // in the same microtask as clearing `draining`, so a node queued later always starts a new one.
    this.draining ??= (async () => {
      try {
        while (this.queue.length && !this.stopped) await this.drain();
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  /**
   * Works through the queue in slices of `sliceMs`, yielding to the page between them. The slice
   * spans roots: a page that appends thousands of small nodes queues thousands of roots, and
   * walking each in a slice of its own without yielding made one long task of them all.
   */
  private async drain(): Promise<void> {
    let busy = 0;
    let sliceStart = this.now();
    this.lastFrameAt = sliceStart;
    while (this.queue.length && !this.stopped) {
      const root = this.queue.shift()!;
      if (!root.isConnected) continue;
      this.walks++;
      this.refreshHeadings();
      const sections = this.sectionStarts;
      const walk = createTextWalk(root, { onShadowRoot: (sr) => this.watchShadowRoot(sr), now: this.now, sections });
      for (;;) {
        const deadline = sliceStart + this.sliceMs;
        const batch: TextBatch | null = walk.next(deadline);
        if (batch) this.scanBatch(batch, sections);
        if (this.now() >= deadline) {
          this.publish();
          busy += this.now() - sliceStart;
          await this.letPageRun();
          if (this.stopped) return;
          sliceStart = this.now();
        }
        if (!batch) break;
      }
    }
    this.publish();
    busy += this.now() - sliceStart;
    this.busyMs = busy;
  }

  /**
   * Gives the page its turn between two slices. A yield alone lets input through, but Chromium
   * runs a yielded continuation before rendering: a pass of many slices painted no frame until
   * it was done (75 ms on the dense bench page). So once `frameMs` have passed without a frame,
   * the pass waits for one (by default after each slice: the page's next frame then comes one
   * slice after the start, at the cost of a longer pass); a frame the page paints on its own
   * during a yield is noticed by a probe, so no wait follows it.
   */
  private async letPageRun(): Promise<void> {
    const view = this.doc.defaultView;
    if (this.waitForFrame && this.doc.visibilityState !== 'hidden') {
      if (!this.framesStalled && this.now() - this.lastFrameAt >= this.frameMs) {
        this.framesStalled = !(await this.waitForFrame());
        this.lastFrameAt = this.now();
        return;
      }
      if (!this.frameProbe && typeof view?.requestAnimationFrame === 'function') {
        this.frameProbe = true;
        view.requestAnimationFrame(() => {
          this.frameProbe = false;
          this.framesStalled = false;
          this.lastFrameAt = this.now();
        });
      }
    }
    await this.yieldToPage();
  }

  /** Open shadow roots met on the page (hit-testing must name them to see text inside). */
  shadowRoots(): ShadowRoot[] {
    return [...this.roots];
  }

  private watchShadowRoot(root: ShadowRoot): void {
    this.roots.add(root);
    this.observer?.observe(root, { childList: true, subtree: true, characterData: true });
    this.queue.push(root);
  }

  /** `sections` is the heading map the batch's walk placed its text by. */
  private scanBatch(batch: TextBatch, sections: ReadonlyMap<Element, number>): void {
    // Only a later walk (added content, a block read again) can meet text already read.
    if (this.walks > 1) {
      const index = this.nodeIndex();
      // A node the previous batch began holds this walk's own mentions, not stale ones.
      for (let i = batch.continues ? 1 : 0; i < batch.nodes.length; i++) if (index.has(batch.nodes[i]!)) this.forget(batch.nodes[i]!);
    }
    if (!batch.nodes.length) return;
    const index = this.byNode;
    const fresh: RawEntry[] = [];
    const { nodes, starts } = batch;
    const lastNode = nodes.length - 1;
    // Headings added while a long walk was under way renumber the sections: the walk's own
    // numbers are then left for paintedOf to redo.
    const placed = sections === this.sectionStarts;
    // Matches come in text order, so the node holding each one is found by moving forward.
    let si = 0;
    for (const m of scanText(this.opts.matcher, batch.text)) {
      while (si < lastNode && starts[si + 1]! <= m.start) si++;
      let ei = si;
      while (ei < lastNode && starts[ei + 1]! < m.end) ei++;
      const range = new StaticRange({
        startContainer: nodes[si]!,
        startOffset: m.start - starts[si]!,
        endContainer: nodes[ei]!,
        endOffset: m.end - starts[ei]!,
      });
      const section = batch.sections[si]!;
      const entry: RawEntry = {
        range,
        alias: m.alias,
        nodes: si === ei ? [nodes[si]!] : nodes.slice(si, ei + 1),
        section,
        sectionsVersion: placed && section >= 0 ? this.sectionsVersion : -1,
      };
      if (m.vouches) entry.vouches = true;
      fresh.push(entry);
      if (index) indexEntry(index, entry);
    }
    if (this.walks > 1) this.insertInOrder(fresh);
    else for (const e of fresh) this.raw.push(e);
  }

  /**
   * Puts a batch's mentions (in order among themselves, from one stretch of text) where they
   * belong among the others: appended when they come last, as content added at the end of a
   * page does, else placed by binary search. Sorting every mention again after each batch cost
   * thousands of `compareDocumentPosition` calls, each walking long sibling lists, per slice on a
   * page that keeps appending (a feed, or a flood of 10,000 nodes a second).
   */
  private insertInOrder(fresh: RawEntry[]): void {
    if (!fresh.length) return;
    const raw = this.raw;
    const last = raw[raw.length - 1];
    if (!last || compareRanges(last.range, fresh[0]!.range) <= 0) {
      for (const e of fresh) raw.push(e);
      return;
    }
    let lo = 0;
    let hi = raw.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareRanges(raw[mid]!.range, fresh[0]!.range) <= 0) lo = mid + 1;
      else hi = mid;
    }
    raw.splice(lo, 0, ...fresh);
    this.published = null;
    // Mentions of this batch interleaved with others (text around a shadow root, say): sort once.
    if (lo < raw.length - fresh.length && compareRanges(fresh[fresh.length - 1]!.range, raw[lo + fresh.length]!.range) > 0) this.inOrder = false;
  }

  private nodeIndex(): Map<Text, RawEntry[]> {
    if (!this.byNode) {
      this.byNode = new Map();
      for (const e of this.raw) indexEntry(this.byNode, e);
    }
    return this.byNode;
  }

  private forget(node: Text): void {
    const index = this.nodeIndex();
    const gone = new Set(index.get(node));
    this.raw = this.raw.filter((e) => !gone.has(e));
    this.published = null;
    for (const e of gone) for (const n of e.nodes) index.delete(n);
  }

  /**
   * Page-level rules over everything found so far, then the highlight is brought up to date by
   * adding and deleting only what changed: re-adding every range after each slice made the
   * browser repaint all of them on every frame. Entries appended since the last publish are
   * added on their own when they change no earlier verdict, placement or density choice.
   */
  private publish(): void {
    if (!this.inOrder) {
      this.raw.sort((a, b) => compareRanges(a.range, b.range));
      this.inOrder = true;
      this.published = null;
    }
    this.keepRegistered();
    if (!this.publishAppended()) this.publishAll();
  }

  /** A page may clear `CSS.highlights` (its own highlighting code, or hostility): the reader's highlights come back with the page's next change. */
  private keepRegistered(): void {
    const registry = this.doc.defaultView?.CSS?.highlights;
    if (this.highlight && registry && registry.get(this.name) !== this.highlight) registry.set(this.name, this.highlight);
  }

  private publishAll(): void {
    const { table } = this.opts.matcher;
    const ordered = this.raw;
    const rules = pageRuleState(table, ordered);
    const accepted: PageMention[] = [];
    const acceptedEntries: RawEntry[] = [];
    const next = new Map<StaticRange, PageMention>();
    for (let i = 0; i < ordered.length; i++) {
      const entry = ordered[i]!;
      const mention = this.mentionOf(entry, ruleOf(table, rules, entry));
      if (!mention) continue;
      accepted.push(mention);
      acceptedEntries.push(entry);
      next.set(entry.range, mention);
    }
    const { painted, isPainted } = this.paintedOf(accepted, acceptedEntries);
    if (this.highlight) {
      for (const m of this.painted) if (!painted.has(m)) this.highlight.delete(m.range);
      for (const m of painted) if (!this.painted.has(m)) this.highlight.add(m.range);
    }
    const changed = accepted.length !== this.accepted.length || accepted.some((m, i) => m !== this.accepted[i]);
    this.accepted = accepted;
    this.acceptedByRange = next;
    this.painted = painted;
    this.published = { rules, count: ordered.length, isPainted, sectionsVersion: this.sectionsVersion };
    if (changed) this.opts.onChange?.(accepted);
  }

  /**
   * Publishes only the entries appended since the last publish, or returns false (nothing done)
   * when they would change what was published: a first core mention, a full name for an
   * ambiguous name met earlier, or an entry the walk could not place.
   */
  private publishAppended(): boolean {
    const last = this.published;
    if (!last || last.sectionsVersion !== this.sectionsVersion) return false;
    const { table } = this.opts.matcher;
    const fresh = this.raw.slice(last.count);
    if (this.density !== 'all' && fresh.some((e) => e.sectionsVersion !== this.sectionsVersion)) return false;
    if (!extendPageRuleState(table, last.rules, fresh)) return false;
    const added: PageMention[] = [];
    for (const entry of fresh) {
      const mention = this.mentionOf(entry, ruleOf(table, last.rules, entry));
      if (!mention) continue;
      added.push(mention);
      this.acceptedByRange.set(entry.range, mention);
      if (last.isPainted(mention.entity, entry.section)) {
        this.painted.add(mention);
        this.highlight?.add(mention.range);
      }
    }
    last.count = this.raw.length;
    if (added.length) {
      this.accepted = this.accepted.concat(added);
      this.opts.onChange?.(this.accepted);
    }
    return true;
  }

  /** The entry as an accepted mention under `rule` and the reader's settings, or null. */
  private mentionOf(entry: RawEntry, rule: Rule | null): PageMention | null {
    if (!rule) return null;
    const { table } = this.opts.matcher;
    const { range, alias } = entry;
    const entity = table.aliases[alias]!.entity;
    if (this.types && !this.types.has(table.entities[entity]!.type)) return null;
    if (this.hidden.has(range)) return null;
    const mention = this.acceptedByRange.get(range) ?? { range, entity, alias, rule };
    if (mention.rule !== rule) mention.rule = rule;
    if (this.opts.suppressed?.(mention)) return null;
    return mention;
  }

  /** The mentions painted under the density setting: the first per entity and section by default. */
  private paintedOf(accepted: readonly PageMention[], entries: readonly RawEntry[]): { painted: Set<PageMention>; isPainted: (entity: number, section: number) => boolean } {
    const isPainted = densityFilter(this.density);
    if (this.density === 'all' || !accepted.length) return { painted: new Set(accepted), isPainted };
    // Mentions are placed once and kept until the headings change: placing every mention again
    // on each publish (after each 8 ms slice of a long page) cost more than finding them.
    this.refreshHeadings();
    // Mentions the walk did not place, in document order like all of them, are placed in one
    // merge with the visible headings: a binary search for the first of a run, then the heading
    // pointer only moves forward.
    const painted = new Set<PageMention>();
    let h = -1;
    for (let i = 0; i < accepted.length; i++) {
      const m = accepted[i]!;
      const entry = entries[i]!;
      let section = entry.section;
      if (entry.sectionsVersion !== this.sectionsVersion) {
        const visible = (this.visibleHeadings ??= this.headings.filter((el) => !isInSkippedSubtree(el)));
        const node = this.anchorOf(m);
        if (h < 0) h = sectionOf(node, visible);
        else while (h < visible.length && !headingFollows(visible[h]!, node)) h++;
        section = h === 0 ? 0 : this.sectionStarts.get(visible[h - 1]!)!;
        entry.section = section;
        entry.sectionsVersion = this.sectionsVersion;
      } else {
        h = -1;
      }
      if (isPainted(m.entity, section)) painted.add(m);
    }
    return { painted, isPainted };
  }

  /** Reads the page's headings again after nodes were added or removed. */
  private refreshHeadings(): void {
    if (!this.headingsStale) return;
    this.headingsStale = false;
    const headings = Array.from(this.doc.querySelectorAll(SECTION_HEADINGS));
    // Filtered again on demand after any change of the page's nodes.
    this.visibleHeadings = null;
    if (sameNodes(headings, this.headings)) return;
    this.headings = headings;
    this.sectionStarts = new Map(headings.map((h, i) => [h, i + 1]));
    this.sectionsVersion++;
  }

  /** The node a mention is placed by: its text, or for text in a shadow root, the host in the document. */
  private anchorOf(m: PageMention): Node {
    let n: Node = m.range.startContainer;
    for (let root = n.getRootNode(); root !== this.doc && (root as ShadowRoot).host; root = n.getRootNode()) n = (root as ShadowRoot).host;
    return n;
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.stopped) return;
    let removed = false;
    const added = new Set<Node>();
    for (const r of records) {
      if (isOwnUi(r.target)) continue;
      if (r.type === 'characterData') {
        if (this.nodeIndex().has(r.target as Text)) this.forget(r.target as Text);
        // Re-read the whole block: a name can span inline markup ("Marcelo <b>Ebrard</b>").
        added.add(blockAncestor(r.target));
        continue;
      }
      if (r.removedNodes.length) removed = true;
      if (r.removedNodes.length || r.addedNodes.length) this.headingsStale = true;
      r.addedNodes.forEach((n) => {
        if (!isOwnUi(n)) added.add(n.nodeType === 3 ? blockAncestor(n) : n);
      });
    }
    if (removed) {
      this.published = null;
      this.raw = this.raw.filter((e) => {
        const alive = e.nodes.every((n) => n.isConnected);
        if (!alive && this.byNode) for (const n of e.nodes) this.byNode.delete(n);
        return alive;
      });
    }
    // Skip nodes inside another added node (the ancestor's walk covers them), and anything that
    // changed inside an editable region, code, a form field or another subtree we never annotate.
    // Ancestors are looked up in the set (not `contains` against every other node): a page that
    // appends 10,000 nodes at once would otherwise cost 10,000² checks in one task.
    const insideAnother = (n: Node) => {
      for (let p = n.parentNode; p; p = p.parentNode) if (added.has(p)) return true;
      return false;
    };
    const roots = [...added].filter((n) => n.isConnected && !isInSkippedSubtree(n) && !insideAnother(n));
    if (roots.length) for (const n of roots) void this.enqueue(n);
    else if (removed) this.publish();
  }
}

function indexEntry(index: Map<Text, RawEntry[]>, entry: RawEntry): void {
  for (const n of entry.nodes) {
    const list = index.get(n);
    if (list) list.push(entry);
    else index.set(n, [entry]);
  }
}

function isOwnUi(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    if (n.nodeType === 1 && (n as Element).tagName.startsWith(OWN_UI_PREFIX)) return true;
  }
  return false;
}

function compareRanges(a: StaticRange, b: StaticRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const pos = a.startContainer.compareDocumentPosition(b.startContainer);
  return pos & 4 ? -1 : pos & 2 ? 1 : 0;
}
