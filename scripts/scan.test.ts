import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanOutput } from './scan-report';

const ROOT = resolve(__dirname, '..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

function scan(...args: string[]) {
  const r = spawnSync(TSX, ['scripts/scan.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('scan --json', () => {
  it('prints exactly the documented JSON, with offsets into the text of a .txt file', () => {
    const file = 'seeds/004_de0b601aba4ffa92.txt';
    const r = scan('--json', file);
    expect(r.code).toBe(0);
    const out = scanOutput.parse(JSON.parse(r.out));
    expect(out[0]!.file).toBe(file);
    const text = require('node:fs').readFileSync(resolve(ROOT, file), 'utf8') as string;
    expect(out[0]!.mentions.length).toBeGreaterThan(20);
    for (const m of out[0]!.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    const ebrard = out[0]!.mentions.find((m) => m.entity.id === 'marcelo-ebrard')!;
    expect(ebrard).toMatchObject({ text: 'Marcelo Ebrard', rule: 'name', entity: { name: 'Marcelo Ebrard', type: 'person' } });
  }, 30_000);

  it('reads .html through the content script’s text walk; offsets index the --text output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      '<html><body><p>Secretary <b>Marcelo</b> Ebrard met Gina Raimondo at the HLED.</p><script>var x="Ebrard"</script><textarea>HLED</textarea></body></html>',
    );
    const text = scan('--text', file).out.replace(/\n$/, '');
    const out = scanOutput.parse(JSON.parse(scan('--json', file).out));
    expect(out[0]!.mentions.map((m) => m.text)).toEqual(['Marcelo Ebrard', 'Gina Raimondo', 'HLED']);
    for (const m of out[0]!.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  }, 30_000);
});

describe('scan errors', () => {
  it.each([
    [['nope.pdf'], /^scan: nope\.pdf: unknown file type/],
    [['missing.txt'], /^scan: missing\.txt: cannot read \(ENOENT\)/],
    [['--bundle', 'package.json', 'seeds/004_de0b601aba4ffa92.txt'], /^scan: package\.json: bundle: format is undefined, expected "hled-corpus"$/m],
    [[], /^scan: usage:/],
  ])('%j exits 2 with one line naming the file', (args, message) => {
    const r = scan(...args);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  }, 30_000);
});
