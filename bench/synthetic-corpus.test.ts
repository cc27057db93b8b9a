import { describe, expect, it } from 'vitest';
import { aliasKey } from '../lib/corpus/catalog-check';
import { buildMatcherTable } from '../lib/match';
import { combinedRegExp } from './combined-regexp';
import { realSeedBundle } from './seeds';
import { prng, syntheticCorpus } from './synthetic-corpus';

describe('syntheticCorpus', () => {
  it('gives the same bytes for the same size and seed', () => {
    expect(syntheticCorpus({ passages: 200 }).json).toBe(syntheticCorpus({ passages: 200 }).json);
    expect(syntheticCorpus({ passages: 200, seed: 2 }).json).not.toBe(syntheticCorpus({ passages: 200 }).json);
  });

  it('makes a valid bundle in both languages whose mentions point at entity names', () => {
    const { bundle, passages } = syntheticCorpus({ passages: 300 });
    expect(passages).toBe(300);
    expect(new Set(bundle.documents.map((d) => d.language))).toEqual(new Set(['en', 'es']));
    const texts = new Map(bundle.documents.flatMap((d) => d.passages.map((p) => [p.id, p.text] as const)));
    const aliases = new Map(bundle.entities.map((e) => [e.id, new Set(e.aliases.map((a) => aliasKey(a.text)))]));
    expect(bundle.mentions.length).toBeGreaterThan(300);
    for (const m of bundle.mentions) {
      expect(aliases.get(m.entity)!.has(aliasKey(texts.get(m.passage)!.slice(m.start, m.end)))).toBe(true);
    }
  });
});

describe('prng', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = prng(7);
    const b = prng(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});

describe('combinedRegExp', () => {
  const table = buildMatcherTable('t', realSeedBundle().bundle.entities);
  const re = () => {
    const { source, flags } = combinedRegExp(table);
    return new RegExp(source, flags);
  };

  it('finds aliases in any case, whole words only, longest first', () => {
    expect('Marcelo Ebrard met GINA RAIMONDO.'.match(re())).toEqual(['Marcelo Ebrard', 'GINA RAIMONDO']);
    expect('Ebrardismo'.match(re())).toBeNull();
  });

  it('compiles with every alias of the catalog', () => {
    expect(() => re()).not.toThrow();
  });
});
