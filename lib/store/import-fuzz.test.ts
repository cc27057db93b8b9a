import { describe, expect, it } from 'vitest';
import { seedBundle } from '../corpus/test-seeds';
import { MUTATION_KINDS, mutant, random, schemaNodes } from '../corpus/test-mutations';
import { errorText } from '../ui/error-text';
import { BundleFileError, readBundleFile } from '../ui/bundle-file';
import { handleRequest } from './handle';
import { sha256 } from './prepare';
import { makeService } from './test-service';

/**
 * `FUZZ_RUNS=10000 npx vitest run lib/store/import-fuzz.test.ts` for a long run; `FUZZ_SEED=n`
 * replays one (the seed of a failing run is in its failure message).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

/** Every table of the database, in key order, hashed: "byte for byte unchanged" beyond the export. */
async function databaseDigest(db: ReturnType<typeof makeService>['db']): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return sha256(JSON.stringify(tables));
}

describe('importing malformed and adversarial bundles', () => {
  it(`refuses ${RUNS} mutated bundles (seed ${SEED}), each with a specific error, and the active corpus is unchanged`, { timeout: Math.max(120_000, RUNS * 60) }, async () => {
    const { service, db } = makeService();
    await service.ready();
    const exportBefore = await service.exportBundle();
    const digestBefore = await databaseDigest(db);
    const base = seedBundle().bundle;
    const nodes = schemaNodes(JSON.parse(seedBundle().json));
    const r = random(SEED);
    const counts = new Map<string, number>();
    for (let i = 0; i < RUNS; i++) {
      const m = mutant(base, nodes, r, i);
      const where = `run ${i} (seed ${SEED}), ${m.kind}: ${m.detail}`;
      let json = m.json;
      if (m.file) {
        try {
          json = await readBundleFile(new File([m.file.bytes], m.file.name), m.file.limit);
        } catch (e) {
          expect(e, where).toBeInstanceOf(BundleFileError);
          expect((e as Error).message, where).toMatch(m.expect);
          counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
          continue;
        }
      }
      // The background's own entry point: it must answer, never throw.
      const reply = await handleRequest(service, { type: i % 10 === 0 ? 'previewImport' : 'importBundle', json: json!, source: 'file' });
      expect(reply.ok, where).toBe(false);
      const errors = reply.ok ? [] : reply.error.split('\n');
      expect(errors.length, where).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e, where).toMatch(/^bundle: \S/);
        expect(errorText(e, 'es').length, where).toBeGreaterThan(0);
      }
      expect(errors.some((e) => m.expect.test(e)), `${where}\nexpected ${m.expect}\ngot ${errors.slice(0, 3).join('\n')}`).toBe(true);
      counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([...MUTATION_KINDS].sort());
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
    // Nothing written, nothing lost, nothing polluted.
    expect(await service.exportBundle()).toBe(exportBefore);
    expect(await databaseDigest(db)).toBe(digestBefore);
    expect((await service.search('Ebrard')).passages.length).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the bundle schema', () => {
  it('bounds every string it accepts (a maximum length, a pattern or a fixed set)', () => {
    const byPattern = new Map<string, (typeof nodes)[number]['schema']>();
    const nodes = schemaNodes(JSON.parse(seedBundle().json)).filter((n) => typeof n.value === 'string');
    for (const n of nodes) byPattern.set(n.path.map((k) => (typeof k === 'number' ? '#' : k)).join('.'), n.schema);
    const giant = 'x'.repeat(3_000_000);
    const unbounded = [...byPattern].filter(([, s]) => (s as unknown as { safeParse: (v: unknown) => { success: boolean } }).safeParse(giant).success).map(([p]) => p);
    expect(byPattern.size).toBeGreaterThan(20);
    expect([...new Set(unbounded)]).toEqual([]);
  });
});
