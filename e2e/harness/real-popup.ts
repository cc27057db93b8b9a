import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { openExtensionPage, type ChromiumSession } from './chromium';

/**
 * Playwright attaches to tabs, not to the toolbar popup: Chromium first reports the popup as a
 * target of type "other", which Playwright leaves alone unless this switch is set (read when a
 * target attaches, in this process). With it, `action.openPopup()` gives the tests the real popup,
 * opened over the real active tab, and no test-only path is needed in the extension.
 */
export const ATTACH_TO_OTHER = 'PW_CHROMIUM_ATTACH_TO_OTHER';

/** Sets `ATTACH_TO_OTHER` for a suite (call before launching); the returned function puts it back. */
export function attachToPopups(): () => void {
  const before = process.env[ATTACH_TO_OTHER];
  process.env[ATTACH_TO_OTHER] = '1';
  return () => {
    if (before === undefined) delete process.env[ATTACH_TO_OTHER];
    else process.env[ATTACH_TO_OTHER] = before;
  };
}

/**
 * Opens the real toolbar popup over `tab`, the way a click on the toolbar button does: `tab`
 * becomes the active tab of its window, and `action.openPopup()` opens the popup there. Every page
 * opened here is handed to `track` (to be closed after the test).
 */
export async function openRealPopup(browser: ChromiumSession, tab: Page, track: (page: Page) => void): Promise<Page> {
  const helper = await openExtensionPage(browser.context, browser.extensionId, 'reader.html');
  track(helper);
  await tab.bringToFront();
  const popupOpened = browser.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/popup.html'), timeout: 10_000 });
  const error = await helper.evaluate(async () => {
    try {
      await (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup();
      return null;
    } catch (e) {
      return String(e);
    }
  });
  expect(error, 'action.openPopup()').toBeNull();
  const popup = await popupOpened;
  track(popup);
  await popup.waitForSelector('#q');
  return popup;
}
