import { cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_TEST_EXTENSION_DIR, launchFirefox, type FirefoxSession } from '../harness/firefox';
import { puppeteerDriver } from '../harness/puppeteer-driver';
import { startServer, type StaticServer } from '../harness/server';
import { FIXTURES } from '../harness/suite';
import { CORE_SCENARIOS, prepareScenarioContext, type ScenarioContext } from '../scenarios/core';

/**
 * The Firefox suite must go red when the add-on does not do its work: here the built add-on is
 * copied without its content script, installed, and the first core scenario (the English article
 * is highlighted) is run against it. It has to fail, and fail for the right reason. The script is
 * registered at run time, not declared, so the copy keeps the registration and empties the file.
 */
describe('core reader scenarios (Firefox) without the content script', () => {
  let dir: string;
  let server: StaticServer;
  let firefox: FirefoxSession;
  let ctx: ScenarioContext;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hled-e2e-no-content-'));
    await cp(FIREFOX_TEST_EXTENSION_DIR, dir, { recursive: true });
    const script = path.join(dir, 'content-scripts', 'content.js');
    expect((await stat(script)).size, 'the built add-on has a content script').toBeGreaterThan(1000);
    await writeFile(script, '');
    server = await startServer(FIXTURES);
    firefox = await launchFirefox(dir);
    ctx = await prepareScenarioContext(puppeteerDriver(firefox, server));
  }, 180_000);

  afterAll(async () => {
    await ctx?.driver.closeTabs();
    await firefox?.close();
    await server?.close();
    if (ctx) await rm(ctx.updated.dir, { recursive: true, force: true });
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the English-article scenario fails: no highlights appear', async () => {
    const english = CORE_SCENARIOS[0]!;
    expect(english.name).toMatch(/^the English article is highlighted/);
    await expect(english.run(ctx)).rejects.toThrow(/Highlights did not settle as expected .*article-en\.html.*last seen: \[\]/);
  });
});
