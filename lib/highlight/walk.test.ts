// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK, createTextWalk } from './walk';

function collect(html: string): string {
  document.body.innerHTML = html;
  const walk = createTextWalk(document.body);
  const parts: string[] = [];
  for (let b = walk.next(); b; b = walk.next()) parts.push(b.text);
  return parts.join('|');
}

describe('createTextWalk', () => {
  it('joins inline markup as it reads ("Marcelo <b>Ebrard</b>")', () => {
    expect(collect('<p>Secretary <b>Marcelo</b> <i>Ebrard</i> said</p>')).toBe('Secretary Marcelo Ebrard said');
  });
  it('ends words at <br> with a single line break', () => {
    expect(collect('<p>Marcelo Ebrard<br>Ken Salazar spoke</p>')).toBe('Marcelo Ebrard\nKen Salazar spoke');
  });
  it('separates blocks with a blank line so no name crosses them', () => {
    expect(collect('<p>Marcelo</p><p>Ebrard</p>')).toBe(`Marcelo${BLOCK_BREAK}Ebrard`);
  });
  it.each([
    ['<script>var x = "Ebrard"</script>'],
    ['<style>.Ebrard{}</style>'],
    ['<textarea>Ebrard</textarea>'],
    ['<pre><code>Ebrard</code></pre>'],
    ['<div contenteditable="true"><p>Ebrard</p></div>'],
    ['<div contenteditable><p>Ebrard</p></div>'],
    ['<div hidden>Ebrard</div>'],
    ['<svg><text>Ebrard</text></svg>'],
    ['<hled-card-host>Ebrard</hled-card-host>'],
  ])('skips %s', (html) => {
    expect(collect(`<p>before</p>${html}<p>after</p>`)).toBe(`before${BLOCK_BREAK}after`);
  });
  it('reads editable regions marked contenteditable="false"', () => {
    expect(collect('<div contenteditable="false">Ebrard</div>')).toBe('Ebrard');
  });
  it('ends a batch only between blocks', () => {
    document.body.innerHTML = `<p>${'word '.repeat(10)}</p><p>Marcelo <b>Ebrard</b></p><p>tail</p>`;
    const walk = createTextWalk(document.body, { maxChars: 10 });
    const batches: string[] = [];
    for (let b = walk.next(); b; b = walk.next()) batches.push(b.text.trim());
    expect(batches).toEqual(['word '.repeat(10).trim(), 'Marcelo Ebrard', 'tail']);
  });
  it('reports open shadow roots for the caller to walk', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Ebrard</p>';
    const seen: ShadowRoot[] = [];
    const walk = createTextWalk(document.body, { onShadowRoot: (r) => seen.push(r) });
    while (walk.next());
    expect(seen).toEqual([root]);
  });
});
