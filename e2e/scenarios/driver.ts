/**
 * The thin interface the shared scenarios (`e2e/scenarios/core.ts`) drive a browser through. One
 * adapter per browser implements it: playwright-core for Chromium (`e2e/harness/playwright-driver.ts`),
 * puppeteer-core over WebDriver BiDi for Firefox (`e2e/harness/puppeteer-driver.ts`). Scenarios
 * see nothing else of either library, so the two suites cannot drift apart.
 */

export interface Viewport {
  width: number;
  height: number;
}

/** One tab. Scripts are strings (an expression, or a call of a function's source made with `call`). */
export interface PageDriver {
  url(): Promise<string>;
  /** Evaluates an expression in the page's main world (awaiting a promise it yields); the result must be JSON-serialisable. */
  evaluate<T>(expression: string): Promise<T>;
  /**
   * Evaluates an expression in the card's frame (`card-frame.html`, the extension page the open
   * card is shown in); rejects when the page has no such frame.
   */
  evaluateInCard<T>(expression: string): Promise<T>;
  /** Resolves once `expression` is truthy in the page; rejects after `timeout` ms naming `what`. */
  waitFor(expression: string, what: string, timeout?: number): Promise<void>;
  /** Moves the mouse to a point in viewport coordinates. */
  mouseMove(x: number, y: number): Promise<void>;
  /** A real click (mouse down and up) at a point in viewport coordinates. */
  clickAt(x: number, y: number): Promise<void>;
  /** Presses one key (`Escape`, `Enter`, `ArrowDown`) in the focused element. */
  press(key: string): Promise<void>;
  /** Focuses the element and types `text` key by key. */
  type(selector: string, text: string): Promise<void>;
  /** Sets the files of an `<input type=file>`, as a user choosing them does (a change event follows). */
  uploadFile(selector: string, file: string): Promise<void>;
  screenshot(file: string): Promise<void>;
  /** Uncaught errors the page has thrown since the driver took it. */
  errors(): string[];
  close(): Promise<void>;
}

/** One browser with the built extension installed, and the fixture server it reads pages from. */
export interface BrowserDriver {
  /** Shown in suite names: `Chromium`, `Firefox`. */
  readonly name: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, no trailing slash. */
  readonly extensionOrigin: string;
  /** Opens `<fixture server>/<fixture>` in a new tab and waits for its load event. */
  openFixture(fixture: string, viewport?: Viewport): Promise<PageDriver>;
  /** Opens one of the extension's pages (`popup.html`, `options.html#…`) in a new tab, loaded. */
  openExtensionPage(path: string, viewport?: Viewport): Promise<PageDriver>;
  /**
   * Runs `action` and returns the tab it opened whose URL contains `urlPart` (waiting until the
   * tab is there and has that URL).
   */
  waitForNewTab(urlPart: string, action: () => Promise<void>, timeout?: number): Promise<PageDriver>;
  /** Closes every tab opened since the last call (scenarios call it when they end). */
  closeTabs(): Promise<void>;
}

/** `(fn)(arg)` as a script string: `fn` must be self-contained (it runs in the page, not here). */
export function call<A>(fn: (arg: A) => unknown, arg: A): string;
export function call(fn: () => unknown): string;
export function call(fn: (arg?: unknown) => unknown, ...args: unknown[]): string {
  return `(${fn.toString()})(${args.length ? JSON.stringify(args[0]) : ''})`;
}
