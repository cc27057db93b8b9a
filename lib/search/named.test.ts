import { describe, expect, it } from 'vitest';
import { seedBundle } from '../corpus/test-seeds';
import { indexDocs } from '../store/prepare';
import { buildIndexes, isNamedBy, namedEntities } from './indexes';
import { terms } from './text';

describe('isNamedBy', () => {
  const named = (q: string, name: string) => isNamedBy(terms(q), terms(name));
  it('takes a query that is the whole name, in any order, the last word being typed', () => {
    expect(named('Sowing Opportunities', 'Sowing Opportunities')).toBe(true);
    expect(named('Marcelo Ebr', 'Marcelo Ebrard')).toBe(true);
    expect(named('Ebrard Marcelo', 'Marcelo Ebrard')).toBe(true);
    expect(named('hled', 'HLED')).toBe(true);
  });
  it('refuses part of a longer name, and a query with words the name lacks', () => {
    expect(named('DEAN', 'DEAN 2022')).toBe(false);
    expect(named('Marcelo', 'Marcelo Ebrard')).toBe(false);
    expect(named('Ebrard border', 'Ebrard')).toBe(false);
    expect(named('', 'Ebrard')).toBe(false);
  });
});

describe('namedEntities with names', () => {
  const { bundle } = seedBundle();
  const ix = buildIndexes(...indexDocs(bundle));
  const byId = new Map(bundle.entities.map((e) => [e.id, e]));
  const namesOf = (id: string) => {
    const e = byId.get(id)!;
    return [e.name.en, e.name.es, ...e.aliases.map((a) => a.text)];
  };
  it('names the program in either language, and the dialogue alone for its acronym', () => {
    const sembrando = namedEntities(ix, 'Sembrando Oportunidades', namesOf);
    expect(sembrando).toHaveLength(1);
    expect(namedEntities(ix, 'Sowing Opportunities', namesOf)).toEqual(sembrando);
    const dean = namedEntities(ix, 'DEAN', namesOf);
    expect(dean.length).toBe(1);
    expect(namedEntities(ix, 'DEAN').length).toBeGreaterThan(dean.length);
  });
});
