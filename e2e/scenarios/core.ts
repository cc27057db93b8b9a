import { rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, it } from 'vitest';
import { buildUpdatedBundle, nextCorpusVersion, writeBundleVariant } from '../harness/bundles';
import { EVERY_MENTION } from '../harness/suite';
import { CARD_SCENARIOS } from './card';
import type { Scenario, ScenarioContext, ScreenshotName } from './context';
import type { BrowserDriver } from './driver';
import { loadCorpusFacts } from './expectations';
import { HIGHLIGHT_SCENARIOS } from './highlights';
import { OPTIONS_SCENARIOS } from './options';
import { POPUP_SCENARIOS } from './popup';
import { writeSettings } from './steps';

export type { Scenario, ScenarioContext, ScreenshotName } from './context';

/**
 * The core reader scenarios, written once and run in every browser the extension ships for
 * (`e2e/core.e2e.ts` in Chromium, `e2e/firefox/core.firefox.ts` in Firefox): the same names
 * appear in both reports, and a change to a scenario changes it everywhere. In this order: the
 * options scenarios come last because the last one imports a bundle.
 */
export const CORE_SCENARIOS: Scenario[] = [...HIGHLIGHT_SCENARIOS, ...CARD_SCENARIOS, ...POPUP_SCENARIOS, ...OPTIONS_SCENARIOS];

export interface ScenarioSuite {
  /** Starts the browser with the extension (and whatever it reads pages from). */
  start(): Promise<BrowserDriver>;
  stop(): Promise<void>;
  screenshotPath(name: ScreenshotName): string | null;
}

/**
 * Registers every core scenario as a test of the enclosing `describe`, in order (the last one
 * imports a bundle), with one browser for all of them.
 */
export function registerCoreScenarios(suite: ScenarioSuite): void {
  let ctx: ScenarioContext | undefined;
  beforeAll(async () => {
    ctx = await prepareScenarioContext(await suite.start(), (n) => suite.screenshotPath(n));
    // Detection is checked with every accepted mention painted, as in the Chromium detection
    // suites; the default density (first mention per section) is display, tested in control.e2e.ts.
    await writeSettings(await ctx.driver.openExtensionPage('options.html'), { ...EVERY_MENTION });
    await ctx.driver.closeTabs();
  }, 180_000);
  afterEach(async () => {
    await ctx?.driver.closeTabs();
  });
  afterAll(async () => {
    await suite.stop();
    if (ctx) await rm(ctx.updated.dir, { recursive: true, force: true });
  });
  for (const scenario of CORE_SCENARIOS) it(scenario.name, () => scenario.run(ctx!));
}

/** The corpus facts and bundles the scenarios use, around a started browser (remove `updated.dir` when done). */
export async function prepareScenarioContext(driver: BrowserDriver, screenshotPath: ScenarioContext['screenshotPath'] = () => null): Promise<ScenarioContext> {
  const facts = await loadCorpusFacts();
  const updated = await buildUpdatedBundle();
  const brokenBundle = await writeBundleVariant(updated.dir, 'broken-date.json', updated.bundle, (b) => {
    b.corpusVersion = nextCorpusVersion(updated.version);
    b.documents[2]!.date = 'tomorrow';
  });
  return { driver, facts, updated, brokenBundle, screenshotPath };
}

