import { isSoftGap } from './chars';
import { refusedByContext } from './context';
import type { MatcherTable } from './table';
import { Shape, hashFolded, tokenKey, tokenize, type Tokens } from './tokenize';

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

/** A compiled alias table, ready to scan any number of texts. */
export interface Matcher {
  table: MatcherTable;
  byFirst: Map<number, Candidate[]>;
  aliasCount: number;
}

/** A match before page-level rules: token run `[start, end)` of the text for `alias`. */
export interface RawMatch {
  start: number;
  end: number;
  alias: number;
}

/**
 * Compiles the table into a first-word hash index. Candidates sharing a first word are tried
 * longest first, so "Secretaría de Economía" wins over "Secretaría" at the same position.
 */
export function compileMatcher(table: MatcherTable): Matcher {
  const byFirst = new Map<number, Candidate[]>();
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
    const list = byFirst.get(hashes[0]!);
    if (list) list.push(cand);
    else byFirst.set(hashes[0]!, [cand]);
  });
  for (const list of byFirst.values()) {
    list.sort((x, y) => y.keys.length - x.keys.length || y.keys.join(' ').length - x.keys.join(' ').length);
  }
  return { table, byFirst, aliasCount: table.aliases.length };
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
  const { count, start, end, hash, shape } = tokens;
  const { byFirst } = matcher;
  for (let k = 0; k < count; k++) {
    const list = byFirst.get(hash[k]!);
    if (list === undefined) continue;
    for (const cand of list) {
      const n = cand.hashes.length;
      if (k + n > count) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        const t = k + j;
        ok =
          hash[t] === cand.hashes[j] &&
          caseOk(cand.cases[j] as CaseRule, shape[t]!) &&
          (j === 0 || gapOk(text, end[t - 1]!, start[t]!, cand.gapExtra[j - 1]!));
      }
      // Hashes can collide: confirm the words themselves before accepting.
      for (let j = 0; j < n && ok; j++) ok = tokenKey(text, tokens, k + j) === cand.keys[j];
      if (!ok) continue;
      if (cand.checkContext) {
        const alias = matcher.table.aliases[cand.alias]!;
        const isOrganization = matcher.table.entities[alias.entity]!.type === 'organization';
        if (refusedByContext(text, tokens, k, k + n - 1, alias, isOrganization)) continue;
      }
      out.push({ start: start[k]!, end: end[k + n - 1]!, alias: cand.alias });
      k += n - 1;
      break;
    }
  }
  return out;
}
