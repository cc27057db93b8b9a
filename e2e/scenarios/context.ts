import type { UpdatedBundle } from '../harness/bundles';
import type { BrowserDriver } from './driver';
import type { CorpusFacts } from './expectations';

/** Screenshots a scenario may take; each browser says where (or whether) it keeps them. */
export type ScreenshotName = 'card' | 'options-summary' | 'options-error';

/** What every shared scenario gets: the browser, and the facts and files its expectations come from. */
export interface ScenarioContext {
  driver: BrowserDriver;
  facts: CorpusFacts;
  /** A maintainer-built bundle one document and one entity larger than the built-in corpus. */
  updated: UpdatedBundle;
  /** The same bundle with `documents[2].date` set to "tomorrow". */
  brokenBundle: string;
  /** Path to save a screenshot under, or null when this browser keeps none of that name. */
  screenshotPath(name: ScreenshotName): string | null;
}

export interface Scenario {
  name: string;
  run(ctx: ScenarioContext): Promise<void>;
}

/** Viewports the scenarios use. */
export const SCREEN = { width: 1200, height: 800 };
/** About the size of the toolbar popup (380 px wide); the popup page opened as a tab gets this viewport. */
export const POPUP_VIEWPORT = { width: 400, height: 600 };
export const OPTIONS_VIEWPORT = { width: 1000, height: 1200 };
