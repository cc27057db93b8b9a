import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../lib/settings/defaults';
import { NEW_ENTITY, ask, buildUpdatedBundle, nextCorpusVersion, type UpdatedBundle } from './harness/bundles';
import { CHROME_EXTENSION_DIR, CHROME_TEST_EXTENSION_DIR, REPO_ROOT } from './harness/chromium';
import { useExtensionSuite } from './harness/suite';
import { startStaticHost, type StaticHost } from './subscription/static-host';

const run = promisify(execFile);
const DOCS = path.join(REPO_ROOT, 'docs');

interface Info {
  corpusVersion: string;
  source: string;
  signer: string | null;
  signerKid: string | null;
  dataAsOf: string;
}

interface Release {
  version: string;
  bundleName: string;
  bundle: Buffer;
  signature: string;
  latest: string;
}

/** Runs the maintainers' command line in the repository. */
async function corpusCli(...args: string[]): Promise<void> {
  try {
    await run('npx', ['tsx', 'scripts/corpus.ts', ...args], { cwd: REPO_ROOT, timeout: 120_000 });
  } catch (e) {
    const err = e as Error & { stderr?: string };
    throw new Error(`corpus ${args.join(' ')} failed: ${err.message}\n${err.stderr ?? ''}`);
  }
}

/**
 * A publisher's day: a subscription to a static host on 127.0.0.1 that serves `latest.json`,
 * versioned bundles and their signatures, made with the maintainers' own commands and a key made
 * for this test. The tests run in order; each starts from the corpus the previous one left.
 */
// The test build takes subscriptions to http://127.0.0.1 (production builds never do).
describe('subscription in Chromium (test build): subscribe, update now, refuse tampering, survive outages, 304', () => {
  const suite = useExtensionSuite('options.html', DEFAULT_SETTINGS, { extensionPath: CHROME_TEST_EXTENSION_DIR });
  let host: StaticHost;
  let updated: UpdatedBundle;
  let keyDir: string;
  let publicJwk: string;
  let catalogPath: string;
  const releases: Release[] = [];
  let page: Page;

  const info = async (): Promise<Info> => {
    const reply = await ask<Info>(suite.extPage, { type: 'corpusInfo' });
    expect(reply.ok, reply.error).toBe(true);
    return reply.value;
  };
  const latestUrl = () => `${host.url}/hled/latest.json`;
  const logLines = () => page.locator('.update-log li').allTextContents();

  /** Builds, signs and describes one release from the copied seeds, as `npm run corpus` does. */
  const release = async (version: string, change?: (catalog: { entities: { id: string; description: { en: string } }[] }) => void): Promise<Release> => {
    const catalog = JSON.parse(await readFile(catalogPath, 'utf8')) as { corpus: { version: string }; entities: { id: string; description: { en: string } }[] };
    catalog.corpus.version = version;
    change?.(catalog);
    await writeFile(catalogPath, `${JSON.stringify(catalog, null, 2)}\n`);
    const out = path.join(updated.dir, 'dist', version);
    const bundleName = `hled-corpus-${version}.json`;
    await corpusCli('--seeds', path.join(updated.dir, 'seeds'), '--out', path.join(out, bundleName), '--sign', path.join(keyDir, 'private.jwk'), '--latest', path.join(out, 'latest.json'), '--quiet');
    const r = {
      version,
      bundleName,
      bundle: await readFile(path.join(out, bundleName)),
      signature: await readFile(path.join(out, `${bundleName}.sig`), 'utf8'),
      latest: await readFile(path.join(out, 'latest.json'), 'utf8'),
    };
    releases.push(r);
    return r;
  };
  const publish = (r: Release) => {
    host.put(`/hled/${r.bundleName}`, r.bundle);
    host.put(`/hled/${r.bundleName}.sig`, r.signature);
    host.put('/hled/latest.json', r.latest);
  };
  const updateNow = async (expectedFirstLine: RegExp) => {
    const before = (await logLines()).length;
    await page.getByRole('button', { name: 'Update now', exact: true }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.update-log li').length > n && !document.querySelector('.subscription-status progress'), before, { timeout: 20_000 });
    expect((await logLines())[0]).toMatch(expectedFirstLine);
  };

  beforeAll(async () => {
    host = await startStaticHost();
    keyDir = await mkdtemp(path.join(os.tmpdir(), 'hled-e2e-keys-'));
    await corpusCli('keygen', '--out', keyDir);
    publicJwk = await readFile(path.join(keyDir, 'public.jwk'), 'utf8');
    updated = await buildUpdatedBundle();
    catalogPath = path.join(updated.dir, 'seeds', 'catalog.json');
    publish(await release(updated.version));
  }, 180_000);
  afterAll(async () => {
    await page?.close();
    await host?.close();
  });

  it('subscribes after the publisher’s key is added; the new corpus answers a popup search', async () => {
    expect((await info()).corpusVersion).toBe(updated.builtinVersion);
    // Kept open across the tests of this block (tracked pages close after each test).
    page = await suite.browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 1200 });
    await page.goto(`chrome-extension://${suite.browser.extensionId}/options.html`);

    await page.fill('#key-name', 'Test corpus desk');
    await page.fill('#key-jwk', publicJwk);
    await page.getByRole('button', { name: 'Add key', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('.keys li').length === 2);
    expect((await page.locator('.keys li').allTextContents())[1]).toContain('Test corpus desk');

    await page.fill('#subscription-url', latestUrl());
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await page.waitForSelector('.update-log li', { timeout: 20_000 });
    expect((await logLines())[0]).toMatch(new RegExp(`— updated to ${updated.version.replace(/\./g, '\\.')} · update now$`));
    expect(await page.locator('.subscribed').textContent()).toContain(latestUrl());
    const now = await info();
    expect(now).toMatchObject({ corpusVersion: updated.version, source: 'subscription', signer: 'Test corpus desk' });
    expect(now.signerKid).toBe(JSON.parse(publicJwk).kid);
    expect(now.dataAsOf).toBe('2026-11-20');
    await page.waitForFunction(() => document.querySelector('.provenance')?.textContent?.startsWith('Signed by Test corpus desk'));
    expect(host.count(`/hled/${releases[0]!.bundleName}`, 200)).toBe(1);

    const popup = suite.track(await suite.browser.context.newPage());
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html`);
    await popup.locator('#q').pressSequentially('Quetzal', { delay: 20 });
    await popup.waitForSelector('[role="listbox"][aria-label="Results for “Quetzal”"]', { timeout: 10_000 });
    const names = await popup.locator('#results [role="option"].entity .name').allTextContents();
    expect(names).toContain(NEW_ENTITY.name.en);
  });

  it('"Update now" applies a newer signed bundle', async () => {
    const v2 = await release(nextCorpusVersion(updated.version), (c) => {
      c.entities.find((e) => e.id === NEW_ENTITY.id)!.description.en = 'Binational pilot for inspecting refrigerated freight once, now in its second phase.';
    });
    publish(v2);
    await updateNow(new RegExp(`— updated to ${v2.version.replace(/\./g, '\\.')}`));
    expect(await info()).toMatchObject({ corpusVersion: v2.version, source: 'subscription' });
    const card = await ask<{ description: { en: string } }>(suite.extPage, { type: 'lookupEntity', id: NEW_ENTITY.id });
    expect(card.value.description.en).toBe('Binational pilot for inspecting refrigerated freight once, now in its second phase.');
    await page.waitForFunction((v) => document.querySelector('.active-corpus')?.textContent?.includes(`version ${v} (updated from the subscription)`), v2.version);
  });

  it('refuses a tampered bundle with "signature does not match", the active corpus unchanged', async () => {
    const active = (await info()).corpusVersion;
    const v3 = await release(nextCorpusVersion(active));
    // A compromised mirror changes the text and, to pass the digest, latest.json too.
    const text = v3.bundle.toString('utf8');
    expect(text).toContain('three pilot lanes');
    const tampered = Buffer.from(text.replace('three pilot lanes', 'nine pilot lanes'), 'utf8');
    const latest = JSON.parse(v3.latest) as { sha256: string };
    latest.sha256 = createHash('sha256').update(tampered).digest('hex');
    publish({ ...v3, bundle: tampered, latest: JSON.stringify(latest) });
    await updateNow(/— failed: signature does not match · update now$/);
    expect(await page.locator('.last-check.failed').textContent()).toContain('signature does not match');
    expect((await info()).corpusVersion).toBe(active);
    const search = await ask<{ passages: { snippet: { text: string } }[] }>(suite.extPage, { type: 'search', query: 'nine pilot lanes' });
    expect(search.value.passages.some((p) => p.snippet.text.includes('nine pilot'))).toBe(false);
  });

  it('logs a server that is down, and loses nothing: the corpus and the way back stay', async () => {
    const before = await info();
    const history = await ask<{ previous: { corpusVersion: string } | null }>(suite.extPage, { type: 'history' });
    host.setDown(true);
    try {
      await updateNow(/— failed: the server could not be reached \(.+\) · update now$/);
    } finally {
      host.setDown(false);
    }
    expect(await info()).toEqual(before);
    expect((await ask<{ previous: { corpusVersion: string } | null }>(suite.extPage, { type: 'history' })).value.previous).toEqual(history.value.previous);
    const status = await ask<{ subscription: { failures: number; nextCheckAt: number } }>(suite.extPage, { type: 'subscriptionStatus' });
    // Two failures in a row: the next try comes in about 30 minutes, not a day.
    expect(status.value.subscription.failures).toBe(2);
    expect(status.value.subscription.nextCheckAt - Date.now()).toBeLessThan(40 * 60_000);
  });

  it('asks with the saved ETag and downloads nothing when latest.json has not changed (304)', async () => {
    const v2 = releases[1]!;
    publish(v2);
    const latest304 = host.count('/hled/latest.json', 304);
    const bundleGets = host.count(`/hled/${v2.bundleName}`);
    await updateNow(/— not modified since the last check \(304\) · update now$/);
    expect(host.count('/hled/latest.json', 304)).toBe(latest304 + 1);
    expect(host.count(`/hled/${v2.bundleName}`)).toBe(bundleGets);
    expect((await info()).corpusVersion).toBe(v2.version);

    await page.locator('#subscription-title').scrollIntoViewIfNeeded();
    await page.locator('section.subscription').screenshot({ path: path.join(DOCS, 'options-subscription.png'), animations: 'disabled', caret: 'hide' });
    await page.locator('section[aria-labelledby="corpus-title"]').screenshot({ path: path.join(DOCS, 'options-signed.png'), animations: 'disabled', caret: 'hide' });
    await page.locator('section[aria-labelledby="keys-title"]').screenshot({ path: path.join(DOCS, 'options-keys.png'), animations: 'disabled', caret: 'hide' });
  });
});

describe('subscription in the production build', () => {
  const suite = useExtensionSuite('options.html', DEFAULT_SETTINGS, { extensionPath: CHROME_EXTENSION_DIR });

  it('asks for the alarms permission and grants no host at install', async () => {
    const manifest = JSON.parse(await readFile(path.join(CHROME_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { permissions: string[]; host_permissions?: string[]; optional_host_permissions: string[] };
    expect(manifest.permissions).toContain('alarms');
    expect(manifest.host_permissions).toBeUndefined();
    // Every origin is optional: a bundle or subscription host is asked for when CORS refuses.
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
  });

  it('refuses an http subscription on 127.0.0.1: the loopback exception is for test builds only', async () => {
    const page = suite.track(await suite.browser.context.newPage());
    await page.goto(`chrome-extension://${suite.browser.extensionId}/options.html`);
    await page.fill('#subscription-url', `${suite.server.url}/latest.json`);
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await page.waitForSelector('.subscription-status .errors');
    expect(await page.locator('.subscription-status .errors').textContent()).toBe('A subscription needs an https URL.');
    const direct = await ask(suite.extPage, { type: 'subscribe', url: `${suite.server.url}/latest.json` });
    expect(direct).toMatchObject({ ok: false, error: 'updates: a subscription needs an https URL' });
    expect((await ask<{ subscription: unknown }>(suite.extPage, { type: 'subscriptionStatus' })).value.subscription).toBeNull();
  });
});
