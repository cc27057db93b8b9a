/**
 * `npm run bench`: runs every bench module below, prints a table and writes `bench/results.json`
 * afresh (format and figure names: ../shared/BENCH.md). A module returns its figures by name;
 * adding a bench is one line in MODULES.
 *
 * `BENCH_ONLY=search,annotate npm run bench` runs some modules only (results.json then holds only
 * their figures).
 */
import os from 'node:os';
import path from 'node:path';
import { annotateBench } from './annotate';
import { cardHoverBench } from './card-hover';
import { contentScriptBench } from './content-script';
import { detectBench } from './detect';
import { matchBench } from './match';
import type { BenchContext, BenchModule, Figures } from './figures';
import { ROOT } from './paths';
import { formatTable, writeResults } from './results';
import { searchBench } from './search';

const MODULES: BenchModule[] = [
  contentScriptBench,
  annotateBench,
  searchBench,
  cardHoverBench,
  matchBench,
  detectBench,
];

async function main(): Promise<number> {
  const root = ROOT;
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  const modules = only ? MODULES.filter((m) => only.includes(m.name)) : MODULES;
  const t0 = performance.now();
  const ctx: BenchContext = {
    root,
    machine: new Map(),
    log: (line) => console.error(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${line}`),
  };
  const figures: Figures = {};
  const failed: string[] = [];
  for (const m of modules) {
    const t = performance.now();
    try {
      Object.assign(figures, await m.run(ctx));
      ctx.log(`${m.name}: done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    } catch (e) {
      failed.push(m.name);
      ctx.log(`${m.name}: FAILED: ${(e as Error).stack ?? String(e)}`);
    }
  }
  const cpus = os.cpus();
  const machine = [
    `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'})`,
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM`,
    `${os.type()} ${os.release()}`,
    `Node ${process.versions.node}`,
    ctx.machine.get('browser') ?? 'no browser run',
    'headless',
    `load average at start ${loadAtStart}`,
  ].join(', ');
  const results = writeResults(path.join(root, 'bench/results.json'), machine, figures);
  console.log(`\n${results.machine}\n`);
  console.log(formatTable(results.figures));
  console.log(`\nbench/results.json written (${Object.keys(figures).length} figures) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  if (failed.length) console.log(`FAILED: ${failed.join(', ')}`);
  return failed.length ? 1 : 0;
}

const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(' ');

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
