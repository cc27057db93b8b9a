import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The extension's own code never turns a string into markup: text reaches the DOM as text nodes
 * (Preact children, `textContent`), so nothing in a bundle or a page can become an element or a
 * script. This test reads every source file that ships and fails on any HTML sink. Test files
 * are not shipped and are left out (they build fixture DOMs with `innerHTML`).
 */

const ROOT = path.resolve(__dirname, '../..');
const SHIPPED_DIRS = ['lib', 'components', 'entrypoints'];

/** Each sink, and what it is. A read of `innerHTML` counts too: there is no reason to touch it. */
const HTML_SINKS: [RegExp, string][] = [
  [/\binnerHTML\b/, 'innerHTML'],
  [/\bouterHTML\s*=(?!=)/, 'outerHTML ='],
  [/\binsertAdjacentHTML\b/, 'insertAdjacentHTML'],
  [/\bdangerouslySetInnerHTML\b/, 'dangerouslySetInnerHTML'],
  [/\bdocument\s*\.\s*write(ln)?\s*\(/, 'document.write'],
  [/\bcreateContextualFragment\b/, 'Range.createContextualFragment'],
  [/\b(setHTMLUnsafe|parseHTMLUnsafe)\b/, 'setHTMLUnsafe / parseHTMLUnsafe'],
  [/\bsrcdoc\b/, 'iframe srcdoc'],
  [/\bnew\s+Function\s*\(|(^|[^.\w])eval\s*\(/, 'eval / new Function'],
];

/** Every sink found in a text, as "line: sink" (comment lines, which may name a sink to explain its absence, skipped). */
function findSinks(text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*(\/\/|\/\*|\*)/.test(line)) return;
    for (const [re, name] of HTML_SINKS) if (re.test(line)) out.push(`${i + 1}: ${name}`);
  });
  return out;
}

function shippedSources(): string[] {
  const files: string[] = [];
  for (const dir of SHIPPED_DIRS) {
    for (const entry of readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|tsx|js|mjs|html)$/.test(entry.name)) continue;
      if (/\.test\.tsx?$/.test(entry.name) || /^test-/.test(entry.name)) continue;
      files.push(path.relative(ROOT, path.join(entry.parentPath, entry.name)));
    }
  }
  return files.sort();
}

describe('HTML sinks in the extension’s own code', () => {
  it('finds each sink it looks for (so the scan below can fail)', () => {
    const samples = ['el.innerHTML = s', 'el.outerHTML = s', "el.insertAdjacentHTML('beforeend', s)", '<div dangerouslySetInnerHTML={{ __html: s }} />', 'document.write(s)', 'range.createContextualFragment(s)', 'el.setHTMLUnsafe(s)', 'frame.srcdoc = s', 'eval(s)', 'new Function(s)'];
    for (const s of samples) expect(findSinks(s), s).toHaveLength(1);
    expect(findSinks('if (a.outerHTML === b) el.textContent = s; retrieval(x); evaluate(y)')).toEqual([]);
    expect(findSinks('// Zod probes eval with `new Function`\n * innerHTML is never used')).toEqual([]);
  });

  it('finds none in lib/, components/ and entrypoints/', () => {
    const files = shippedSources();
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain('entrypoints/content/index.ts');
    const found = files.flatMap((f) => findSinks(readFileSync(path.join(ROOT, f), 'utf8')).map((hit) => `${f}:${hit}`));
    expect(found).toEqual([]);
  });
});
