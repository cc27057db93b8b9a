import type { TableAlias } from './table';
import { Shape, WordSet, shapeOf, type Tokens } from './tokenize';

/**
 * Context rules: a matched alias can still be refused by the words right next to it. They apply
 * before the page-level rules, and each has a name the tests refer to.
 * - `part-of-longer-name`: an ambiguous name or word followed by another capitalized word is part
 *   of a longer proper name ("White House", "San Luis Potosí", "Mesa Directiva").
 * - `other-person-name`: a shared surname right after a capitalized word that is not a title is
 *   someone else ("Jack White", "Tom Power"); "Ambassador Salazar" stays.
 * - `all-caps-context`: an ambiguous acronym amid words in capitals is just a capitalized word
 *   ("SE ANUNCIA", "DEAN OF STUDENTS").
 * - `organization-in-title`: an organization named as part of a person's title ("Foreign
 *   Relations Secretary Marcelo Ebrard") is the person's title, not a mention of the organization.
 * - `office-holder-title`: in Spanish a ministry is a "Secretaría" and the woman at its head its
 *   "secretaria", written in lower case ("la secretaria de Economía, Raquel Buenrostro"): read
 *   without accents the two are one word, so that exact spelling is the person's title, not the
 *   ministry ("la Secretaría de Economía", "la secretaría", "SECRETARIA DE ECONOMIA" still are).
 */
export type ContextRule = 'part-of-longer-name' | 'other-person-name' | 'all-caps-context' | 'organization-in-title' | 'office-holder-title';

/** Spanish titles of women in office that are their ministry's name without its accent. */
const OFFICE_HOLDER_TITLES = new Set(['secretaria', 'subsecretaria']);

/** Words that introduce a person's name (folded, as the tokenizer keys them). */
const TITLE_WORDS = new WordSet(
  (
    'ambassador embajador embajadora secretary secretario secretaria minister ministro ministra president presidente presidenta ' +
    'deputy representative representante canciller chancellor mr mrs ms miss sr sra srta dr dra don doña señor señora senor senora ' +
    'governor gobernador gobernadora commissioner comisionado comisionada director directora undersecretary subsecretario subsecretaria ' +
    'senator senador senadora congressman congresswoman diputado diputada mayor alcalde alcaldesa general lic ing'
  ).split(' '),
);

/** Words after an organization's name that make it part of a title. */
const TITLE_AFTER_ORGANIZATION = new WordSet('secretary secretario secretaria minister ministro ministra undersecretary subsecretario subsecretaria'.split(' '));

/** True when only spaces (no punctuation, no line break) separate two tokens. */
function adjacent(text: string, tokens: Tokens, left: number): boolean {
  for (let i = tokens.end[left]!; i < tokens.start[left + 1]!; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0) return false;
  }
  return true;
}

/**
 * Which context rule refuses the match of `alias` over tokens `[first, last]`, or null. Only
 * ambiguous aliases and organizations are checked, so the common case costs nothing.
 */
export function refusedByContext(
  text: string,
  tokens: Tokens,
  first: number,
  last: number,
  alias: TableAlias,
  isOrganization: boolean,
): ContextRule | null {
  const hasNext = last + 1 < tokens.count && adjacent(text, tokens, last);
  const hasPrev = first > 0 && adjacent(text, tokens, first - 1);
  if (isOrganization && hasNext && TITLE_AFTER_ORGANIZATION.has(text, tokens, last + 1)) return 'organization-in-title';
  if (isOrganization && OFFICE_HOLDER_TITLES.has(text.slice(tokens.start[first]!, tokens.end[first]!))) return 'office-holder-title';
  if (!alias.ambiguous) return null;
  if (alias.acronym) {
    const caps = (k: number) => (shapeOf(text, tokens, k) & Shape.AllUpper) !== 0 && tokens.end[k]! - tokens.start[k]! >= 2;
    if ((hasNext && caps(last + 1)) || (hasPrev && caps(first - 1))) return 'all-caps-context';
    return null;
  }
  if (hasNext && shapeOf(text, tokens, last + 1) & Shape.FirstUpper) return 'part-of-longer-name';
  if (alias.ambiguous === 'name' && hasPrev && shapeOf(text, tokens, first - 1) & Shape.FirstUpper && !TITLE_WORDS.has(text, tokens, first - 1)) {
    return 'other-person-name';
  }
  return null;
}

/**
 * Spanish articles before an acronym make it a noun phrase naming an organization ("el DEAN",
 * "la reunión del DEAN"): English "the" precedes common nouns in capitals just as well ("the
 * DEAN of the faculty"), so only the Spanish ones count, and only for Spanish acronyms.
 */
const SPANISH_ARTICLES = new WordSet(['el', 'del', 'al', 'la', 'las', 'los']);

/** True when an ambiguous Spanish acronym at token `first` follows a Spanish article. */
export function namedByArticle(text: string, tokens: Tokens, first: number, alias: TableAlias): boolean {
  if (alias.ambiguous !== 'word' || !alias.acronym || alias.lang !== 'es' || first === 0) return false;
  if (!adjacent(text, tokens, first - 1)) return false;
  return SPANISH_ARTICLES.has(text, tokens, first - 1);
}
