/**
 * Character tables for the matcher's hot loop. Folding is per UTF-16 code unit so the scan never
 * allocates: lower-case, accents removed (Ramírez = Ramirez), but ñ kept apart from n because
 * they are different letters in Spanish (año ≠ ano).
 */

const TABLE_SIZE = 0x250; // Basic Latin through Latin Extended-B: every letter of English and Spanish.

/** 0 = separator, 1 = word character, 2 = ignorable inside a word (combining accent, soft hyphen). */
export const enum CharClass {
  Separator = 0,
  Word = 1,
  Ignorable = 2,
}

const classTable = new Uint8Array(TABLE_SIZE);
const foldTable = new Uint16Array(TABLE_SIZE);
const lowerTable = new Uint16Array(TABLE_SIZE);

const WORD_CHAR = /[\p{L}\p{N}]/u;
const COMBINING = /\p{M}/u;

function stripAccent(ch: string): string {
  if (ch === 'ñ' || ch === 'Ñ') return 'ñ';
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
  return base.length === 1 ? base.toLowerCase() : ch.toLowerCase();
}

for (let c = 0; c < TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  lowerTable[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  if (WORD_CHAR.test(ch)) {
    classTable[c] = CharClass.Word;
    const folded = stripAccent(ch);
    foldTable[c] = folded.length === 1 ? folded.charCodeAt(0) : lowerTable[c]!;
  } else {
    classTable[c] = c === 0xad ? CharClass.Ignorable : CharClass.Separator;
    foldTable[c] = c;
  }
}

/**
 * The tokenizer's hot-loop table, one lookup per character: 0 = separator, 1 = ignorable inside
 * a word, anything else = a word character's folded code. (Function calls per character cost
 * most before the JIT warms up, and a content script runs once per page: it is always cold.)
 */
export const WORD_FOLD = new Uint16Array(TABLE_SIZE);
/** 1 for upper-case letters of the same range. */
export const UPPER = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  WORD_FOLD[c] = classTable[c] === CharClass.Word ? foldTable[c]! : classTable[c] === CharClass.Ignorable ? 1 : 0;
  UPPER[c] = lowerTable[c] !== c ? 1 : 0;
}
export const LATIN_END = TABLE_SIZE;

/** `WORD_FOLD`'s encoding for characters past the table. */
export function wordFoldHigh(c: number): number {
  const cls = charClass(c);
  return cls === CharClass.Word ? foldCode(c) || 2 : cls === CharClass.Ignorable ? 1 : 0;
}

const highClassCache = new Map<number, CharClass>();

/** Class of a code unit; surrogate halves count as word characters so astral letters stay whole. */
export function charClass(c: number): CharClass {
  if (c < TABLE_SIZE) return classTable[c] as CharClass;
  if (c >= 0x300 && c <= 0x36f) return CharClass.Ignorable; // combining accents of NFD text
  if (c === 0x200c || c === 0x200d) return CharClass.Ignorable; // zero-width (non-)joiner
  if (c >= 0xd800 && c <= 0xdfff) return CharClass.Word;
  let cls = highClassCache.get(c);
  if (cls === undefined) {
    const ch = String.fromCharCode(c);
    cls = WORD_CHAR.test(ch) ? CharClass.Word : COMBINING.test(ch) ? CharClass.Ignorable : CharClass.Separator;
    highClassCache.set(c, cls);
  }
  return cls;
}

/** Folded (lower-case, accent-free except ñ) code unit of a word character. */
export function foldCode(c: number): number {
  if (c < TABLE_SIZE) return foldTable[c]!;
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** True when the code unit is an upper-case letter. */
export function isUpper(c: number): boolean {
  if (c < 0x80) return c >= 65 && c <= 90;
  if (c < TABLE_SIZE) return lowerTable[c] !== c;
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch;
}

/** Folds a whole string the way the scanner folds each token (for keys and tests). */
export function foldText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const cls = charClass(c);
    if (cls === CharClass.Ignorable) continue;
    out += String.fromCharCode(cls === CharClass.Word ? foldCode(c) : c);
  }
  return out;
}

const SOFT_GAP = new Set([
  0x20, 0x09, 0x0a, 0x0d, 0xa0, 0x2007, 0x2009, 0x200a, 0x202f, 0x2002, 0x2003, 0x3000, // spaces
  0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212, // hyphens and dashes
  0x27, 0x2019, 0x2018, 0x2bc, // apostrophes
]);

/** Characters a multi-word name may have between its words in running text. */
export function isSoftGap(c: number): boolean {
  return SOFT_GAP.has(c);
}
