/**
 * Runs the content script's matcher and page rules (the same code `npm run scan` uses) over every
 * page of `eval/pages` and scores it against the page's ground truth.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildBundle } from '../lib/corpus/build';
import { readSeeds } from '../lib/corpus/seeds-node';
import { buildMatcherTable, compileMatcher, findMentions } from '../lib/match';
import { offsetErrors, pageTruthSchema, type PageTruth } from './markup';
import { pageCounts, ratios, scorePage, sumScores, type PageScore, type Ratios } from './score';

export interface PageResult {
  truth: PageTruth;
  text: string;
  score: PageScore;
  ratios: Ratios;
}

export interface EvalResult {
  pages: PageResult[];
  overall: Ratios;
  /** Highlights on hard-negative pages (the goal is zero). */
  negativeHighlights: number;
}

export function loadPages(dir: string): { truth: PageTruth; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const truth = pageTruthSchema.parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
      const text = readFileSync(path.join(dir, f.replace(/\.json$/, '.txt')), 'utf8');
      const errors = offsetErrors(text, truth);
      if (errors.length) throw new Error(errors.join('\n'));
      return { truth, text };
    });
}

export function evaluate(root: string): EvalResult {
  const bundle = buildBundle(readSeeds(path.join(root, 'seeds'))).bundle;
  const matcher = compileMatcher(buildMatcherTable(bundle.corpusVersion, bundle.entities));
  const pages = loadPages(path.join(root, 'eval/pages')).map(({ truth, text }) => {
    const found = findMentions(matcher, text).map((m) => ({
      start: m.start,
      end: m.end,
      entity: matcher.table.entities[m.entity]!.id,
      rule: m.rule,
    }));
    const score = scorePage(truth.mentions, found);
    return { truth, text, score, ratios: ratios(pageCounts(score)) };
  });
  return {
    pages,
    overall: ratios(sumScores(pages.map((p) => p.score))),
    negativeHighlights: pages.filter((p) => p.truth.negative).reduce((n, p) => n + p.score.fp.length, 0),
  };
}
