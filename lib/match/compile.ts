import { isSoftGap as importedIsSoftGap } from './chars';
import { namedByArticle, refusedByContext } from './context';
import type { MatcherTable, TableAlias } from './table';
import { Shape, hashFolded, shapeOf, tokenIs, tokenKey, tokenize, type Tokens } from './tokenize';

// A module-local binding: unbundled (Node, tests, bench), an imported function is read through a getter.
const isSoftGap = importedIsSoftGap;

/** What each word of an alias demands of the case of the text it meets. */
const enum CaseRule {
  Any = 0,
  /** Acronym letters: "USAID", or "Usaid" as the Spanish press writes it. */
  CapitalsOrTitle = 1,
  /** Acronym whose title case is a common word ("SEP" but never "Sep"). */
  CapitalsOnly = 2,
  /** Ambiguous names keep their capital ("Mesa", never "mesa"). */
  Capitalized = 3,
}

/**
 * An alias as the scan confirms it. Everything `accepts` reads is on this one object (no lookups
 * back into the table), since at scale each extra object read is a cache miss per match.
 */
interface Candidate {
  alias: number;
  entry: TableAlias;
  words: number;
  keys: string[];
  cases: Uint8Array;
  /** True when no word has a case rule, the common case, so the case loop is skipped. */
  anyCase: boolean;
  /** Characters the alias itself has between word j and j+1 beyond the usual soft gap ("2.0"). */
  gapExtra: string[];
  /** Ambiguous aliases and organizations are checked against their neighbours (see context.ts). */
  checkContext: boolean;
  isOrganization: boolean;
}

/**
 * The word trie, flat: nodes are integers (0 is the root) and every edge "node, word hash → child"
 * is one slot of an open-addressing table in a typed array. A trie rather than one candidate list
 * per first word, because at scale many aliases share a first word ("Secretaría de …", "U.S. …")
 * and trying each of them at every such word made the scan linear in their number. Flat rather
 * than a `Map` per node, and each slot's fields side by side, because at 20,000 aliases the scan's
 * cost was memory reads, not work: every hop of a `Map` per node, or of separate key and value
 * arrays, is another cache miss.
 */
interface Trie {
  /**
   * The root's edges, the lookup every word of a page makes: slots of [word hash, child], kept
   * apart from the deeper edges so that this table stays small enough to stay in cache.
   */
  rootEdges: Int32Array;
  rootMask: number;
  /** Edges below the root: slots of [parent, word hash, child, unused]; child 0 = empty slot. */
  edges: Int32Array;
  mask: number;
  /** 1 where a node has children, so a walk stops without a lookup at the leaves. */
  hasChildren: Uint8Array;
  /** Candidates ending at each node, longest keys first. */
  ends: (Candidate[] | undefined)[];
}

/** A compiled alias table, ready to scan any number of texts. */
export interface Matcher {
  table: MatcherTable;
  trie: Trie;
}

function slotOf(parent: number, h: number, mask: number): number {
  return Math.imul(h ^ Math.imul(parent, 0x27d4eb2d), 0x9e3779b1) >>> 12 & mask;
}

/** The slot of the root's edge along word hash `h`, or the empty slot where it would go. */
function rootSlot(trie: Trie, h: number): number {
  const { rootEdges, rootMask } = trie;
  let slot = slotOf(0, h, rootMask);
  while (rootEdges[slot * 2 + 1] !== 0 && rootEdges[slot * 2] !== h) slot = (slot + 1) & rootMask;
  return slot;
}

/** The slot of the edge of `parent` (not the root) along word hash `h`, or the empty slot where it would go. */
function edgeSlot(trie: Trie, parent: number, h: number): number {
  const { edges, mask } = trie;
  let slot = slotOf(parent, h, mask);
  while (edges[slot * 4 + 2] !== 0 && !(edges[slot * 4 + 1] === h && edges[slot * 4] === parent)) slot = (slot + 1) & mask;
  return slot;
}

/** The root's child along word hash `h`, or 0. */
function rootChild(trie: Trie, h: number): number {
  return trie.rootEdges[rootSlot(trie, h) * 2 + 1]!;
}

/** The child of `parent` (not the root) along word hash `h`, or 0. */
function childOf(trie: Trie, parent: number, h: number): number {
  return trie.edges[edgeSlot(trie, parent, h) * 4 + 2]!;
}

/** A power of two at least twice `n`, so probes for a missing word stay short. */
function tableSize(n: number): number {
  let size = 16;
  while (size < n * 2) size <<= 1;
  return size;
}

/**
 * Builds the flat trie from the aliases' word hashes. The tables are sized for the worst case
 * (every word a new edge) up front, so edges go straight into their slots as they are found.
 */
function buildTrie(paths: { hashes: Int32Array; cand: Candidate }[]): Trie {
  let words = 0;
  for (const p of paths) words += p.hashes.length;
  const rootSlots = tableSize(paths.length);
  const slots = tableSize(words);
  const ends: (Candidate[] | undefined)[] = [undefined];
  const trie: Trie = {
    rootEdges: new Int32Array(rootSlots * 2),
    rootMask: rootSlots - 1,
    edges: new Int32Array(slots * 4),
    mask: slots - 1,
    hasChildren: new Uint8Array(words + 1),
    ends,
  };
  for (const { hashes, cand } of paths) {
    let node = 0;
    for (let k = 0; k < hashes.length; k++) {
      const h = hashes[k]!;
      const slot = node === 0 ? rootSlot(trie, h) : edgeSlot(trie, node, h);
      const found = node === 0 ? trie.rootEdges[slot * 2 + 1]! : trie.edges[slot * 4 + 2]!;
      if (found !== 0) {
        node = found;
        continue;
      }
      const child = ends.length;
      ends.push(undefined);
      if (node === 0) {
        trie.rootEdges[slot * 2] = h;
        trie.rootEdges[slot * 2 + 1] = child;
      } else {
        trie.edges[slot * 4] = node;
        trie.edges[slot * 4 + 1] = h;
        trie.edges[slot * 4 + 2] = child;
        trie.hasChildren[node] = 1;
      }
      node = child;
    }
    const here = (ends[node] ??= []);
    here.push(cand);
    // Same word hashes, so a hash collision or a different spelling: the longer keys first.
    if (here.length > 1) here.sort((x, y) => y.keys.join(' ').length - x.keys.join(' ').length);
  }
  return trie;
}

/** A match before page-level rules: token run `[start, end)` of the text for `alias`. */
export interface RawMatch {
  start: number;
  end: number;
  alias: number;
  /** An ambiguous acronym used as a name ("del DEAN"): it may count as the page's core mention. */
  vouches?: true;
}

/**
 * Compiles the table into a trie of word hashes. At each position the deepest alias is tried
 * first, so "Secretaría de Economía" wins over "Secretaría" at the same position.
 */
export function compileMatcher(table: MatcherTable): Matcher {
  const paths: { hashes: Int32Array; cand: Candidate }[] = [];
  table.aliases.forEach((a, index) => {
    const toks = tokenize(a.text);
    if (toks.count === 0) return;
    const keys: string[] = [];
    const hashes = new Int32Array(toks.count);
    const cases = new Uint8Array(toks.count);
    const gapExtra: string[] = [];
    for (let k = 0; k < toks.count; k++) {
      const key = tokenKey(a.text, toks, k);
      keys.push(key);
      hashes[k] = hashFolded(key);
      cases[k] = caseRuleFor(a, toks, k);
      if (k > 0) {
        let extra = '';
        for (let i = toks.end[k - 1]!; i < toks.start[k]!; i++) {
          if (!isSoftGap(a.text.charCodeAt(i))) extra += a.text[i];
        }
        gapExtra.push(extra);
      }
    }
    const isOrganization = table.entities[a.entity]!.type === 'organization';
    const checkContext = a.ambiguous !== undefined || isOrganization;
    const anyCase = cases.every((c) => c === CaseRule.Any);
    paths.push({ hashes, cand: { alias: index, entry: a, words: toks.count, keys, cases, anyCase, gapExtra, checkContext, isOrganization } });
  });
  return { table, trie: buildTrie(paths) };
}

function caseRuleFor(a: TableAlias, toks: Tokens, k: number): CaseRule {
  const shape = shapeOf(a.text, toks, k);
  if (a.acronym) {
    if (!(shape & Shape.AllUpper)) return CaseRule.Any;
    return a.titleCaseIsWord || toks.end[k]! - toks.start[k]! < 2 ? CaseRule.CapitalsOnly : CaseRule.CapitalsOrTitle;
  }
  if (a.ambiguous && shape & Shape.FirstUpper) return CaseRule.Capitalized;
  return CaseRule.Any;
}

function caseOk(rule: CaseRule, shape: number): boolean {
  switch (rule) {
    case CaseRule.Any:
      return true;
    case CaseRule.CapitalsOnly:
      return (shape & Shape.AllUpper) !== 0;
    case CaseRule.CapitalsOrTitle:
      return (shape & Shape.AllUpper) !== 0 || (shape & (Shape.FirstUpper | Shape.RestLower)) === (Shape.FirstUpper | Shape.RestLower);
    case CaseRule.Capitalized:
      return (shape & Shape.FirstUpper) !== 0;
  }
}

/** A name may break across one line, never across a paragraph (two line breaks). */
function gapOk(text: string, from: number, to: number, extra: string): boolean {
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) continue; // nearly every gap: no set lookup
    if (c === 0x0a && ++newlines > 1) return false;
    if (!isSoftGap(c) && !extra.includes(text[i]!)) return false;
  }
  return true;
}

/**
 * Finds every alias occurrence in `text`, leftmost first and longest at each position, with no
 * overlaps. Page-level rules (ambiguity, scope) are applied afterwards by `applyPageRules`.
 */
export function scanText(matcher: Matcher, text: string, tokens: Tokens = tokenize(text)): RawMatch[] {
  const out: RawMatch[] = [];
  const { count, start, end, hash } = tokens;
  const { trie } = matcher;
  const { hasChildren, ends } = trie;
  const path: number[] = [];
  for (let k = 0; k < count; k++) {
    let node = rootChild(trie, hash[k]!);
    if (node === 0) continue;
    let depth = 0;
    path[depth++] = node;
    while (hasChildren[node] === 1 && k + depth < count) {
      const deeper = childOf(trie, node, hash[k + depth]!);
      if (deeper === 0) break;
      node = deeper;
      path[depth++] = node;
    }
    let matched = 0;
    for (let d = depth - 1; d >= 0 && matched === 0; d--) {
      const here = ends[path[d]!];
      if (here === undefined) continue;
      for (const cand of here) {
        if (accepts(text, tokens, k, cand)) {
          matched = cand.words;
          const vouches = cand.checkContext && namedByArticle(text, tokens, k, cand.entry);
          const to = abbreviationEnd(text, start[k + matched - 1]!, end[k + matched - 1]!);
          out.push(vouches ? { start: start[k]!, end: to, alias: cand.alias, vouches } : { start: start[k]!, end: to, alias: cand.alias });
          break;
        }
      }
    }
    if (matched > 0) k += matched - 1;
  }
  return out;
}

/**
 * Where a mention ending with token `[from, to)` ends: a dotted abbreviation keeps its closing
 * period ("the E.P.A. said", "de EE.UU. ayer"), which the token leaves out because a period after
 * a word usually ends the sentence. At the end of a sentence the abbreviation's period is the
 * sentence's too, so it still belongs to the mention.
 */
function abbreviationEnd(text: string, from: number, to: number): number {
  if (text.charCodeAt(to) !== 0x2e) return to;
  for (let i = from + 1; i < to; i++) if (text.charCodeAt(i) === 0x2e) return to + 1;
  return to;
}

/** Whether `cand` (whose word hashes the trie already matched at `k`) really occurs there. */
function accepts(text: string, tokens: Tokens, k: number, cand: Candidate): boolean {
  const { start, end } = tokens;
  const n = cand.words;
  for (let j = 0; j < n; j++) {
    const t = k + j;
    if (!cand.anyCase && !caseOk(cand.cases[j] as CaseRule, shapeOf(text, tokens, t))) return false;
    if (j > 0 && !gapOk(text, end[t - 1]!, start[t]!, cand.gapExtra[j - 1]!)) return false;
  }
  // Hashes can collide: confirm the words themselves before accepting.
  for (let j = 0; j < n; j++) if (!tokenIs(text, tokens, k + j, cand.keys[j]!)) return false;
  return !cand.checkContext || refusedByContext(text, tokens, k, k + n - 1, cand.entry, cand.isOrganization) === null;
}
