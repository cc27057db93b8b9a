import { describe, expect, it } from 'vitest';
import { buildBundle } from './build';
import { bundleProvenance } from './bundle';
import { aliasKey } from './catalog-check';
import { readSeeds } from './seeds-node';
import { SEEDS_DIR, seedBundle } from './test-seeds';
import { CorpusError } from './passages';
import { splitPassages } from './passages';

const seeds = () => readSeeds(SEEDS_DIR);
const allText = () => seedBundle().bundle.documents.flatMap((d) => d.passages.map((p) => p.text)).join('\n');

describe('buildBundle', () => {
  it('turns the five seeds into a valid bundle', () => {
    const { bundle } = seedBundle();
    expect(bundle.format).toBe('hled-corpus');
    expect(bundle.documents.map((d) => d.id)).toEqual([
      '000_0a1eb5644c355993',
      '001_d67f2df3f21aabae',
      '002_d4497fa30bfb05b6',
      '003_873696eabc50322f',
      '004_de0b601aba4ffa92',
    ]);
    for (const d of bundle.documents) expect(d.passages.length).toBeGreaterThan(3);
  });

  it('names no signer unless asked, and dates the data to the newest document unless told', () => {
    const { bundle } = seedBundle();
    expect(bundle.schemaVersion).toBe(2);
    expect(bundleProvenance(bundle)).toEqual({ signer: null, dataAsOf: bundle.documents.map((d) => d.date).sort().at(-1) });
    const signed = buildBundle(seeds(), { signer: 'kid-1', dataAsOf: '2026-11-30' }).bundle;
    expect(bundleProvenance(signed)).toEqual({ signer: 'kid-1', dataAsOf: '2026-11-30' });
  });
  it('gives the same bytes for the same input, and takes createdAt from the data, never the clock', () => {
    const a = buildBundle(seeds());
    const b = buildBundle(seeds());
    expect(a.json).toBe(b.json);
    expect(a.bundle.createdAt).toBe(`${a.bundle.documents.map((d) => d.date).sort().at(-1)}T00:00:00.000Z`);
    expect(buildBundle(seeds(), { sourceDateEpoch: 1_700_000_000 }).bundle.createdAt).toBe('2023-11-14T22:13:20.000Z');
  });

  it('points every mention at text that is one of its entity’s aliases', () => {
    const { bundle } = seedBundle();
    const passages = new Map(bundle.documents.flatMap((d) => d.passages.map((p) => [p.id, p.text] as const)));
    const aliases = new Map(bundle.entities.map((e) => [e.id, new Set(e.aliases.map((a) => aliasKey(a.text)))]));
    expect(bundle.mentions.length).toBeGreaterThan(100);
    for (const m of bundle.mentions) {
      const text = passages.get(m.passage)!.slice(m.start, m.end);
      expect(aliases.get(m.entity)!.has(aliasKey(text)), `${m.entity}: "${text}"`).toBe(true);
    }
  });

  it('applies the declared corrections: page junk and spliced or repeated sentences are gone', () => {
    const text = allText();
    expect(text).not.toContain('Popular Stories');
    expect(text).not.toContain('milken institute\n');
    expect(text).not.toContain('northern The U.S.');
    expect(text).not.toContain('Central America. Central America.');
    expect(text).not.toContain('North America.investment');
    const doc3 = seedBundle().bundle.documents.find((d) => d.id.startsWith('003'))!;
    expect(doc3.corrections.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the raw seeds verbatim: corrections live in the catalog only', () => {
    const raw = seeds().texts.get('001_d67f2df3f21aabae.txt')!;
    expect(raw).toContain('[Popular Stories Right now](#)');
  });

  it('gives passages ids that survive other passages changing', () => {
    const src = seeds();
    const a = buildBundle(src).bundle.documents[0]!.passages;
    const texts = new Map(src.texts);
    texts.set('000_0a1eb5644c355993.txt', `${texts.get('000_0a1eb5644c355993.txt')}\n\nA new closing paragraph about the HLED.`);
    const b = buildBundle({ ...src, texts }).bundle.documents[0]!.passages;
    expect(b.slice(0, a.length).map((p) => p.id)).toEqual(a.map((p) => p.id));
    expect(a[0]!.id).toMatch(/^000_0a1eb5644c355993:[0-9a-z]{11}$/);
  });

  it('fails, naming the entity, when no passage mentions it', () => {
    const src = seeds();
    const catalog = structuredClone(src.catalog) as { entities: { id: string; aliases: { text: string; source: string }[] }[] };
    catalog.entities.push({
      ...structuredClone(catalog.entities[0]!),
      id: 'nobody-at-all',
      aliases: [{ text: 'Zyxwv Qwerty', lang: 'any', source: 'editorial' } as never],
    });
    expect(() => buildBundle({ ...src, catalog })).toThrowError(/entity "nobody-at-all" .* is found in no passage/);
  });

  it('fails on a correction whose text is not in the seed', () => {
    const src = seeds();
    const catalog = structuredClone(src.catalog) as { documents: { corrections: unknown[] }[] };
    catalog.documents[0]!.corrections.push({ find: 'text that is not there', replace: '', what: 'x', why: 'y' });
    expect(() => buildBundle({ ...src, catalog })).toThrowError(CorpusError);
  });

  it('reports acronyms that no entity covers as warnings, not errors', () => {
    expect(Array.isArray(seedBundle().warnings)).toBe(true);
    for (const w of seedBundle().warnings) expect(w).toMatch(/acronym ".+" is covered by no entity/);
  });
});

describe('splitPassages', () => {
  it('drops front matter and keeps headings as the heading of the passages below them', () => {
    const problems: string[] = [];
    const out = splitPassages('d', 'Title\n\nWeb Editor\n\nA heading\n\nFirst paragraph.\n\nSecond paragraph.', ['Title', 'Web Editor'], problems);
    expect(problems).toEqual([]);
    expect(out).toEqual([
      { heading: 'A heading', text: 'First paragraph.' },
      { heading: 'A heading', text: 'Second paragraph.' },
    ]);
  });
  it('reports front matter that is not at the top', () => {
    const problems: string[] = [];
    splitPassages('d', 'a.\n\nb.\n\nc.\n\nd.\n\nTitle', ['Title'], problems);
    expect(problems[0]).toMatch(/frontMatter line "Title" is not among the leading lines/);
  });
});
