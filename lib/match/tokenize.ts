import { CharClass, LATIN_END, UPPER, WORD_FOLD, charClass, foldCode, isUpper, wordFoldHigh } from './chars';

// Module-local copies for the hot loop: where modules are not bundled (Node, tsx, vitest) every
// read of an imported binding goes through a getter, which made tokenizing three times slower.
const FOLD = WORD_FOLD;
const UP = UPPER;
const LATIN = LATIN_END;
const classOf = charClass;
const fold = foldCode;

/** Case shape bits of a token, read from its original letters. */
export const enum Shape {
  FirstUpper = 1,
  AllUpper = 2,
  RestLower = 4,
}

/**
 * Tokens of a text as parallel typed arrays, so a 1 MB page tokenizes without one string
 * allocation. `hash` is an FNV-1a hash of the folded token; keys are compared only on a hash hit.
 * The case shape of a token is read only where a rule asks (`shapeOf`): few tokens start an alias.
 */
export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  hash: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
/**
 * Hashes are kept to 30 bits so that they are small integers to V8 (31-bit with pointer
 * compression): a full 32-bit key is boxed as a heap number on every Map lookup, and the scan then
 * spent more time collecting garbage than matching.
 */
const SMI_MASK = 0x3fffffff;

/** The hash the tokenizer gives a folded token, for building lookup tables. */
export function hashFolded(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h & SMI_MASK;
}

/**
 * Splits text into word tokens (Unicode letters and digits). Dotted abbreviations of one- or
 * two-letter segments are one token ("U.S." and "EE.UU." read as "us" and "eeuu") so that
 * "U.S. Department" and "US Department" are the same words.
 */
export function tokenize(text: string): Tokens {
  let cap = Math.max(16, text.length >> 2);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let hash = new Int32Array(cap);
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let f = c < LATIN ? FOLD[c]! : wordFoldHigh(c);
    if (f <= 1) {
      i++;
      continue;
    }
    const s = i;
    let h = FNV_OFFSET;
    let segment = 0;
    for (;;) {
      if (f > 1) {
        h = Math.imul(h ^ f, FNV_PRIME);
        segment++;
      } else if (f === 0) {
        // "U.S" / "EE.UU": a period after a short segment, followed by a letter, joins the token.
        // "EE. UU.", with the space the Spanish style guides ask for, is one token too.
        if (c === 0x2e && segment <= 2 && !isDigit(text.charCodeAt(i - 1))) {
          if (isShortLetterRun(text, i + 1, false)) segment = 0;
          else if (text.charCodeAt(i + 1) === 0x20 && isShortLetterRun(text, i + 2, true)) {
            segment = 0;
            i++;
          } else break;
        } else break;
      }
      i++;
      if (i >= n) break;
      c = text.charCodeAt(i);
      f = c < LATIN ? FOLD[c]! : wordFoldHigh(c);
    }
    if (count === cap) {
      cap *= 2;
      start = grow(start, cap);
      end = grow(end, cap);
      hash = grow(hash, cap);
    }
    start[count] = s;
    end[count] = i;
    hash[count] = h & SMI_MASK;
    count++;
  }
  return { count, start, end, hash };
}

/** Case shape bits of token `k`, from its letters (digits and periods do not count). */
export function shapeOf(text: string, tokens: Tokens, k: number): number {
  let first = true;
  let firstUpper = false;
  let allUpper = true;
  let restLower = true;
  let letters = 0;
  const to = tokens.end[k]!;
  for (let i = tokens.start[k]!; i < to; i++) {
    const c = text.charCodeAt(i);
    if (classOf(c) !== CharClass.Word || (c >= 0x30 && c <= 0x39)) continue;
    const up = c < LATIN ? UP[c] === 1 : isUpper(c);
    if (first) firstUpper = up;
    else if (up) restLower = false;
    if (!up) allUpper = false;
    first = false;
    letters++;
  }
  return (firstUpper ? Shape.FirstUpper : 0) | (allUpper && letters > 0 ? Shape.AllUpper : 0) | (restLower ? Shape.RestLower : 0);
}

/** At `j`: a letter (and, with `dotted`, one or two letters then a period). */
function isShortLetterRun(text: string, j: number, dotted: boolean): boolean {
  const c = text.charCodeAt(j);
  if (!(charClass(c) === CharClass.Word && !isDigit(c))) return false;
  if (!dotted) return true;
  let k = j;
  while (k < text.length && k - j < 3 && charClass(text.charCodeAt(k)) === CharClass.Word) k++;
  return k - j <= 2 && text.charCodeAt(k) === 0x2e;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function grow(a: Int32Array<ArrayBuffer>, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

/**
 * Whether token `k` folds to `key`, compared in place: the scan confirms every hash hit this way,
 * and building the token's string first made the confirmation cost more than finding the hit.
 */
export function tokenIs(text: string, tokens: Tokens, k: number, key: string): boolean {
  let j = 0;
  const to = tokens.end[k]!;
  for (let i = tokens.start[k]!; i < to; i++) {
    const c = text.charCodeAt(i);
    if (classOf(c) !== CharClass.Word) continue;
    if (j === key.length || fold(c) !== key.charCodeAt(j)) return false;
    j++;
  }
  return j === key.length;
}

/**
 * A set of folded words that tokens are tested against by hash first: a token's hash is already
 * computed, so most tokens are ruled out without reading their letters.
 */
export class WordSet {
  private readonly byHash = new Map<number, string[]>();
  constructor(words: Iterable<string>) {
    for (const w of words) {
      const h = hashFolded(w);
      const same = this.byHash.get(h);
      if (same) same.push(w);
      else this.byHash.set(h, [w]);
    }
  }
  /** Whether token `k` of `text` is one of the words. */
  has(text: string, tokens: Tokens, k: number): boolean {
    const same = this.byHash.get(tokens.hash[k]!);
    if (same === undefined) return false;
    for (const w of same) if (tokenIs(text, tokens, k, w)) return true;
    return false;
  }
}

/** The folded key of token `k` (letters only, periods of abbreviations dropped). */
export function tokenKey(text: string, tokens: Tokens, k: number): string {
  let out = '';
  for (let i = tokens.start[k]!; i < tokens.end[k]!; i++) {
    const c = text.charCodeAt(i);
    if (classOf(c) === CharClass.Word) out += String.fromCharCode(fold(c));
  }
  return out;
}
