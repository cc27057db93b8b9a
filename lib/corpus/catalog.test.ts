import { describe, expect, it } from 'vitest';
import { catalog as catalogSchema } from './catalog';
import { ENTITY_TYPES } from './fields';
import { readSeeds } from './seeds-node';
import { SEEDS_DIR, seedBundle } from './test-seeds';
import { buildBundle } from './build';

const catalog = () => catalogSchema.parse(readSeeds(SEEDS_DIR).catalog);

describe('seeds/catalog.json', () => {
  it('curates at least 50 entities of every type', () => {
    const c = catalog();
    expect(c.entities.length).toBeGreaterThanOrEqual(50);
    for (const t of ENTITY_TYPES) expect(c.entities.some((e) => e.type === t), t).toBe(true);
  });
  it('gives every person dated roles with a source', () => {
    for (const e of catalog().entities.filter((x) => x.type === 'person')) {
      expect(e.roles?.length, e.id).toBeGreaterThan(0);
      for (const r of e.roles!) expect(r.source.length).toBeGreaterThan(3);
    }
  });
  it('dates Marcelo Ebrard’s two roles', () => {
    const roles = catalog().entities.find((e) => e.id === 'marcelo-ebrard')!.roles!;
    expect(roles.some((r) => /Foreign/.test(r.title_en) && r.from.startsWith('2018') && r.to?.startsWith('2023'))).toBe(true);
    expect(roles.some((r) => /Economy/.test(r.title_en) && r.from.startsWith('2024'))).toBe(true);
  });
  it('names programs and institutions in both languages', () => {
    for (const e of catalog().entities) {
      expect(e.name.es.length, e.id).toBeGreaterThan(0);
      expect(e.description.es.length, e.id).toBeGreaterThan(0);
    }
    const aliases = (id: string) => catalog().entities.find((e) => e.id === id)!.aliases.map((a) => a.text);
    expect(aliases('sembrando-oportunidades')).toEqual(expect.arrayContaining(['Sembrando Oportunidades', 'Sowing Opportunities']));
    expect(aliases('hled')).toEqual(expect.arrayContaining(['HLED', 'DEAN', 'Diálogo Económico de Alto Nivel']));
  });
  it('marks the editorial fields of 003 and 004 with their source', () => {
    const docs = catalog().documents;
    const d4 = docs.find((d) => d.id.startsWith('004'))!;
    expect(d4.date).toBe('2022-09-12');
    expect(d4.editorial.date).toBeTruthy();
    expect(docs.find((d) => d.id.startsWith('003'))!.date).toBe('2024-04-19');
  });
  it('fails the build when an alias marked "seed" occurs in no seed', () => {
    const src = readSeeds(SEEDS_DIR);
    const c = structuredClone(src.catalog) as { entities: { aliases: { text: string; source: string }[] }[] };
    c.entities[0]!.aliases.push({ text: 'Quux Frobnicator', source: 'seed', lang: 'en' } as never);
    expect(() => buildBundle({ ...src, catalog: c })).toThrowError(/alias "Quux Frobnicator" is marked source "seed" but occurs in no seed/);
  });
  it('fails the build when two entities share an alias not marked ambiguous', () => {
    const src = readSeeds(SEEDS_DIR);
    const c = structuredClone(src.catalog) as { entities: { aliases: { text: string; source: string; lang: string }[] }[] };
    c.entities[1]!.aliases.push({ ...c.entities[0]!.aliases[0]! });
    expect(() => buildBundle({ ...src, catalog: c })).toThrowError(/is not marked ambiguous on all of them/);
  });
  it('is what the shipped bundle is built from', () => {
    expect(seedBundle().bundle.entities.length).toBe(catalog().entities.length);
  });
});
