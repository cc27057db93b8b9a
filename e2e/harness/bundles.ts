import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './chromium';
import { optionsInPage } from './page-reads';
import type { WithChrome } from './highlights';

const run = promisify(execFile);

/** The entity a maintainer adds in the updated corpus; it occurs in the new document only. */
export const NEW_ENTITY = {
  id: 'quetzal-corridor-initiative',
  type: 'program',
  scope: 'core',
  country: 'binational',
  name: { en: 'Quetzal Corridor Initiative', es: 'Iniciativa del Corredor Quetzal' },
  description: {
    en: 'Binational pilot, presented at an HLED working session, for inspecting refrigerated freight once at shared lanes of the border.',
    es: 'Piloto binacional, presentado en una sesión de trabajo del DEAN, para inspeccionar una sola vez la carga refrigerada en carriles compartidos de la frontera.',
  },
  aliases: [
    { text: 'Quetzal Corridor Initiative', lang: 'en', acronym: false, titleCaseIsWord: false, source: 'seed' },
    { text: 'Iniciativa del Corredor Quetzal', lang: 'es', acronym: false, titleCaseIsWord: false, source: 'editorial' },
  ],
} as const;

/** The document a maintainer adds: an original short news text naming the HLED and the new entity. */
export const NEW_DOCUMENT = {
  id: '005_7c3e91a4d2b85f06',
  file: '005_7c3e91a4d2b85f06.txt',
  title: 'Border planners present Quetzal Corridor Initiative at HLED working session',
  date: '2026-11-20',
  language: 'en',
  publisher: 'Frontier Freight Review',
  url: null,
  editorial: {},
  frontMatter: ['Border planners present Quetzal Corridor Initiative at HLED working session', 'November 20, 2026'],
  corrections: [],
} as const;

export const NEW_DOCUMENT_TEXT = [
  'Border planners present Quetzal Corridor Initiative at HLED working session',
  '',
  'November 20, 2026',
  '',
  'Planning officials from both sides of the border presented the Quetzal Corridor Initiative on Thursday during a working session of the High-Level Economic Dialogue (HLED). The proposal sets a shared schedule for inspecting refrigerated freight, so that produce trucks stop once instead of twice.',
  '',
  'According to the presenters, the Quetzal Corridor Initiative would open three pilot lanes next spring and publish average crossing times every month, so that growers and carriers can compare the corridor with other routes.',
  '',
  'Delegates said the HLED will review the pilot at its next annual meeting and decide whether to extend it to more crossings.',
  '',
].join('\n');

/** The parts of a bundle the tests read or change. */
export interface BundleJson {
  name: string;
  corpusVersion: string;
  documents: { id: string; title: string; date: string; passages: { id: string; text: string }[] }[];
  entities: { id: string; name: { en: string; es: string }; description: { en: string; es: string } }[];
  mentions: { entity: string; document: string; passage: string }[];
  [key: string]: unknown;
}

export interface Catalog {
  corpus: { name: string; version: string };
  documents: { id: string }[];
  entities: { id: string }[];
}

/** `2026.11.23.1` → `2026.11.23.2`. */
export function nextCorpusVersion(version: string): string {
  const m = /^(\d{4}\.\d{2}\.\d{2})\.(\d+)$/.exec(version);
  if (!m) throw new Error(`not a corpus version: ${version}`);
  return `${m[1]}.${Number(m[2]) + 1}`;
}

export async function readCatalog(seedsDir = path.join(REPO_ROOT, 'seeds')): Promise<Catalog> {
  return JSON.parse(await readFile(path.join(seedsDir, 'catalog.json'), 'utf8')) as Catalog;
}

/** Runs the maintainers' command line: `tsx scripts/corpus.ts --seeds DIR --out FILE`. */
export async function runCorpusCli(seedsDir: string, out: string): Promise<{ stderr: string }> {
  try {
    const { stderr } = await run('npx', ['tsx', 'scripts/corpus.ts', '--seeds', seedsDir, '--out', out], {
      cwd: REPO_ROOT,
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { stderr };
  } catch (e) {
    const err = e as Error & { stderr?: string; stdout?: string };
    throw new Error(`corpus build failed: ${err.message}\n${err.stderr ?? ''}${err.stdout ?? ''}`);
  }
}

export interface UpdatedBundle {
  /** Temporary directory with the copied seeds and the bundle. */
  dir: string;
  file: string;
  json: string;
  bundle: BundleJson;
  /** The version of `seeds/` (the built-in corpus). */
  builtinVersion: string;
  version: string;
}

/**
 * Builds an updated bundle the way a maintainer does: copies `seeds/`, adds one document and one
 * entity to the copy, bumps the corpus version, runs the corpus command on the copy.
 */
export async function buildUpdatedBundle(): Promise<UpdatedBundle> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hled-e2e-bundle-'));
  const seeds = path.join(dir, 'seeds');
  await cp(path.join(REPO_ROOT, 'seeds'), seeds, { recursive: true });
  const catalog = (await readCatalog(seeds)) as Catalog & { documents: unknown[]; entities: unknown[] };
  const builtinVersion = catalog.corpus.version;
  const version = nextCorpusVersion(builtinVersion);
  catalog.corpus.version = version;
  catalog.documents.push(NEW_DOCUMENT);
  catalog.entities.push(NEW_ENTITY);
  await writeFile(path.join(seeds, 'catalog.json'), `${JSON.stringify(catalog, null, 2)}\n`);
  await writeFile(path.join(seeds, NEW_DOCUMENT.file), NEW_DOCUMENT_TEXT);
  const file = path.join(dir, 'bundle.json');
  await runCorpusCli(seeds, file);
  const json = await readFile(file, 'utf8');
  return { dir, file, json, bundle: JSON.parse(json) as BundleJson, builtinVersion, version };
}

/** Writes a changed copy of a bundle as `name` in `dir` and returns its path. */
export async function writeBundleVariant(dir: string, name: string, base: BundleJson, change: (b: BundleJson) => void): Promise<string> {
  const copy = structuredClone(base);
  change(copy);
  const file = path.join(dir, name);
  const text = `${JSON.stringify(copy)}\n`;
  await writeFile(file, name.endsWith('.gz') ? gzipSync(Buffer.from(text, 'utf8')) : text);
  return file;
}

/** Sends a request to the background from an extension page and returns the raw reply. */
export function ask<T = any>(extensionPage: Page, message: unknown): Promise<{ ok: boolean; value: T; error?: string }> {
  return extensionPage.evaluate((m) => (globalThis as WithChrome).chrome.runtime.sendMessage(m), message) as Promise<{
    ok: boolean;
    value: T;
    error?: string;
  }>;
}

/** One row of the import summary table. */
export interface SummaryRow {
  added: { count: number; items: string[] };
  removed: { count: number; items: string[] };
  changed: { count: number; items: string[] };
}

/** What the options page shows, read from its DOM. */
export interface OptionsView {
  lang: string | null;
  title: string;
  h1: string;
  headings: string[];
  activeLine: string | null;
  restoreButton: { text: string; disabled: boolean } | null;
  history: string[];
  status: string;
  ok: string | null;
  errorsTitle: string | null;
  errors: string[];
  summary: {
    title: string;
    paragraphs: string[];
    rows: Record<string, SummaryRow>;
    buttons: string[];
  } | null;
  notice: string;
  labels: Record<string, string>;
}

export function readOptions(page: Page): Promise<OptionsView> {
  return page.evaluate(optionsInPage);
}
