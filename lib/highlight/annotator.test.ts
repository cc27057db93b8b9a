// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { Annotator } from './annotator';
import { a as alias, testMatcher } from './test-table';
import { buildMatcherTable, compileMatcher } from '../match';

const immediate = () => Promise.resolve();
let current: Annotator | null = null;

async function annotate(html: string) {
  document.body.innerHTML = html;
  current = new Annotator({ matcher: testMatcher, yieldToPage: immediate });
  await current.start();
  return current;
}
const texts = (a: Annotator) => a.mentions().map((m) => rangeText(m.range));
function rangeText(r: StaticRange): string {
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}
const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  current?.stop();
  current = null;
});

describe('Annotator', () => {
  it('finds mentions across inline markup and leaves the DOM untouched', async () => {
    const html = '<p>Secretary <a href="#x">Marcelo</a> <b>Ebrard</b> met Gina Raimondo at the HLED.</p>';
    const a = await annotate(html);
    expect(texts(a)).toEqual(['Marcelo Ebrard', 'Gina Raimondo', 'HLED']);
    expect(document.body.innerHTML).toBe(html);
  });
  it('counts an ambiguous acronym used as a name ("el DEAN") as the page’s core mention, as scan does', async () => {
    expect(texts(await annotate('<p>El acuerdo se inscribe en el DEAN, dijo USAID.</p>'))).toEqual(['DEAN', 'USAID']);
    current!.stop();
    expect(texts(await annotate('<p>The DEAN of the faculty thanked USAID.</p>'))).toEqual([]);
  });
  it('applies the page rules: peripheral entities need a core mention', async () => {
    expect(texts(await annotate('<p>USAID funded it.</p>'))).toEqual([]);
    current!.stop();
    expect(texts(await annotate('<p>USAID funded it.</p><p>The HLED met.</p>'))).toEqual(['USAID', 'HLED']);
  });
  it('reads a text node too long for one batch in pieces, and finds every mention in it', async () => {
    const line = 'Filler words about trade and the border, then Marcelo Ebrard met Gina Raimondo at the HLED.\n';
    const long = line.repeat(700); // ~65,000 characters in one text node
    const a = await annotate(`<div id="log">${long}</div>`);
    const node = document.getElementById('log')!.firstChild;
    expect(a.mentions()).toHaveLength(700 * 3);
    expect(a.mentions().every((m) => m.range.startContainer === node)).toBe(true);
    expect(new Set(texts(a))).toEqual(new Set(['Marcelo Ebrard', 'Gina Raimondo', 'HLED']));
    // Added later, such a node keeps every piece's mentions (a later batch must not forget the
    // mentions the earlier batches of the same walk found in it).
    const added = document.createElement('div');
    added.textContent = long;
    document.body.append(added);
    await settle();
    await a.idle();
    expect(a.mentions().filter((m) => m.range.startContainer === added.firstChild)).toHaveLength(700 * 3);
  });
  it('follows paragraphs added after load', async () => {
    const a = await annotate('<main><p>The HLED met.</p></main>');
    const p = document.createElement('p');
    p.textContent = 'Later, Gina Raimondo spoke.';
    document.querySelector('main')!.append(p);
    await settle();
    await a.idle();
    expect(texts(a)).toEqual(['HLED', 'Gina Raimondo']);
  });
  it('drops mentions whose text was removed, and rescans edited text', async () => {
    const a = await annotate('<p id="one">Marcelo Ebrard</p><p id="two">Gina Raimondo</p>');
    document.getElementById('one')!.remove();
    await settle();
    await a.idle();
    expect(texts(a)).toEqual(['Gina Raimondo']);
    document.getElementById('two')!.firstChild!.textContent = 'The HLED';
    await settle();
    await a.idle();
    expect(texts(a)).toEqual(['HLED']);
  });
  it('does not rescan what it already did when a node moves', async () => {
    const a = await annotate('<div id="a"><p id="p">Marcelo Ebrard</p></div><div id="b"></div>');
    document.getElementById('b')!.append(document.getElementById('p')!);
    await settle();
    await a.idle();
    expect(texts(a)).toEqual(['Marcelo Ebrard']);
  });
  it('finds the mention under a point of the text (hit-testing)', async () => {
    const a = await annotate('<p>Today Marcelo Ebrard spoke.</p>');
    const text = document.querySelector('p')!.firstChild!;
    expect(a.mentionAt(text, 8)?.entity).toBe(0);
    expect(a.mentionAt(text, 2)).toBeNull();
  });
  it('keeps hit-testing right as the page changes after the first hover', async () => {
    const a = await annotate('<p id="one">Today Marcelo Ebrard spoke.</p>');
    const first = document.querySelector('#one')!.firstChild!;
    expect(a.mentionAt(first, 8)?.entity).toBe(0);
    const p = document.createElement('p');
    p.textContent = 'Then Gina Raimondo answered.';
    document.body.append(p);
    await settle();
    await a.idle();
    expect(a.mentionAt(p.firstChild!, 7)?.entity).toBe(1);
    first.textContent = 'Today nobody spoke at all.';
    await settle();
    await a.idle();
    expect(a.mentionAt(first, 8)).toBeNull();
    expect(texts(a)).toEqual(['Gina Raimondo']);
  });
  it('stops completely: no mentions, no more work on new content', async () => {
    const a = await annotate('<p>Marcelo Ebrard</p>');
    a.stop();
    document.body.insertAdjacentText('beforeend', 'Gina Raimondo');
    await settle();
    expect(a.mentions()).toEqual([]);
  });
  it('shows only the entity types asked for, live', async () => {
    const a = await annotate('<p>Marcelo Ebrard at the HLED</p>');
    a.setTypes(new Set(['program']));
    expect(texts(a)).toEqual(['HLED']);
  });
  it('ignores text that changes inside an editable region or code after load', async () => {
    const a = await annotate('<p>The HLED met.</p><div contenteditable="true" id="ed"><p>x</p></div><pre id="code">y</pre>');
    document.querySelector('#ed p')!.textContent = 'Gina Raimondo';
    document.getElementById('code')!.append(' Marcelo Ebrard');
    await settle();
    await a.idle();
    expect(texts(a)).toEqual(['HLED']);
  });
  it('annotates every subtree added in one task', async () => {
    const a = await annotate('<main id="m"><p>The HLED met.</p></main><footer id="f"></footer>');
    const p1 = document.createElement('p');
    p1.textContent = 'Gina Raimondo arrived.';
    const p2 = document.createElement('p');
    p2.textContent = 'Marcelo Ebrard too.';
    document.getElementById('m')!.append(p1);
    await a.idle();
    document.getElementById('f')!.append(p2);
    await settle();
    await a.idle();
    expect(texts(a)).toEqual(['HLED', 'Gina Raimondo', 'Marcelo Ebrard']);
  });
  it('re-reads the whole block when part of a name split over inline markup changes', async () => {
    const a = await annotate('<p>Minister Marcelo <b id="b">Ebrard</b> spoke.</p>');
    document.getElementById('b')!.firstChild!.textContent = 'Ebrard';
    await settle();
    await a.idle();
    expect(texts(a)).toEqual(['Marcelo Ebrard']);
  });
});

describe('Annotator highlight registry', () => {
  it('registers its ranges under its name and can move them to another, live', async () => {
    const registry = new Map<string, unknown>();
    class FakeHighlight extends Set<unknown> {}
    const view = document.defaultView as unknown as { CSS: unknown; Highlight: unknown };
    const saved = { CSS: view.CSS, Highlight: view.Highlight };
    view.CSS = { highlights: registry };
    view.Highlight = FakeHighlight;
    try {
      document.body.innerHTML = '<p>Marcelo Ebrard at the HLED</p>';
      const a = new Annotator({ matcher: testMatcher, yieldToPage: immediate });
      await a.start();
      expect((registry.get('hled-mention') as Set<unknown>).size).toBe(2);
      a.setHighlightName('hled-mention-underline');
      expect(registry.has('hled-mention')).toBe(false);
      expect((registry.get('hled-mention-underline') as Set<unknown>).size).toBe(2);
      a.stop();
      expect(registry.size).toBe(0);
    } finally {
      view.CSS = saved.CSS;
      view.Highlight = saved.Highlight;
    }
  });
});

describe('Annotator: density, placed once per heading list', () => {
  const painted = (a: Annotator) => a.mentions().map((m) => [rangeText(m.range), a.isPainted(m)]);

  it('paints the first mention per section, and places again when a heading is added', async () => {
    const a = await annotate('<main><h2>One</h2><p>Marcelo Ebrard spoke.</p><p id="later">Marcelo Ebrard again.</p></main>');
    expect(painted(a)).toEqual([['Marcelo Ebrard', true], ['Marcelo Ebrard', false]]);
    const h = document.createElement('h2');
    h.textContent = 'Two';
    document.getElementById('later')!.before(h);
    await settle();
    await a.idle();
    expect(painted(a)).toEqual([['Marcelo Ebrard', true], ['Marcelo Ebrard', true]]);
    h.remove();
    await settle();
    await a.idle();
    expect(painted(a)).toEqual([['Marcelo Ebrard', true], ['Marcelo Ebrard', false]]);
  });

  it('starts no section at a heading the reader cannot see, and places added content as the first pass does', async () => {
    const a = await annotate(
      '<main><p>Marcelo Ebrard spoke.</p><div hidden><h2>Menu</h2></div><p id="again">Marcelo Ebrard again.</p>' +
        '<div role="heading">Part two</div><p id="end">Marcelo Ebrard, later.</p></main>',
    );
    expect(painted(a)).toEqual([['Marcelo Ebrard', true], ['Marcelo Ebrard', false], ['Marcelo Ebrard', true]]);
    // Added paragraphs are placed by position, not by a walk from the top: the same sections.
    const added = (before: string, text: string) => {
      const p = document.createElement('p');
      p.textContent = text;
      document.getElementById(before)!.after(p);
    };
    added('again', 'Marcelo Ebrard, added in the first section.');
    added('end', 'Marcelo Ebrard, added in the second.');
    await settle();
    await a.idle();
    expect(painted(a).map(([, p]) => p)).toEqual([true, false, false, true, false]);
  });

  it('places text read after a heading was added mid-walk by the new headings', async () => {
    // The walk looks at the clock every 16 blocks and ends a slice about every 32 paragraphs; the
    // text of the third slice is read after the heading list was renewed at the end of the second.
    document.body.innerHTML = Array.from({ length: 120 }, (_, i) => `${i === 80 ? '<h2>Eighty</h2>' : ''}<p>Gina Raimondo, paragraph ${i}.</p>`).join('');
    let t = 0;
    let yields = 0;
    // The page adds a heading above everything during the first pause of a walk in short slices.
    const addHeadingOnce = async () => {
      if (yields++ === 0) document.body.prepend(Object.assign(document.createElement('h2'), { textContent: 'Top' }));
    };
    current = new Annotator({ matcher: testMatcher, yieldToPage: addHeadingOnce, now: () => (t += 5) });
    await current.start();
    await settle();
    await current.idle();
    const flags = current.mentions().map((m) => current!.isPainted(m));
    expect(yields).toBeGreaterThan(2);
    expect(flags.map((f, i) => (f ? i : -1)).filter((i) => i >= 0)).toEqual([0, 80]);
  });

  it('places mentions found in later slices among those already placed', async () => {
    document.body.innerHTML = Array.from({ length: 30 }, (_, i) => `<h3>S${i % 10 === 0 ? i : ''}</h3>`.repeat(i % 10 === 0 ? 1 : 0) + `<p>Gina Raimondo, paragraph ${i}.</p>`).join('');
    let t = 0;
    // Every read of the clock advances 5 ms: each slice reads a paragraph or two, then publishes.
    current = new Annotator({ matcher: testMatcher, yieldToPage: immediate, now: () => (t += 5) });
    await current.start();
    const flags = current.mentions().map((m) => current!.isPainted(m));
    expect(flags.length).toBe(30);
    expect(flags.map((f, i) => (f ? i : -1)).filter((i) => i >= 0)).toEqual([0, 10, 20]);
  });
});

describe('Annotator pacing: the page paints between slices', () => {
  /** An annotator over 120 paragraphs on a clock that moves 5 ms a read, recording each pause. */
  function paced(framePainted: boolean) {
    document.body.innerHTML = Array.from({ length: 120 }, (_, i) => `<p>Gina Raimondo, paragraph ${i}.</p>`).join('');
    let t = 0;
    const calls: string[] = [];
    current = new Annotator({
      matcher: testMatcher,
      now: () => (t += 5),
      yieldToPage: async () => void calls.push('yield'),
      waitForFrame: async () => (calls.push('frame'), framePainted),
    });
    return { annotator: current, calls };
  }

  it('waits for a frame once a slice has gone by without one, and finds the same mentions', async () => {
    const { annotator, calls } = paced(true);
    await annotator.start();
    expect(annotator.mentions()).toHaveLength(120);
    expect(calls.length).toBeGreaterThan(2);
    // Every slice takes more than `sliceMs` on this clock, so each pause is a frame.
    expect(calls.every((c) => c === 'frame')).toBe(true);
  });

  it('does not wait for frames in a hidden tab, where none come', async () => {
    const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      const { annotator, calls } = paced(true);
      await annotator.start();
      expect(annotator.mentions()).toHaveLength(120);
      expect(calls.length).toBeGreaterThan(2);
      expect(calls).not.toContain('frame');
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      expect(Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')).toEqual(hidden);
    }
  });

  it('stops waiting for frames after one never came (a frame the browser does not render)', async () => {
    const { annotator, calls } = paced(false);
    await annotator.start();
    expect(annotator.mentions()).toHaveLength(120);
    expect(calls[0]).toBe('frame');
    expect(calls.filter((c) => c === 'frame')).toHaveLength(1);
    expect(calls.length).toBeGreaterThan(2);
  });
});

describe('Annotator: publishing slice by slice gives what one publish of the whole page gives', () => {
  // An ambiguous surname, a peripheral entity and an ambiguous word: each can change verdicts
  // already published once a later slice brings a full name or a first core mention.
  const matcher = compileMatcher(
    buildMatcherTable('test', [
      { id: 'ken-salazar', type: 'person', scope: 'core', aliases: [alias('Ken Salazar'), alias('Salazar', { ambiguous: 'name' })] },
      { id: 'gina-raimondo', type: 'person', scope: 'core', aliases: [alias('Gina Raimondo'), alias('Raimondo', { ambiguous: 'name' })] },
      { id: 'hled', type: 'program', scope: 'core', aliases: [alias('HLED', { acronym: true }), alias('DEAN', { acronym: true, titleCaseIsWord: true, ambiguous: 'word', lang: 'es' })] },
      { id: 'usaid', type: 'organization', scope: 'peripheral', aliases: [alias('USAID', { acronym: true })] },
      { id: 'fda', type: 'organization', scope: 'peripheral', aliases: [alias('FDA', { acronym: true })] },
    ]),
  );
  // The first phrases change no verdict on their own; the last ones change earlier ones.
  const phrases = ['Salazar said so.', 'USAID paid.', 'The FDA agreed.', 'Raimondo agreed.', 'The DEAN of the school.', 'Nothing here.', 'Ken Salazar spoke.', 'The HLED met.', 'Gina Raimondo left.'];
  const quiet = 6;
  const view = (a: Annotator) => a.mentions().map((m) => `${rangeText(m.range)}:${m.rule}:${a.isPainted(m) ? 'painted' : 'kept'}`);

  it('on random pages of names, surnames, peripheral entities and headings', async () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let page = 0; page < 25; page++) {
      // Up to the page's turning point, only phrases that vouch for nothing.
      const turn = random(80);
      const blocks: string[] = [];
      for (let b = 0; b < 80; b++) {
        const pool = b < turn ? quiet : phrases.length;
        if (random(6) === 0) blocks.push(`<h2>Part ${b}</h2>`);
        else blocks.push(`<p>${Array.from({ length: 1 + random(3) }, () => phrases[random(pool)]).join(' ')}</p>`);
      }
      document.body.innerHTML = blocks.join('');
      let t = 0;
      // Every read of the clock advances 3 ms: slices of a block or two, each published.
      current = new Annotator({ matcher, yieldToPage: immediate, now: () => (t += 3) });
      await current.start();
      const sliced = view(current);
      current.stop();
      current = new Annotator({ matcher, yieldToPage: immediate, now: () => 0 });
      await current.start();
      expect(sliced, `page ${page}: ${document.body.textContent}`).toEqual(view(current));
      current.stop();
      current = null;
    }
  });

  it('when a later slice brings the first core mention of the page', async () => {
    document.body.innerHTML = `${'<p>USAID paid. The DEAN of the school.</p>'.repeat(60)}<p>The HLED met.</p>`;
    let t = 0;
    current = new Annotator({ matcher, yieldToPage: immediate, now: () => (t += 3) });
    await current.start();
    expect(current.mentions().map((m) => m.rule)).toEqual([...Array.from({ length: 60 }, () => ['acronym', 'word-with-core']).flat(), 'acronym']);
  });
});
