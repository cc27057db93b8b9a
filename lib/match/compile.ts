import { isSoftGap as importedIsSoftGap } from './chars';
import { namedByArticle, refusedByContext } from './context';
import type { MatcherTable } from './table';
import { Shape, hashFolded, tokenKey, tokenize, type Tokens } from './tokenize';

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

interface Candidate {
  alias: number;
  hashes: Int32Array;
  keys: string[];
  cases: Uint8Array;
  /** Characters the alias itself has between word j and j+1 beyond the usual soft gap ("2.0"). */
  gapExtra: string[];
  /** Ambiguous aliases and organizations are checked against their neighbours (see context.ts). */
  checkContext: boolean;
}

/**
 * A node of the word trie: the aliases whose words' hashes spell the path to it end here. A trie
 * rather than one candidate list per first word, because at scale many aliases share a first word
 * ("Secretaría de …", "U.S. …") and trying each of them at every such word made the scan linear in
 * their number; the trie follows only the words the text actually has.
 */
interface TrieNode {
  next: Map<number, TrieNode> | undefined;
  /** Candidates ending here, longest keys first. */
  ends: Candidate[] | undefined;
}

/** A compiled alias table, ready to scan any number of texts. */
export interface Matcher {
  table: MatcherTable;
  root: Map<number, TrieNode>;
  /** `root` again as an open-addressing table (see `rootIndex`), for the per-word lookup. */
  rootKeys: Int32Array;
  rootNodes: TrieNode[];
  rootMask: number;
  aliasCount: number;
}

/**
 * Most words of a page start no alias, so the scan's cost is one root lookup per word: an
 * open-addressing table of typed arrays answers a miss in one or two reads, faster than a Map.
 * Keys are the tokenizer's hashes plus one (0 marks an empty slot).
 */
function rootIndex(root: Map<number, TrieNode>): Pick<Matcher, 'rootKeys' | 'rootNodes' | 'rootMask'> {
  let size = 16;
  while (size < root.size * 2) size <<= 1;
  const rootKeys = new Int32Array(size);
  const rootNodes: TrieNode[] = new Array(size);
  const rootMask = size - 1;
  for (const [h, node] of root) {
    let slot = slotOf(h, rootMask);
    while (rootKeys[slot] !== 0) slot = (slot + 1) & rootMask;
    rootKeys[slot] = h + 1;
    rootNodes[slot] = node;
  }
  return { rootKeys, rootNodes, rootMask };
}

function slotOf(h: number, mask: number): number {
  return Math.imul(h, 0x9e3779b1) >>> 15 & mask;
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
  const root = new Map<number, TrieNode>();
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
    const checkContext = a.ambiguous !== undefined || table.entities[a.entity]!.type === 'organization';
    const cand: Candidate = { alias: index, hashes, keys, cases, gapExtra, checkContext };
    let level = root;
    let node: TrieNode | undefined;
    for (let k = 0; k < hashes.length; k++) {
      node = level.get(hashes[k]!);
      if (node === undefined) {
        node = { next: undefined, ends: undefined };
        level.set(hashes[k]!, node);
      }
      if (k + 1 < hashes.length) level = node.next ??= new Map();
    }
    if (node!.ends === undefined) node!.ends = [cand];
    else {
      node!.ends.push(cand);
      // Same word hashes, so a hash collision or a different spelling: the longer keys first.
      node!.ends.sort((x, y) => y.keys.join(' ').length - x.keys.join(' ').length);
    }
  });
  return { table, root, ...rootIndex(root), aliasCount: table.aliases.length };
}

function caseRuleFor(a: MatcherTable['aliases'][number], toks: Tokens, k: number): CaseRule {
  const shape = toks.shape[k]!;
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
  const path: TrieNode[] = [];
  const { rootKeys, rootNodes, rootMask } = matcher;
  for (let k = 0; k < count; k++) {
    const h = hash[k]!;
    let slot = slotOf(h, rootMask);
    let key = rootKeys[slot]!;
    while (key !== 0 && key !== h + 1) {
      slot = (slot + 1) & rootMask;
      key = rootKeys[slot]!;
    }
    if (key === 0) continue;
    let node = rootNodes[slot]!;
    let depth = 0;
    path[depth++] = node;
    while (node.next !== undefined && k + depth < count) {
      const deeper: TrieNode | undefined = node.next.get(hash[k + depth]!);
      if (deeper === undefined) break;
      node = deeper;
      path[depth++] = node;
    }
    let matched = 0;
    for (let d = depth - 1; d >= 0 && matched === 0; d--) {
      const ends = path[d]!.ends;
      if (ends === undefined) continue;
      for (const cand of ends) {
        if (accepts(matcher, text, tokens, k, cand)) {
          matched = cand.hashes.length;
          const m: RawMatch = { start: start[k]!, end: end[k + matched - 1]!, alias: cand.alias };
          if (cand.checkContext && namedByArticle(text, tokens, k, matcher.table.aliases[cand.alias]!)) m.vouches = true;
          out.push(m);
          break;
        }
      }
    }
    if (matched > 0) k += matched - 1;
  }
  return out;
}

/** Whether `cand` (whose word hashes the trie already matched at `k`) really occurs there. */
function accepts(matcher: Matcher, text: string, tokens: Tokens, k: number, cand: Candidate): boolean {
  const { start, end, shape } = tokens;
  const n = cand.hashes.length;
  for (let j = 0; j < n; j++) {
    const t = k + j;
    if (!caseOk(cand.cases[j] as CaseRule, shape[t]!)) return false;
    if (j > 0 && !gapOk(text, end[t - 1]!, start[t]!, cand.gapExtra[j - 1]!)) return false;
  }
  // Hashes can collide: confirm the words themselves before accepting.
  for (let j = 0; j < n; j++) if (tokenKey(text, tokens, k + j) !== cand.keys[j]) return false;
  if (cand.checkContext) {
    const alias = matcher.table.aliases[cand.alias]!;
    const isOrganization = matcher.table.entities[alias.entity]!.type === 'organization';
    if (refusedByContext(text, tokens, k, k + n - 1, alias, isOrganization)) return false;
  }
  return true;
}
