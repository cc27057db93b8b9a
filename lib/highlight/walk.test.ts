// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK, createTextWalk, type WalkOptions } from './walk';

function collect(html: string): string {
  document.body.innerHTML = html;
  const walk = createTextWalk(document.body);
  const parts: string[] = [];
  for (let b = walk.next(); b; b = walk.next()) parts.push(b.text);
  return parts.join('|');
}

/** The texts of the batches a walk over `html` returns with `opts`. */
function batchTexts(html: string, opts: WalkOptions): string[] {
  document.body.innerHTML = html;
  const walk = createTextWalk(document.body, opts);
  const texts: string[] = [];
  for (let b = walk.next(); b; b = walk.next()) texts.push(b.text);
  return texts;
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
  it('ends a batch between blocks once it holds maxChars characters', () => {
    const batches = batchTexts(`<p>${'word '.repeat(10)}</p><p>Marcelo <b>Ebrard</b></p><p>tail</p>`, { maxChars: 10, maxBlockChars: 1000 });
    expect(batches.map((t) => t.trim())).toEqual(['word '.repeat(10).trim(), 'Marcelo Ebrard', 'tail']);
  });
  it('ends a batch at a <br> inside a block past maxBlockChars, and only there', () => {
    expect(batchTexts(`<p>${'one line of text<br>'.repeat(6)}Marcelo<br>Ebrard<br>end</p>`, { maxChars: 10, maxBlockChars: 40 })).toEqual([
      'one line of text\none line of text\none line of text',
      'one line of text\none line of text\none line of text',
      'Marcelo\nEbrard\nend',
    ]);
  });
  it('inside a long block of inline markup, ends a batch after a sentence, else between words', () => {
    const sentences = `<div>${'<span>A short sentence. </span>'.repeat(4)}<span>Marcelo </span><b>Ebrard</b><span> spoke</span></div>`;
    expect(batchTexts(sentences, { maxChars: 10, maxBlockChars: 30 })).toEqual(['A short sentence. A short sentence. ', 'A short sentence. A short sentence. ', 'Marcelo Ebrard spoke']);
    const words = `<div>${'<span>word </span>'.repeat(12)}<b>end</b></div>`;
    expect(batchTexts(words, { maxChars: 10, maxBlockChars: 20 })).toEqual(['word '.repeat(8), 'word '.repeat(4) + 'end']);
  });
  it('reads a text node longer than maxBlockChars in pieces ending at a paragraph, a line, a sentence or a word', () => {
    const data = 'One two three. Four five\nsix seven.\n\nEight nine ten eleven twelve thirteen';
    document.body.innerHTML = `<div>${data}</div>`;
    const walk = createTextWalk(document.body, { maxChars: 10, maxBlockChars: 30 });
    const batches = [];
    for (let b = walk.next(); b; b = walk.next()) batches.push(b);
    expect(batches.map((b) => b.text)).toEqual(['One two three. Four five\n', 'six seven.\n\n', 'Eight nine ten eleven twelve ', 'thirteen']);
    expect(batches.map((b) => b.continues)).toEqual([false, true, true, true]);
    // Each piece's start is where the node begins, before the batch's text.
    for (const b of batches) expect(data.slice(-b.starts[0]!, -b.starts[0]! + b.text.length)).toBe(b.text);
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
  it('gives each node the section of the last heading it passed, from 0 over the whole document', () => {
    document.body.innerHTML = '<p>intro</p><h2>One</h2><p>first <b>part</b></p><h2>Two</h2><p>second</p>';
    const [h1, h2] = document.querySelectorAll('h2');
    const sections = new Map([[h1!, 1], [h2!, 2]]);
    const walk = createTextWalk(document.body, { sections });
    const batch = walk.next()!;
    expect(batch.nodes.map((n, i) => [n.data, batch.sections[i]])).toEqual([
      ['intro', 0], ['One', 1], ['first ', 1], ['part', 1], ['Two', 2], ['second', 2],
    ]);
  });
  it('does not know the section of a part of the page until it meets a heading', () => {
    document.body.innerHTML = '<h2>One</h2><div id="added"><p>before</p><h3>Three</h3><p>after</p></div>';
    const sections = new Map([...document.querySelectorAll('h2, h3')].map((h, i) => [h, i + 1]));
    const walk = createTextWalk(document.getElementById('added')!, { sections });
    const batch = walk.next()!;
    expect(batch.nodes.map((n, i) => [n.data, batch.sections[i]])).toEqual([['before', -1], ['Three', 2], ['after', 2]]);
  });
});
