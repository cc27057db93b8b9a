/**
 * `npm run -s scan -- [--json] [--text] [--bundle F] FILE...`: runs the content script's matcher
 * and page rules over files. `.txt` is scanned as it is; `.html` through the content script's
 * own text walk, on a DOM built by jsdom (a spec-complete DOM: the walk needs TreeWalker
 * navigation and shadow roots, which lighter DOMs lack).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { buildBundle } from '../lib/corpus/build';
import { checkBundle, type Bundle } from '../lib/corpus/bundle';
import { readSeeds } from '../lib/corpus/seeds-node';
import { extractText } from '../lib/highlight/extract';
import { buildMatcherTable, compileMatcher, findMentions, type Matcher } from '../lib/match';
import { scanReport, type ScanFileReport } from './scan-report';

class UsageError extends Error {}

function loadBundle(path: string | undefined): Bundle {
  if (!path) return buildBundle(readSeeds(resolve('seeds'))).bundle;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`scan: ${path}: cannot read bundle (${(e as Error).message.split('\n')[0]})`);
  }
  const checked = checkBundle(json);
  if (!checked.ok) throw new UsageError(`scan: ${path}: ${checked.errors[0]}`);
  return checked.bundle;
}

function textOf(file: string): string {
  const lower = file.toLowerCase();
  if (!lower.endsWith('.txt') && !lower.endsWith('.html') && !lower.endsWith('.htm')) {
    throw new UsageError(`scan: ${file}: unknown file type (expected .txt or .html)`);
  }
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`scan: ${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (lower.endsWith('.txt')) return raw;
  const dom = new JSDOM(raw);
  return extractText(dom.window.document.body ?? dom.window.document.documentElement);
}

function scanFile(matcher: Matcher, bundle: Bundle, file: string, text: string): ScanFileReport {
  return scanReport(file, text, findMentions(matcher, text), matcher.table, bundle.entities);
}

function main(argv: string[]): number {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, text: { type: 'boolean' }, bundle: { type: 'string' } } });
    } catch (e) {
      throw new UsageError(`scan: ${(e as Error).message}`);
    }
    const { values, positionals } = parsed;
    if (!positionals.length) throw new UsageError('scan: usage: npm run -s scan -- [--json] [--text] [--bundle F] FILE...');
    const bundle = loadBundle(values.bundle);
    const matcher = compileMatcher(buildMatcherTable(bundle.corpusVersion, bundle.entities));
    const texts = positionals.map((f) => [f, textOf(f)] as const);
    if (values.text) {
      for (const [, t] of texts) process.stdout.write(`${t}\n`);
      return 0;
    }
    const reports = texts.map(([f, t]) => scanFile(matcher, bundle, f, t));
    if (values.json) {
      process.stdout.write(`${JSON.stringify(reports)}\n`);
      return 0;
    }
    for (const r of reports) {
      process.stdout.write(`${r.file}: ${r.mentions.length} mention${r.mentions.length === 1 ? '' : 's'}\n`);
      const text = texts.find(([f]) => f === r.file)![1];
      for (const m of r.mentions) {
        const line = text.slice(0, m.start).split('\n').length;
        process.stdout.write(`  ${String(line).padStart(5)}  ${JSON.stringify(m.text).padEnd(36)} ${m.entity.id.padEnd(32)} ${m.rule}\n`);
      }
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
