import { describe, expect, it } from 'vitest';
import { buildMatcherTable, compileMatcher, findMentions, scanText, tokenize } from './index';
import { WordSet, hashFolded, tokenIs } from './tokenize';

const alias = (text: string) => ({ text, lang: 'any' as const, acronym: false, titleCaseIsWord: false });
const entity = (id: string, texts: string[]) => ({ id, type: 'organization' as const, scope: 'core' as const, aliases: texts.map(alias) });

describe('tokenIs: a token compared with a folded key in place', () => {
  const text = 'Ramírez met U.S. officials; Ramirezz and Rami did not.';
  const t = tokenize(text);
  it('folds accents and reads dotted abbreviations as the word', () => {
    expect(tokenIs(text, t, 0, 'ramirez')).toBe(true);
    expect(tokenIs(text, t, 2, 'us')).toBe(true);
  });
  it('refuses longer and shorter words', () => {
    expect(tokenIs(text, t, 4, 'ramirez')).toBe(false);
    expect(tokenIs(text, t, 6, 'ramirez')).toBe(false);
    expect(tokenIs(text, t, 0, 'ramirezz')).toBe(false);
  });
});

describe('hash collisions', () => {
  // Two different words with the same 30-bit hash (found by search, checked below).
  const [a, b] = ['qtnxl', 'qkklbb'];
  it('the two words collide', () => expect(hashFolded(a)).toBe(hashFolded(b)));

  it('a word with the hash of an alias word is not taken for it', () => {
    const table = buildMatcherTable('t', [entity('x', [`Grupo ${a}`])]);
    const m = compileMatcher(table);
    const text = `El Grupo ${b} y el Grupo ${a}.`;
    expect(findMentions(m, text).map((x) => text.slice(x.start, x.end))).toEqual([`Grupo ${a}`]);
  });

  it('two aliases whose words collide are told apart', () => {
    const table = buildMatcherTable('t', [entity('x', [`${a} Fund`]), entity('y', [`${b} Fund`])]);
    const m = compileMatcher(table);
    const text = `The ${b} Fund and the ${a} Fund.`;
    expect(findMentions(m, text).map((x) => table.entities[x.entity]!.id)).toEqual(['y', 'x']);
  });

  it('WordSet confirms the letters after the hash', () => {
    const words = new WordSet([a, 'el']);
    const text = `${b} ${a} El`;
    const t = tokenize(text);
    expect([0, 1, 2].map((k) => words.has(text, t, k))).toEqual([false, true, true]);
  });
});

describe('the trie at scale', () => {
  // Many aliases sharing their first words, as "Secretaría de …" and "U.S. …" do.
  const names = Array.from({ length: 2000 }, (_, i) => `Secretaría de Asuntos ${i.toString(36)}x`);
  const table = buildMatcherTable('t', names.map((n, i) => entity(`e${i}`, [n])));
  const m = compileMatcher(table);

  it('finds each alias among thousands that share a prefix, and the deepest one wins', () => {
    const picks = [0, 7, 1999, 1234];
    const text = picks.map((i) => `Habló la ${names[i]} ayer.`).join(' ') + ' La Secretaría de Asuntos varios no.';
    expect(scanText(m, text).map((x) => table.entities[table.aliases[x.alias]!.entity]!.id)).toEqual(picks.map((i) => `e${i}`));
  });
});
