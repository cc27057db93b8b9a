import { tokenize, tokenKey } from '../match';

/**
 * The text pipeline shared by indexing and querying (as MiniSearch recommends): the matcher's
 * tokenizer (so "U.S." is "us" and Ramírez is "ramirez" but ñ stays ñ), then stop words and a
 * light plural folding for English and Spanish.
 */

const STOP_WORDS = new Set(
  (
    // English
    'a an and are as at be been but by for from had has have he her his i in into is it its of on or our she that the their them they this those to was we were which who will with ' +
    // Spanish ("us" and "se" are left out on purpose: "U.S." folds to "us", and SE is an acronym)
    'al con de del el en ella ellos es esta este esto la las le les lo los mas pero por para que sin sobre su sus un una unas unos y o u e ya como cuando donde'
  ).split(' '),
);

/** Folded words of a text, in order. */
export function words(text: string): string[] {
  const t = tokenize(text);
  const out: string[] = new Array(t.count);
  for (let k = 0; k < t.count; k++) out[k] = tokenKey(text, t, k);
  return out;
}

/**
 * One folded word to its index term, or null for a stop word. Plurals fold to a shared stem in
 * both languages: agencies/agency, naciones/nación, sources/source, oportunidades/oportunidad.
 */
export function processTerm(word: string): string | null {
  if (STOP_WORDS.has(word)) return null;
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Index terms of a text (stop words dropped). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = processTerm(w);
    if (t) out.push(t);
  }
  return out;
}

/**
 * Ranges of the words of `text` whose index term is in `matched`: what a snippet marks. Ranges,
 * not HTML, so no caller ever builds markup from corpus text.
 */
export function markTerms(text: string, matched: ReadonlySet<string>): [number, number][] {
  const t = tokenize(text);
  const out: [number, number][] = [];
  for (let k = 0; k < t.count; k++) {
    const term = processTerm(tokenKey(text, t, k));
    if (term && matched.has(term)) out.push([t.start[k]!, t.end[k]!]);
  }
  return out;
}
