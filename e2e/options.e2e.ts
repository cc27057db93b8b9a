import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../lib/settings/defaults';
import {
  NEW_DOCUMENT,
  NEW_ENTITY,
  ask,
  buildUpdatedBundle,
  nextCorpusVersion,
  readOptions,
  writeBundleVariant,
  type UpdatedBundle,
} from './harness/bundles';
import { REPO_ROOT, launchChromium, openExtensionPage, type ChromiumSession } from './harness/chromium';
import { isDark, pageColours } from './harness/colours';
import { MENTION_HIGHLIGHT, highlightTexts, waitForHighlights, writeSettings } from './harness/highlights';
import { startServer, type StaticServer } from './harness/server';
import { FIXTURES } from './harness/suite';

const DOCS = path.join(REPO_ROOT, 'docs');
const VIEWPORT = { width: 1000, height: 1200 };

interface Info {
  name: string;
  corpusVersion: string;
  source: 'builtin' | 'file' | 'url';
  documents: number;
  entities: number;
  first: string;
  last: string;
}

interface Search {
  entities: { id: string }[];
  passages: { documentId: string; passageId: string; snippet: { text: string } }[];
}

/**
 * The options page driven as a maintainer does: build an updated corpus bundle from a copy of the
 * seeds, import it from a file and from a URL, refuse broken bundles, go back with "restore" and
 * "reset", and change settings that open tabs apply live. The tests run in order and each starts
 * by checking the corpus the previous one left active.
 */
describe('options page in Chromium: corpus import, restore, reset and settings', () => {
  let server: StaticServer;
  /** Serves the temporary directory with the built bundles (`.json` gets CORS headers). */
  let bundleServer: StaticServer;
  let browser: ChromiumSession;
  /** An extension page kept open to send requests to the background from. */
  let extPage: Page;
  let updated: UpdatedBundle;
  const opened: Page[] = [];
  const pageErrors: string[] = [];

  /** Versions: built-in (seeds) → v1 (file, + document + entity) → v2 (URL) → v3 (gzipped file). */
  let v1: string;
  let v2: string;
  let v3: string;
  let v2Description: { en: string; es: string };
  let urlBundle: string;
  let brokenBundle: string;
  let gzBundle: string;
  let fakeGzBundle: string;

  const info = async (): Promise<Info> => {
    const reply = await ask<Info>(extPage, { type: 'corpusInfo' });
    expect(reply.ok, reply.error).toBe(true);
    return reply.value;
  };
  const search = async (query: string): Promise<Search> => {
    const reply = await ask<Search>(extPage, { type: 'search', query });
    expect(reply.ok, reply.error).toBe(true);
    return reply.value;
  };

  const openOptions = async (): Promise<Page> => {
    const page = await browser.context.newPage();
    opened.push(page);
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    await page.setViewportSize(VIEWPORT);
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.waitForSelector('.active-corpus');
    // The history (and the restore button's state) arrives with the same refresh.
    await page.waitForSelector('.history li');
    return page;
  };

  const openFixture = async (name: string): Promise<Page> => {
    const page = await browser.context.newPage();
    opened.push(page);
    await page.goto(`${server.url}/${name}`, { waitUntil: 'load' });
    return page;
  };

  const activeLine = async (page: Page) => (await readOptions(page)).activeLine ?? '';

  beforeAll(async () => {
    updated = await buildUpdatedBundle();
    v1 = updated.version;
    v2 = nextCorpusVersion(v1);
    v3 = nextCorpusVersion(v2);
    v2Description = {
      en: 'Binational pilot of shared inspection lanes for refrigerated freight, reviewed by the HLED.',
      es: 'Piloto binacional de carriles de inspección compartidos para carga refrigerada, revisado por el DEAN.',
    };
    // v2: the same corpus with the new entity's description reworded (one entity changed).
    urlBundle = await writeBundleVariant(updated.dir, 'bundle-v2.json', updated.bundle, (b) => {
      b.corpusVersion = v2;
      b.entities.find((e) => e.id === NEW_ENTITY.id)!.description = v2Description;
    });
    // A bundle with one field that is not a date.
    brokenBundle = await writeBundleVariant(updated.dir, 'broken-date.json', updated.bundle, (b) => {
      b.corpusVersion = nextCorpusVersion(v3);
      b.documents[2]!.date = 'tomorrow';
    });
    // v3, gzipped.
    gzBundle = await writeBundleVariant(updated.dir, 'bundle-v3.json.gz', updated.bundle, (b) => {
      b.corpusVersion = v3;
      b.entities.find((e) => e.id === NEW_ENTITY.id)!.description = v2Description;
    });
    // Plain JSON (a valid bundle) under a gzip name.
    fakeGzBundle = path.join(updated.dir, 'not-really.json.gz');
    await writeFile(fakeGzBundle, `${JSON.stringify({ ...updated.bundle, corpusVersion: nextCorpusVersion(v3) })}\n`);

    server = await startServer(FIXTURES);
    bundleServer = await startServer(updated.dir);
    browser = await launchChromium();
    extPage = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    // Importing this bundle on the options page, and refusing a broken one, are core scenarios
    // run in every browser (`e2e/scenarios/core.ts`). Here it goes in through the request that
    // page sends, so the steps below start from it.
    const imported = await ask(extPage, { type: 'importBundle', json: updated.json, source: 'file' });
    expect(imported.ok, imported.error).toBe(true);
    await mkdir(DOCS, { recursive: true });
  }, 120_000);

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => p.close()));
    const errors = pageErrors.splice(0);
    expect(errors, 'uncaught errors in the options page').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await bundleServer?.close();
    if (updated) await rm(updated.dir, { recursive: true, force: true });
  });

  it('the maintainer-built bundle adds exactly one document and one entity', () => {
    expect(updated.bundle.corpusVersion).toBe(v1);
    const doc = updated.bundle.documents.find((d) => d.id === NEW_DOCUMENT.id);
    expect(doc?.passages.length).toBe(3);
    expect(updated.bundle.entities.find((e) => e.id === NEW_ENTITY.id)?.name.en).toBe(NEW_ENTITY.name.en);
    // The builder found the new entity in the new document with its seed alias.
    const found = updated.bundle.mentions.filter((m) => m.entity === NEW_ENTITY.id);
    expect(found.length).toBe(2);
    expect(new Set(found.map((m) => m.document))).toEqual(new Set([NEW_DOCUMENT.id]));
  });

  it('after the import, with no reload: search finds the new document and a page opened now highlights the new entity', async () => {
    expect((await info()).corpusVersion).toBe(v1);

    const results = await search(NEW_ENTITY.name.en);
    expect(results.entities.map((e) => e.id)).toContain(NEW_ENTITY.id);
    const hits = results.passages.filter((p) => p.documentId === NEW_DOCUMENT.id);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((p) => p.snippet.text.includes('Quetzal Corridor Initiative'))).toBe(true);

    const card = await ask<{ id: string; documents: number; timeline: { documentId: string }[] }>(extPage, { type: 'lookupEntity', id: NEW_ENTITY.id });
    expect(card.ok, card.error).toBe(true);
    expect(card.value.documents).toBe(1);
    expect(card.value.timeline.map((t) => t.documentId)).toEqual([NEW_DOCUMENT.id, NEW_DOCUMENT.id]);

    const page = await openFixture('new-entity.html');
    const ranges = await waitForHighlights(page, { until: (r) => r.some((x) => x.text === NEW_ENTITY.name.en) });
    expect(ranges.map((r) => [r.text, r.within])).toEqual([
      [NEW_ENTITY.name.en, 'p-lede'],
      ['HLED', 'p-hled'],
    ]);
  });

  it('URL import: a bundle served with CORS from 127.0.0.1 is fetched, summarised and imported', async () => {
    expect((await info()).corpusVersion).toBe(v1);
    const page = await openOptions();
    const url = `${bundleServer.url}/${path.basename(urlBundle)}`;
    await page.fill('#bundle-url', url);
    await page.getByRole('button', { name: 'Fetch', exact: true }).click();
    await page.waitForSelector('.summary, .errors', { timeout: 15_000 });
    const view = await readOptions(page);
    expect(view.errors).toEqual([]);
    expect(view.summary!.title).toBe(`Import ${updated.bundle.name}, version ${v2}?`);
    expect(view.summary!.paragraphs).toEqual([`It replaces version ${v1}.`]);
    expect(view.summary!.rows['Documents']!.added.count + view.summary!.rows['Documents']!.removed.count + view.summary!.rows['Documents']!.changed.count).toBe(0);
    expect(view.summary!.rows['Entities']).toEqual({
      added: { count: 0, items: [] },
      removed: { count: 0, items: [] },
      changed: { count: 1, items: [NEW_ENTITY.name.en] },
    });

    await page.getByLabel('I understand: import this unverified bundle anyway').check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForSelector('.status .ok', { timeout: 15_000 });
    await page.waitForFunction((v) => document.querySelector('.active-corpus')?.textContent?.includes(`version ${v} `), v2);
    const done = await readOptions(page);
    expect(done.ok).toBe(`Imported version ${v2}.`);
    expect(done.activeLine).toContain(`version ${v2} (imported from a URL)`);
    expect(await info()).toMatchObject({ corpusVersion: v2, source: 'url' });
    const card = await ask<{ description: { en: string } }>(extPage, { type: 'lookupEntity', id: NEW_ENTITY.id });
    expect(card.value.description.en).toBe(v2Description.en);
  });

  it('a gzipped bundle imports; a .json.gz that is not gzip is refused with a clear message', async () => {
    expect((await info()).corpusVersion).toBe(v2);
    const head = (await readFile(gzBundle)).subarray(0, 2);
    expect([...head]).toEqual([0x1f, 0x8b]);

    const page = await openOptions();
    await page.setInputFiles('#bundle-file', gzBundle);
    await page.waitForSelector('.summary, .errors', { timeout: 15_000 });
    const view = await readOptions(page);
    expect(view.errors).toEqual([]);
    expect(view.summary!.title).toBe(`Import ${updated.bundle.name}, version ${v3}?`);
    await page.getByLabel('I understand: import this unverified bundle anyway').check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForSelector('.status .ok', { timeout: 15_000 });
    await page.waitForFunction((v) => document.querySelector('.active-corpus')?.textContent?.includes(`version ${v} `), v3);
    expect((await readOptions(page)).ok).toBe(`Imported version ${v3}.`);
    expect(await info()).toMatchObject({ corpusVersion: v3, source: 'file' });

    const again = await openOptions();
    await again.setInputFiles('#bundle-file', fakeGzBundle);
    await again.waitForSelector('.errors, .summary', { timeout: 15_000 });
    const refused = await readOptions(again);
    expect(refused.summary).toBeNull();
    expect(refused.errorsTitle).toBe('This bundle cannot be imported:');
    expect(refused.errors).toEqual(['The file is not valid gzip.']);
    expect(await info()).toMatchObject({ corpusVersion: v3, source: 'file' });
  });

  it('"Restore previous corpus" and "Reset to built-in corpus" ask first, then switch the active corpus', async () => {
    expect((await info()).corpusVersion).toBe(v3);
    const page = await openOptions();
    const dialogs: { type: string; message: string }[] = [];
    let answer: 'accept' | 'dismiss' = 'accept';
    page.on('dialog', (d) => {
      dialogs.push({ type: d.type(), message: d.message() });
      void (answer === 'accept' ? d.accept() : d.dismiss());
    });
    const restore = page.getByRole('button', { name: /^Restore previous corpus/ });
    const reset = page.getByRole('button', { name: 'Reset to built-in corpus', exact: true });

    expect((await readOptions(page)).restoreButton).toEqual({ text: `Restore previous corpus (${v2})`, disabled: false });

    // Saying no changes nothing.
    answer = 'dismiss';
    await reset.click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toEqual({ type: 'confirm', message: 'Replace the active corpus with the built-in one?' });
    await page.waitForTimeout(300);
    expect(await info()).toMatchObject({ corpusVersion: v3 });
    expect(await activeLine(page)).toContain(`version ${v3} (imported from a file)`);

    answer = 'accept';
    await restore.click();
    await page.waitForFunction((v) => document.querySelector('.active-corpus')?.textContent?.includes(`version ${v} `), v2, { timeout: 15_000 });
    expect(dialogs[1]).toEqual({ type: 'confirm', message: `Replace the active corpus with version ${v2}?` });
    expect(await activeLine(page)).toContain(`version ${v2} (imported from a URL)`);
    expect(await info()).toMatchObject({ corpusVersion: v2, source: 'url' });
    // The version now behind the active one is the one just replaced.
    await page.waitForFunction((v) => document.querySelector('section[aria-labelledby="corpus-title"] button')?.textContent?.includes(`(${v})`), v3);
    expect((await readOptions(page)).history[0]).toContain(`restored ${v2}`);

    await reset.click();
    await page.waitForFunction((v) => document.querySelector('.active-corpus')?.textContent?.includes(`version ${v} `), updated.builtinVersion, {
      timeout: 15_000,
    });
    expect(dialogs[2]).toEqual({ type: 'confirm', message: 'Replace the active corpus with the built-in one?' });
    expect(dialogs).toHaveLength(3);
    const view = await readOptions(page);
    expect(view.activeLine).toContain(`version ${updated.builtinVersion} (built in)`);
    expect(view.history[0]).toContain(`reset to built-in ${updated.builtinVersion}`);
    const now = await info();
    expect(now).toMatchObject({ corpusVersion: updated.builtinVersion, source: 'builtin' });

    // The built-in corpus answers again: the added document and entity are gone.
    expect((await search(NEW_ENTITY.name.en)).passages.filter((p) => p.documentId === NEW_DOCUMENT.id)).toEqual([]);
    const card = await ask(extPage, { type: 'lookupEntity', id: NEW_ENTITY.id });
    expect(card).toEqual({ ok: true, value: null });
    const fixture = await openFixture('new-entity.html');
    const ranges = await waitForHighlights(fixture);
    expect(ranges.map((r) => r.text)).toEqual(['HLED']);
  });

  it('settings: turning highlighting off removes highlights from an open tab live; the Spanish interface is in Spanish', async () => {
    await writeSettings(extPage, { ...DEFAULT_SETTINGS });
    try {
      const fixture = await openFixture('article-en.html');
      const lit = await waitForHighlights(fixture, { until: (r) => r.length >= 10 });

      const page = await openOptions();
      const enabled = page.locator('#setting-enabled');
      expect(await enabled.isChecked()).toBe(true);
      expect((await readOptions(page)).labels['setting-enabled']).toBe('Highlight mentions on web pages');

      await enabled.uncheck();
      await fixture.waitForFunction((n) => (CSS.highlights.get(n)?.size ?? 0) === 0, MENTION_HIGHLIGHT, { timeout: 5_000 });
      expect(await highlightTexts(fixture)).toEqual([]);
      expect((await readOptions(page)).notice).toBe('Saved');
      const stored = await extPage.evaluate(() => chrome.storage.local.get('settings'));
      expect((stored as { settings: { enabled: boolean } }).settings.enabled).toBe(false);

      await enabled.check();
      const back = await waitForHighlights(fixture, { until: (r) => r.length === lit.length });
      expect(back.map((r) => r.text)).toEqual(lit.map((r) => r.text));

      await page.selectOption('#setting-language', 'es');
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Ajustes de HLED Lens');
      const check = async (p: Page) => {
        const es = await readOptions(p);
        expect(es.lang).toBe('es');
        expect(es.title).toBe('Ajustes de HLED Lens');
        expect(es.headings).toEqual(
          expect.arrayContaining(['Corpus activo', 'Historial', 'Importar un paquete de corpus', 'Ajustes', 'Resaltar estos tipos de entidad', 'Estilo del resaltado']),
        );
        expect(es.labels).toMatchObject({
          'bundle-file': 'Archivo de paquete',
          'bundle-url': 'URL del paquete',
          'setting-enabled': 'Resaltar menciones en las páginas web',
          'setting-delay': 'Espera antes de abrir una ficha (ms)',
          'setting-language': 'Idioma de la interfaz',
        });
        expect(es.activeLine).toContain(`versión ${updated.builtinVersion} (incluido)`);
        expect(es.activeLine).toMatch(/\d+ documentos, \d+ entidades/);
        expect(es.history[0]).toContain(`vuelta al incluido ${updated.builtinVersion}`);
        const buttons = await p.locator('button').allTextContents();
        expect(buttons).toEqual(expect.arrayContaining(['Volver al corpus incluido', 'Exportar el corpus activo', 'Descargar', 'Cambiar atajo']));
        expect(await p.locator('#setting-language').inputValue()).toBe('es');
        return es;
      };
      const es = await check(page);
      // The notice about the change just made speaks the interface's language too.
      expect(es.notice).toBe('Guardado');
      // The choice is kept: a newly opened options page is in Spanish from the start.
      await check(await openOptions());
    } finally {
      await writeSettings(extPage, { ...DEFAULT_SETTINGS });
    }
  });

  it('follows a dark colour scheme (docs/options-dark.png)', async () => {
    const page = await openOptions();
    expect(isDark(await pageColours(page)), 'light in a light scheme').toBe(false);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(isDark(await pageColours(page))).toBe(true);
    expect(isDark(await pageColours(page, '#bundle-url')), 'fields are dark too').toBe(true);
    await page.screenshot({ path: path.join(DOCS, 'options-dark.png'), animations: 'disabled', caret: 'hide' });
  });
});

declare const chrome: { storage: { local: { get(key: string): Promise<unknown> } } };
