/**
 * `npm run eval`: precision, recall, F1 and entity accuracy per page and overall on the annotated
 * page set, and every false positive and false negative with its rule. Exits 1 below the goals.
 */
import path from 'node:path';
import { evaluate } from './evaluate';

const GOALS = { precision: 0.98, recall: 0.95 };
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const result = evaluate(root);
const pct = (x: number) => x.toFixed(3);
const where = (text: string, at: number) => `line ${text.slice(0, at).split('\n').length}`;

console.log(`${'page'.padEnd(28)} ${'true'.padStart(4)} ${'tp'.padStart(4)} ${'fp'.padStart(3)} ${'fn'.padStart(3)}  prec   rec    f1     ent.acc`);
for (const p of result.pages) {
  const r = p.ratios;
  console.log(
    `${p.truth.page.padEnd(28)} ${String(p.truth.mentions.length).padStart(4)} ${String(p.score.tp).padStart(4)} ${String(p.score.fp.length).padStart(3)} ${String(p.score.fn.length).padStart(3)}  ${pct(r.precision)}  ${pct(r.recall)}  ${pct(r.f1)}  ${pct(r.entityAccuracy)}`,
  );
}
const o = result.overall;
console.log(`\noverall (${result.pages.length} pages): precision ${pct(o.precision)}  recall ${pct(o.recall)}  F1 ${pct(o.f1)}  entity accuracy ${pct(o.entityAccuracy)}`);
console.log(`highlights on hard negatives: ${result.negativeHighlights}`);
for (const p of result.pages) {
  for (const f of p.score.fp) console.log(`FP ${p.truth.page} ${where(p.text, f.start)}: ${JSON.stringify(p.text.slice(f.start, f.end))} -> ${f.entity} (rule ${f.rule})`);
  for (const f of p.score.fn) console.log(`FN ${p.truth.page} ${where(p.text, f.start)}: ${JSON.stringify(p.text.slice(f.start, f.end))} expected ${f.entity}`);
}
const ok = o.precision >= GOALS.precision && o.recall >= GOALS.recall && result.negativeHighlights === 0;
console.log(ok ? 'goals met' : `goals NOT met (precision >= ${GOALS.precision}, recall >= ${GOALS.recall}, no highlight on hard negatives)`);
process.exitCode = ok ? 0 : 1;
