/**
 * Test builds only (`import.meta.env.HLED_TEST_BUILD`, see `wxt.config.ts`); a production build
 * contains none of this.
 *
 * Firefox's WebDriver BiDi does not let a test navigate a tab to a `moz-extension://` page, so an
 * end-to-end test cannot open the popup, options or reader page by URL the way it does in
 * Chromium. Instead the test dispatches this event on a fixture page, and the content script asks
 * the background to open the page in a new tab, the same `openPage` request a card link sends.
 */
export const OPEN_PAGE_EVENT = 'hled-test-open-page';
/** Dispatched back on the document when a request was taken, so a test that sent it early (before this script ran) knows to stop resending. */
export const OPEN_PAGE_ACCEPTED_EVENT = 'hled-test-open-page-accepted';

/** Only the extension's own top-level pages, with an optional hash. */
const PAGE_PATH = /^(popup|options|reader)\.html(#.*)?$/;

/** Listens for `OPEN_PAGE_EVENT` (its `detail` is a page path such as `options.html`) until `signal` aborts. */
export function installTestHooks(openPage: (path: string) => void, signal: AbortSignal, doc: Document = document): void {
  doc.addEventListener(
    OPEN_PAGE_EVENT,
    (e) => {
      const path: unknown = (e as CustomEvent<unknown>).detail;
      if (typeof path !== 'string' || !PAGE_PATH.test(path)) return;
      doc.dispatchEvent(new CustomEvent(OPEN_PAGE_ACCEPTED_EVENT));
      openPage(path);
    },
    { signal },
  );
}
