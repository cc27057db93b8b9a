/**
 * `npx tsx eval/author.ts`: turns every `eval/src/*.md` (inline markup, see markup.ts) into the
 * committed ground truth, `eval/pages/NAME.txt` and `eval/pages/NAME.json` (offsets).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseMarkup, type PageTruth } from './markup';

const dir = path.dirname(new URL(import.meta.url).pathname);
for (const file of readdirSync(path.join(dir, 'src')).filter((f) => f.endsWith('.md')).sort()) {
  const name = file.replace(/\.md$/, '');
  const { text, mentions } = parseMarkup(readFileSync(path.join(dir, 'src', file), 'utf8'));
  const negative = name.startsWith('neg-');
  if (negative && mentions.length) throw new Error(`${file}: a hard negative cannot have mentions`);
  const truth: PageTruth = { page: name, lang: /^(neg-)?es-/.test(name) ? 'es' : 'en', negative, mentions };
  writeFileSync(path.join(dir, 'pages', `${name}.txt`), text);
  writeFileSync(path.join(dir, 'pages', `${name}.json`), `${JSON.stringify(truth, null, 1)}\n`);
}
