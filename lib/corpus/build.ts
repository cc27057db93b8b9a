import { catalog as catalogSchema, type Catalog } from './catalog';
import { checkCatalog, aliasKey } from './catalog-check';
import { BUNDLE_FORMAT, BUNDLE_SCHEMA_VERSION, bundleSchema, formatPath, type Bundle, type BundleDocument, type BundleMention } from './bundle';
import { passageId } from './hash';
import { CorpusError, applyCorrections, splitPassages } from './passages';
import { buildMatcherTable, compileMatcher, findMentions, tokenize } from '../match';

export interface SeedSources {
  /** The parsed `seeds/catalog.json` (validated here). */
  catalog: unknown;
  /** Raw seed texts by file name. */
  texts: ReadonlyMap<string, string>;
}

export interface BuildOptions {
  /** Seconds since the epoch for `createdAt` (reproducible builds); default: the newest document date. */
  sourceDateEpoch?: number;
  /** The `kid` of the key the bundle will be signed with (`signer`); default: unsigned (null). */
  signer?: string | null;
  /** The day the data is current to (`dataAsOf`, YYYY-MM-DD); default: the newest document date. */
  dataAsOf?: string;
}

export interface BuildResult {
  bundle: Bundle;
  /** The bundle as written: same input, same bytes. */
  json: string;
  /** Acronyms in the text that no entity covers: worth a look, not an error. */
  warnings: string[];
}

/**
 * Builds the corpus bundle from the seeds: applies the declared corrections, splits passages,
 * finds every entity mention with the same matcher the content script uses, and fails (naming
 * what is wrong) on an invalid catalog or an entity that no passage mentions. Pure and
 * deterministic: no clock, no file system.
 */
export function buildBundle(src: SeedSources, opts: BuildOptions = {}): BuildResult {
  const parsed = catalogSchema.safeParse(src.catalog);
  if (!parsed.success) {
    throw new CorpusError(parsed.error.issues.slice(0, 20).map((i) => `catalog: ${formatPath(i.path)} ${i.message}`));
  }
  const catalog: Catalog = parsed.data;
  const problems: string[] = [];
  const corrected = new Map<string, string>();
  for (const d of catalog.documents) {
    const raw = src.texts.get(d.file);
    if (raw === undefined) {
      problems.push(`${d.id}: seed file "${d.file}" is missing`);
      continue;
    }
    corrected.set(d.id, applyCorrections(d.id, raw, d.corrections, problems));
  }
  checkCatalog(catalog, corrected, problems);
  if (problems.length) throw new CorpusError(problems);

  const table = buildMatcherTable(catalog.corpus.version, catalog.entities);
  const matcher = compileMatcher(table);
  const documents: BundleDocument[] = [];
  const mentions: BundleMention[] = [];
  const warnings: string[] = [];
  const aliasWords = new Set(catalog.entities.flatMap((e) => e.aliases.flatMap((a) => aliasKey(a.text).split(' '))));

  for (const d of catalog.documents) {
    const split = splitPassages(d.id, corrected.get(d.id)!, d.frontMatter, problems);
    const used = new Map<string, number>();
    const passages = split.map((p, index) => {
      let pid = passageId(d.id, p.text);
      const n = (used.get(pid) ?? 0) + 1;
      used.set(pid, n);
      if (n > 1) pid = `${pid}-${n}`;
      return { id: pid, index, heading: p.heading, text: p.text };
    });
    documents.push({
      id: d.id,
      title: d.title,
      date: d.date,
      language: d.language,
      publisher: d.publisher,
      url: d.url,
      editorial: d.editorial,
      corrections: d.corrections.map((c) => ({ what: c.what, why: c.why })),
      passages,
    });
    // The whole document is one "page" for the page-level rules, as an article is in a tab.
    const joined = passages.map((p) => p.text).join('\n\n');
    const found = findMentions(matcher, joined);
    let pi = 0;
    let base = 0;
    for (const m of found) {
      while (m.start >= base + passages[pi]!.text.length + 2) base += passages[pi++]!.text.length + 2;
      mentions.push({ entity: table.entities[m.entity]!.id, document: d.id, passage: passages[pi]!.id, start: m.start - base, end: m.end - base, rule: m.rule });
    }
    for (const acronym of uncoveredAcronyms(joined, aliasWords)) warnings.push(`${d.id}: acronym "${acronym}" is covered by no entity`);
  }
  const mentioned = new Set(mentions.map((m) => m.entity));
  for (const e of catalog.entities) {
    if (!mentioned.has(e.id)) problems.push(`entity "${e.id}" (${e.name.en}) is found in no passage by any alias`);
  }
  if (problems.length) throw new CorpusError(problems);

  const newest = catalog.documents.map((d) => d.date).sort().at(-1)!;
  const createdAt = opts.sourceDateEpoch !== undefined ? new Date(opts.sourceDateEpoch * 1000).toISOString() : `${newest}T00:00:00.000Z`;
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    name: catalog.corpus.name,
    corpusVersion: catalog.corpus.version,
    createdAt,
    signer: opts.signer ?? null,
    dataAsOf: opts.dataAsOf ?? newest,
    documents,
    entities: catalog.entities,
    mentions,
  };
  const checked = bundleSchema.safeParse(bundle);
  if (!checked.success) throw new CorpusError(checked.error.issues.map((i) => `built bundle: ${formatPath(i.path)} ${i.message}`));
  return { bundle: checked.data, json: `${JSON.stringify(checked.data)}\n`, warnings };
}

function uncoveredAcronyms(text: string, aliasWords: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  const toks = tokenize(text);
  for (let k = 0; k < toks.count; k++) {
    const word = text.slice(toks.start[k], toks.end[k]);
    if (!/^\p{Lu}{2,}$/u.test(word.replace(/\./g, ''))) continue;
    if (!aliasWords.has(aliasKey(word)) && !/^[IVX]+$/.test(word)) out.add(word);
  }
  return [...out];
}
