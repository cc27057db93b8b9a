import { describe, expect, it } from 'vitest';
import { pageEntityRows, readPageEntities } from './page-entities';

const cards = [
  { id: 'marcelo-ebrard', type: 'person' as const, name: { en: 'Marcelo Ebrard', es: 'Marcelo Ebrard' } },
  { id: 'hled', type: 'program' as const, name: { en: 'U.S.–Mexico High-Level Economic Dialogue (HLED)', es: 'Diálogo Económico de Alto Nivel México-Estados Unidos (DEAN)' } },
  { id: 'cofepris', type: 'organization' as const, name: { en: 'COFEPRIS', es: 'Cofepris' } },
];

describe('readPageEntities', () => {
  it('reads a content script’s reply', () => {
    const raw = { hostname: '127.0.0.1', enabled: true, entities: [{ id: 'hled', type: 'program', count: 2 }] };
    expect(readPageEntities(raw)).toEqual(raw);
  });

  it('drops malformed entities and refuses what is not a reply', () => {
    expect(readPageEntities({ hostname: 'a.org', enabled: false, entities: [{ id: 'hled' }, null, { id: 'x', type: 'law', count: 1 }] })).toEqual({
      hostname: 'a.org',
      enabled: false,
      entities: [{ id: 'x', type: 'law', count: 1 }],
    });
    for (const bad of [undefined, null, 'pong', { hostname: 'a.org' }, { hostname: 1, enabled: true, entities: [] }]) expect(readPageEntities(bad)).toBeNull();
  });
});

describe('pageEntityRows', () => {
  const page = {
    hostname: '127.0.0.1',
    enabled: true,
    entities: [
      { id: 'hled', type: 'program', count: 2 },
      { id: 'marcelo-ebrard', type: 'person', count: 4 },
      { id: 'cofepris', type: 'organization', count: 2 },
      { id: 'gone-from-corpus', type: 'person', count: 9 },
    ],
  };

  it('names each entity in the interface language, most mentioned first, then by name', () => {
    expect(pageEntityRows(page, cards, 'en').map((r) => [r.name, r.count])).toEqual([
      ['Marcelo Ebrard', 4],
      ['COFEPRIS', 2],
      ['U.S.–Mexico High-Level Economic Dialogue (HLED)', 2],
    ]);
    expect(pageEntityRows(page, cards, 'es').map((r) => r.name)).toEqual([
      'Marcelo Ebrard',
      'Cofepris',
      'Diálogo Económico de Alto Nivel México-Estados Unidos (DEAN)',
    ]);
  });

  it('leaves out entities the corpus does not know', () => {
    expect(pageEntityRows(page, cards, 'en').some((r) => r.id === 'gone-from-corpus')).toBe(false);
  });
});
