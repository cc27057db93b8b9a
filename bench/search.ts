/**
 * Search figures, in Node: a synthetic corpus (10,000 and 100,000 passages) installed by the
 * real `CorpusService` into IndexedDB, then cold restores and queries through the service.
 * IndexedDB here is fake-indexeddb (in memory, in Node), not a browser's: restores read no disk.
 */
import 'fake-indexeddb/auto';
import { buildIndexes, restoreIndexes, serializeIndexes } from '../lib/search/indexes';
import { CorpusDb } from '../lib/store/db';
import { indexDocs } from '../lib/store/prepare';
import { CorpusService } from '../lib/store/service';
import { figure, type BenchContext, type BenchModule, type Figures } from './figures';
import { median, percentile } from './stats';
import { syntheticCorpus } from './synthetic-corpus';

/**
 * The fixed query list: English and Spanish, one and several words, a prefix being typed, typos,
 * accent-free spellings, program names in both languages.
 */
export const QUERIES = [
  'Ebrard',
  'Marcelo Ebrard',
  'Ebra',
  'Raimondoo',
  'Gina Raimondo',
  'Ramirez',
  'Ramírez de la O',
  'Clouthier',
  'Ken Salazar',
  'Blinken',
  'Moctezuma',
  'HLED',
  'DEAN',
  'High-Level Economic Dialogue',
  'Diálogo Económico de Alto Nivel',
  'dialogo economico',
  'Sembrando Oportunidades',
  'Sowing Opportunities',
  'One-Stop Shop for Investors',
  'Ventanilla Única de Inversión',
  'ventanilla unica',
  'COFEPRIS',
  'USAID',
  'semiconductor supply chain',
  'cadenas de suministro',
  'semicond',
  'supply chians',
  'Building Back Together',
  'Reconstruir juntos',
  'Investing in our people',
  'Invertir en nuestra gente',
  'Greening Border Transportation',
  'Otay Mesa',
  'Garita de Otay',
  'cybersecurity framework',
  'ciberseguridad',
  'Cyber Issues Task Force',
  'Ciudad de México',
  'pequeñas empresas',
  'clean energy',
  'Secretaria de Economia',
];

interface SizeSpec {
  passages: number;
  suffix: string;
  restores: number;
  rounds: number;
  extraNote: string;
}

const SIZES: SizeSpec[] = [
  { passages: 10_000, suffix: '', restores: 5, rounds: 5, extraNote: '' },
  { passages: 100_000, suffix: '_100k', restores: 5, rounds: 2, extraNote: 'a corpus that grows for years; ' },
];

const FAKE_IDB = 'IndexedDB is fake-indexeddb in Node (in memory, no disk, no browser structured-clone costs)';

function openService(name: string, json: string) {
  const db = new CorpusDb(name);
  const logs: string[] = [];
  const service = new CorpusService({ db, loadBuiltin: async () => json, log: (m) => logs.push(m), now: () => new Date('2026-01-01T00:00:00Z') });
  return { db, service, logs };
}

const ms = (t0: number) => performance.now() - t0;

async function measureSize(ctx: BenchContext, spec: SizeSpec): Promise<Figures> {
  const s = spec.suffix;
  const corpus = syntheticCorpus({ passages: spec.passages });
  ctx.log(`search${s}: ${corpus.passages} passages in ${corpus.documents} documents, ${corpus.mentions} mentions, ${(corpus.json.length / 1e6).toFixed(1)} MB of JSON (generated in ${corpus.ms.toFixed(0)} ms)`);

  // Index build: what prepareBundle runs after parsing and validating, on the same bundle.
  const docs = indexDocs(corpus.bundle);
  let t0 = performance.now();
  const indexes = buildIndexes(...docs);
  const buildMs = ms(t0);
  const indexJson = serializeIndexes(indexes);
  const indexBytes = Buffer.byteLength(indexJson, 'utf8');
  t0 = performance.now();
  restoreIndexes(indexJson);
  const indexOnlyMs = ms(t0);
  t0 = performance.now();
  JSON.parse(corpus.json);
  const parseBundleMs = ms(t0);
  ctx.log(`search${s}: index built in ${buildMs.toFixed(0)} ms, ${(indexBytes / 1e6).toFixed(1)} MB serialized`);

  // First run: the service installs the bundle (validate, index, write everything in one transaction).
  const name = `hled-bench-${spec.passages}`;
  let open = openService(name, corpus.json);
  t0 = performance.now();
  await open.service.ready();
  const installMs = ms(t0);
  open.db.close();
  ctx.log(`search${s}: first run (install) ${installMs.toFixed(0)} ms`);

  // Cold restores: a new database connection and a new service each time, as a restarted worker.
  const restores: number[] = [];
  for (let i = 0; i < spec.restores; i++) {
    open = openService(name, corpus.json);
    t0 = performance.now();
    await open.service.ready();
    restores.push(ms(t0));
    if (open.logs.some((l) => l.includes('rebuilding'))) throw new Error(`search${s}: the cold start rebuilt the index instead of restoring it`);
    if (i < spec.restores - 1) open.db.close();
  }
  ctx.log(`search${s}: cold restores ${restores.map((r) => r.toFixed(0)).join(', ')} ms`);

  // Queries, warm: one warm-up pass, then every query `rounds` times, round-robin.
  const { service, db } = open;
  let empty = 0;
  for (const q of QUERIES) {
    const r = await service.search(q);
    if (!r.entities.length && !r.passages.length) empty++;
  }
  const times: number[] = [];
  for (let round = 0; round < spec.rounds; round++) {
    for (const q of QUERIES) {
      t0 = performance.now();
      await service.search(q);
      times.push(ms(t0));
    }
  }
  db.close();
  await db.delete();
  const p50 = median(times);
  const p95 = percentile(times, 95);
  ctx.log(`search${s}: queries p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${Math.max(...times).toFixed(1)} ms`);

  const size = `${corpus.passages.toLocaleString('en-US')} passages`;
  return {
    [`search.passages${s}`]: figure(corpus.passages, 'count', s ? '' : '>= 10000', `${spec.extraNote}synthetic: real seed sentences recombined, ${corpus.documents} documents (70% en, 30% es), ${corpus.mentions} mentions found by the shipped matcher, ${(corpus.json.length / 1e6).toFixed(1)} MB bundle`),
    [`search.index_build_ms${s}`]: figure(buildMs, 'ms', '', `${spec.extraNote}buildIndexes(...indexDocs(bundle)) on ${size}, once (passages + entities MiniSearch)`),
    [`search.index_bytes${s}`]: figure(indexBytes, 'bytes', '', `${spec.extraNote}UTF-8 length of serializeIndexes(), the string stored in the indexes table`),
    [`search.restore_ms${s}`]: figure(
      median(restores),
      'ms',
      '< 300',
      `${spec.extraNote}median of ${spec.restores} cold restores (new CorpusDb + CorpusService until ready()) on ${size}; ${FAKE_IDB}; of which restoreIndexes alone ${indexOnlyMs.toFixed(0)} ms, and ready() also JSON.parses the ${(corpus.json.length / 1e6).toFixed(1)} MB bundle twice (built-in version check, active name) at ${parseBundleMs.toFixed(0)} ms each; first-run install took ${installMs.toFixed(0)} ms`,
    ),
    [`search.query_p50_ms${s}`]: figure(p50, 'ms', '', `${spec.extraNote}service.search(q), warm, ${QUERIES.length} fixed queries (en/es, prefixes, typos, accent-free) x ${spec.rounds} rounds, ${size}; ${FAKE_IDB}`),
    [`search.query_p95_ms${s}`]: figure(p95, 'ms', '< 10', `${spec.extraNote}same ${times.length} timings; ${empty} of ${QUERIES.length} queries found nothing`),
  };
}

export const searchBench: BenchModule = {
  name: 'search',
  async run(ctx) {
    const out: Figures = {};
    for (const spec of SIZES) Object.assign(out, await measureSize(ctx, spec));
    return out;
  },
};
