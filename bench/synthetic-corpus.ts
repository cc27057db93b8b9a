/**
 * A deterministic synthetic corpus bundle of any size, made from the real seed vocabulary: real
 * passages cut into sentences and recombined, the real entities' descriptions in both languages,
 * and Spanish sentences naming the real entities. Same size and seed, same bytes (a seeded PRNG,
 * no clock, no Math.random).
 *
 * Mentions are found exactly as `lib/corpus/build.ts` finds them (each document is one "page":
 * passages joined by a blank line, `findMentions` with the bundle's own matcher), and the result
 * is validated with the bundle schema (`checkBundle`), so the store sees a bundle like any other.
 * `buildBundle` itself is not reused: its catalog checks compile one matcher per alias and scan
 * every document with it (about 200 full passes over the corpus) and require each alias's
 * seed/editorial source to be true of the texts, which only makes sense for the real seeds.
 */
import type { Bundle, BundleDocument, BundleMention } from '../lib/corpus/bundle';
import { bundleProvenance, checkBundle } from '../lib/corpus/bundle';
import type { Entity } from '../lib/corpus/fields';
import { passageId } from '../lib/corpus/hash';
import { buildMatcherTable, compileMatcher, findMentions } from '../lib/match';
import { realSeedBundle } from './seeds';

export interface SyntheticCorpus {
  bundle: Bundle;
  json: string;
  passages: number;
  documents: number;
  mentions: number;
  /** Milliseconds spent generating (text, mentions, validation, JSON). */
  ms: number;
}

export interface SyntheticOptions {
  passages: number;
  passagesPerDocument?: number;
  seed?: number;
  /** Skip the schema validation (it is the slowest step at 100,000 passages; run it at least once). */
  validate?: boolean;
}

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?”])\s+(?=[“"¿¡A-ZÁÉÍÓÚÑ0-9])/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 20 && /[.!?”"]$/.test(s));
}

/** Spanish frames for sentences naming real entities ({a}, {b}: names or aliases). */
const ES_FRAMES = [
  '{a} y {b} revisaron los avances del diálogo en la Ciudad de México.',
  'Según {a}, la cooperación con {b} fortalece las cadenas de suministro de la región.',
  'El informe menciona a {a} entre los participantes de la reunión con {b}.',
  '{a} anunció nuevos compromisos de inversión junto con {b}.',
  'La agenda bilateral incluyó a {a} y a {b} en la mesa de trabajo sobre semiconductores.',
  'Funcionarios de {a} se reunieron con representantes de {b} para hablar de infraestructura fronteriza.',
  'De acuerdo con {a}, el programa apoyará a pequeñas empresas del sur de México.',
  '{a} destacó el papel de {b} en la integración económica de América del Norte.',
];

/** English frames, for entities whose names the real passages rarely use. */
const EN_FRAMES = [
  '{a} met {b} to review the work of the dialogue.',
  'According to {a}, the partnership with {b} will strengthen regional supply chains.',
  'Officials from {a} and {b} discussed border infrastructure and trade facilitation.',
  '{a} welcomed the commitments announced with {b} this week.',
];

interface Vocabulary {
  en: string[];
  es: string[];
  headingsEn: string[];
  headingsEs: string[];
  titlesEn: string[];
  titlesEs: string[];
  namesEn: string[];
  namesEs: string[];
  publishers: string[];
}

function vocabulary(bundle: Bundle): Vocabulary {
  const en: string[] = [];
  const headingsEn = new Set<string>();
  for (const d of bundle.documents) {
    for (const p of d.passages) {
      en.push(...sentencesOf(p.text));
      if (p.heading) headingsEn.add(p.heading);
    }
  }
  const es: string[] = [];
  const namesEn: string[] = [];
  const namesEs: string[] = [];
  for (const e of bundle.entities as Entity[]) {
    en.push(...sentencesOf(e.description.en));
    es.push(...sentencesOf(e.description.es));
    const unambiguous = e.aliases.filter((a) => !a.ambiguous);
    namesEn.push(...unambiguous.filter((a) => a.lang !== 'es').map((a) => a.text));
    namesEs.push(...unambiguous.filter((a) => a.lang !== 'en').map((a) => a.text));
  }
  const headingsEs = (bundle.entities as Entity[]).filter((e) => e.name.es.length < 60).map((e) => e.name.es);
  return {
    en,
    es,
    headingsEn: [...headingsEn],
    headingsEs,
    titlesEn: bundle.documents.map((d) => d.title),
    titlesEs: headingsEs.map((h) => `${h}: avances y compromisos`),
    namesEn,
    namesEs,
    publishers: [...new Set(bundle.documents.map((d) => d.publisher).filter((p): p is string => !!p))],
  };
}

const DAY = 86_400_000;
const FIRST_DATE = Date.UTC(2021, 8, 9);
const LAST_DATE = Date.UTC(2026, 10, 20);

/** Generates the synthetic bundle (`passages` is rounded up to whole documents). */
export function syntheticCorpus(opts: SyntheticOptions): SyntheticCorpus {
  const t0 = performance.now();
  const perDoc = opts.passagesPerDocument ?? 10;
  const rnd = prng(opts.seed ?? 0x5eed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const real = realSeedBundle().bundle;
  const vocab = vocabulary(real);
  const table = buildMatcherTable(real.corpusVersion, real.entities);
  const matcher = compileMatcher(table);

  const frame = (frames: readonly string[], names: readonly string[]) =>
    pick(frames).replace('{a}', pick(names)).replace('{b}', pick(names));
  const sentence = (lang: 'en' | 'es') =>
    lang === 'en'
      ? rnd() < 0.12
        ? frame(EN_FRAMES, vocab.namesEn)
        : pick(vocab.en)
      : rnd() < 0.45
        ? frame(ES_FRAMES, vocab.namesEs)
        : pick(vocab.es);

  const documents: BundleDocument[] = [];
  const mentions: BundleMention[] = [];
  const docCount = Math.ceil(opts.passages / perDoc);
  for (let di = 0; di < docCount; di++) {
    const lang = rnd() < 0.7 ? 'en' : 'es';
    const id = `syn-${String(di).padStart(6, '0')}`;
    const used = new Map<string, number>();
    let heading: string | null = null;
    const passages = Array.from({ length: perDoc }, (_, index) => {
      if (rnd() < 0.3) heading = pick(lang === 'en' ? vocab.headingsEn : vocab.headingsEs);
      const n = 2 + Math.floor(rnd() * 2);
      const text = Array.from({ length: n }, () => sentence(lang)).join(' ');
      let pid = passageId(id, text);
      const k = (used.get(pid) ?? 0) + 1;
      used.set(pid, k);
      if (k > 1) pid = `${pid}-${k}`;
      return { id: pid, index, heading, text };
    });
    const date = new Date(FIRST_DATE + Math.floor(rnd() * ((LAST_DATE - FIRST_DATE) / DAY)) * DAY).toISOString().slice(0, 10);
    documents.push({
      id,
      title: `${pick(lang === 'en' ? vocab.titlesEn : vocab.titlesEs)} (${di + 1})`,
      date,
      language: lang,
      publisher: pick(vocab.publishers),
      url: null,
      editorial: {},
      corrections: [],
      passages,
    });
    // As build.ts does: the whole document is one page for the page-level rules.
    const joined = passages.map((p) => p.text).join('\n\n');
    let pi = 0;
    let base = 0;
    for (const m of findMentions(matcher, joined)) {
      while (m.start >= base + passages[pi]!.text.length + 2) base += passages[pi++]!.text.length + 2;
      mentions.push({ entity: table.entities[m.entity]!.id, document: id, passage: passages[pi]!.id, start: m.start - base, end: m.end - base, rule: m.rule });
    }
  }
  let bundle: Bundle = {
    format: real.format,
    schemaVersion: 2,
    signer: null,
    dataAsOf: bundleProvenance(real).dataAsOf ?? real.createdAt.slice(0, 10),
    name: `Synthetic HLED corpus (${docCount * perDoc} passages)`,
    corpusVersion: real.corpusVersion,
    createdAt: real.createdAt,
    documents,
    entities: real.entities,
    mentions,
  };
  if (opts.validate !== false) {
    const checked = checkBundle(bundle);
    if (!checked.ok) throw new Error(`synthetic corpus: ${checked.errors.join('; ')}`);
    bundle = checked.bundle;
  }
  const json = `${JSON.stringify(bundle)}\n`;
  return { bundle, json, passages: docCount * perDoc, documents: docCount, mentions: mentions.length, ms: performance.now() - t0 };
}
