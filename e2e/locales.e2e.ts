import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_DIR, REPO_ROOT, launchChromium, openExtensionPage, type ChromiumSession } from './harness/chromium';

/**
 * The built extension's two languages: the manifest's strings come from `_locales/en` and
 * `_locales/es`, which the browser reads in its own language, and the code that runs in web pages
 * carries no more of those messages than it shows.
 */

type MessageFile = Record<string, { message: string }>;
const messages = async (lang: string) => JSON.parse(await readFile(path.join(CHROME_EXTENSION_DIR, '_locales', lang, 'messages.json'), 'utf8')) as MessageFile;

describe('languages of the built extension (Chromium)', () => {
  const sessions: ChromiumSession[] = [];
  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.close()));
  });

  it('the manifest takes its name, description, toolbar title and command from the message files, English by default', async () => {
    const manifest = JSON.parse(await readFile(path.join(CHROME_EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, any>;
    expect(manifest.default_locale).toBe('en');
    expect(manifest.name).toBe('__MSG_ext_name__');
    expect(manifest.description).toBe('__MSG_ext_description__');
    expect(manifest.action.default_title).toBe('__MSG_ext_actionTitle__');
    expect(manifest.commands['next-mention'].description).toBe('__MSG_ext_commandNextMention__');
    const [en, es] = await Promise.all([messages('en'), messages('es')]);
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it.each([
    ['en_US.UTF-8', 'en'],
    ['es_ES.UTF-8', 'es'],
  ])('a browser whose interface is in %s shows the command and the toolbar title in "%s"', async (locale, lang) => {
    // Chromium on Linux takes its interface language from the environment (`--lang` is Windows-only).
    const browser = await launchChromium({ env: { LANGUAGE: lang, LANG: locale, LC_ALL: locale } });
    sessions.push(browser);
    const page = await openExtensionPage(browser.context, browser.extensionId, 'reader.html');
    const seen = await page.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: any }).chrome;
      const commands = (await chrome.commands.getAll()) as { name: string; description: string }[];
      return {
        ui: chrome.i18n.getUILanguage() as string,
        name: chrome.runtime.getManifest().name as string,
        command: commands.find((c) => c.name === 'next-mention')?.description,
        title: (await chrome.action.getTitle({})) as string,
      };
    });
    const m = await messages(lang);
    expect(seen.ui.startsWith(lang)).toBe(true);
    expect(seen).toEqual({ ui: seen.ui, name: m.ext_name!.message, command: m.ext_commandNextMention!.message, title: m.ext_actionTitle!.message });
  });

  it('the options page follows a browser in Spanish, its own controls too (docs/options-es.png)', async () => {
    const browser = await launchChromium({ env: { LANGUAGE: 'es', LANG: 'es_ES.UTF-8', LC_ALL: 'es_ES.UTF-8' } });
    sessions.push(browser);
    const page = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    await page.setViewportSize({ width: 1000, height: 1200 });
    // The language setting is "auto" (the default): the page follows the browser.
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Ajustes de HLED Lens');
    await page.waitForSelector('ol.history li');
    expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['es', 'Ajustes de HLED Lens']);
    expect(await page.locator('#setting-language').inputValue()).toBe('auto');
    expect(await page.locator('ol.history li').first().textContent()).toMatch(/ — instalado \S+ · .+, \d+ documentos, \d+ entidades$/);
    await page.screenshot({ path: path.join(REPO_ROOT, 'docs', 'options-es.png'), animations: 'disabled', caret: 'hide' });
  });

  it('the content scripts carry no interface text, and the card’s frame only the card’s', async () => {
    const [en, es] = await Promise.all([messages('en'), messages('es')]);
    const content = await readFile(path.join(CHROME_EXTENSION_DIR, 'content-scripts/content.js'), 'utf8');
    const layer = await readFile(path.join(CHROME_EXTENSION_DIR, 'content-scripts/card-ui.js'), 'utf8');
    const card = await readFile(path.join(CHROME_EXTENSION_DIR, 'card-frame.js'), 'utf8');
    const keysIn = (code: string) => [...new Set(code.match(/\b(?:ext|card|page|popup|reader|options|welcome)_[A-Za-z0-9_]+/g) ?? [])].filter((k) => k in en);
    expect(keysIn(content)).toEqual([]);
    expect(keysIn(layer)).toEqual([]);
    expect(keysIn(card).filter((k) => !k.startsWith('card_'))).toEqual([]);
    expect(keysIn(card).length).toBe(Object.keys(en).filter((k) => k.startsWith('card_')).length);
    // The texts too, wherever a bundler put them: every other surface's longer ASCII messages.
    for (const file of [en, es]) {
      const cards = Object.entries(file).filter(([k]) => k.startsWith('card_')).map(([, m]) => m.message);
      // Left out: a text the card also says ("Original article"), or a part of one ("Search the corpus").
      const others = Object.entries(file).filter(
        ([k, m]) => !k.startsWith('card_') && m.message.length >= 16 && /^[\x20-\x7e]+$/.test(m.message) && !m.message.includes('{') && !cards.some((c) => c.includes(m.message)),
      );
      expect(others.length).toBeGreaterThan(20);
      expect(others.filter(([, m]) => card.includes(m.message) || content.includes(m.message) || layer.includes(m.message)).map(([k]) => k)).toEqual([]);
    }
  });
});
