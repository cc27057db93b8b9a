import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPEN_PAGE_EVENT } from '../../entrypoints/content/test-hooks';
import { CHROME_EXTENSION_DIR } from '../harness/chromium';
import { FIREFOX_EXTENSION_DIR, FIREFOX_TEST_EXTENSION_DIR } from '../harness/firefox';

/**
 * Test-only code lives behind `import.meta.env.HLED_TEST_BUILD` (see `wxt.config.ts`) and carries
 * one of these in its names, so a shipped build can be searched for it.
 */
const TEST_ONLY_MARKERS = ['hled-test', 'HLED_TEST'];

/** Every file of a built extension, as text, by path relative to it. */
async function builtFiles(dir: string): Promise<Map<string, string>> {
  try {
    await stat(path.join(dir, 'manifest.json'));
  } catch {
    throw new Error(`No build at ${dir}: \`npm run test:firefox\` builds it.`);
  }
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), await readFile(file, 'utf8'));
  }
  return files;
}

function filesWith(files: Map<string, string>, marker: string): string[] {
  return [...files].filter(([, text]) => text.includes(marker)).map(([name]) => name);
}

describe('test builds and production builds', () => {
  it('the test build carries the hook that opens extension pages (so the search below can find it)', async () => {
    const files = await builtFiles(FIREFOX_TEST_EXTENSION_DIR);
    expect(OPEN_PAGE_EVENT.startsWith(TEST_ONLY_MARKERS[0]!)).toBe(true);
    expect(filesWith(files, OPEN_PAGE_EVENT)).toEqual(['content-scripts/content.js']);
  });

  it.each([
    ['Firefox', FIREFOX_EXTENSION_DIR],
    ['Chrome', CHROME_EXTENSION_DIR],
  ])('the %s production build has no trace of test-only code', async (_name, dir) => {
    const files = await builtFiles(dir);
    expect(files.size).toBeGreaterThan(5);
    for (const marker of TEST_ONLY_MARKERS) expect(filesWith(files, marker), marker).toEqual([]);
  });

  it.each([
    ['Firefox', FIREFOX_EXTENSION_DIR],
    ['Chrome', CHROME_EXTENSION_DIR],
  ])('the %s production manifest grants no host access up front and declares no content script', async (_name, dir) => {
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as { permissions?: string[]; host_permissions?: string[]; content_scripts?: unknown };
    // Firefox's MV2 manifest would list origins in `permissions`: none there either.
    expect(manifest.permissions).toEqual(['storage', 'activeTab', 'alarms', 'scripting']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts).toBeUndefined();
  });

  it('the Firefox test build is installed with the fixture server’s hosts, asked for at run time in production', async () => {
    const test = JSON.parse(await readFile(path.join(FIREFOX_TEST_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { permissions: string[]; optional_permissions: string[] };
    const prod = JSON.parse(await readFile(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { permissions: string[]; optional_permissions: string[] };
    expect(test.permissions).toEqual([...prod.permissions, '*://127.0.0.1/*', '*://*.localhost/*']);
    expect(prod.optional_permissions).toEqual(['<all_urls>']);
  });
});
