// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedBundle } from '@/lib/corpus/test-seeds';
import type { EntityCard, ReaderDocument, SearchResults } from '@/lib/messages';
import { makeService } from '@/lib/store/test-service';
import { resultList } from '@/lib/ui/popup-results';
import { Card } from './Card';
import { ResultList } from './popup/ResultList';
import { ArticleView } from './reader/ArticleView';

/**
 * Bundle text is data, never markup: a corpus whose names, descriptions, titles and passages are
 * full of HTML goes through a real import and comes out of the card, the popup's result list and
 * the reader as the same characters, with no element or attribute of its own.
 */

const IMG = '<img src=x onerror="globalThis.__pwned=1">';
const SCRIPT = '<script>globalThis.__pwned=2</script>';
const SVG = '"><svg onload="globalThis.__pwned=3">';
const HOSTILE = `${IMG}${SCRIPT}${SVG}`;

/** The seeds' bundle with markup in every kind of text the interface shows. */
function hostileBundle(): string {
  const b = structuredClone(seedBundle().bundle);
  b.corpusVersion = '2031.01.01.1';
  const e = b.entities.find((x) => x.id === 'marcelo-ebrard')!;
  e.description = { en: `Foreign minister ${HOSTILE}`, es: `Canciller ${HOSTILE}` };
  e.name = { en: `Marcelo Ebrard ${IMG}`, es: `Marcelo Ebrard ${SCRIPT}` };
  for (const d of b.documents) {
    d.title = `${d.title} ${HOSTILE}`;
    d.publisher = `Publisher ${SVG}`;
    d.corrections = [{ what: `fixed ${SCRIPT}`, why: `because ${IMG}` }];
    d.editorial = { title: `from ${IMG}` };
    d.passages = d.passages.map((p) => ({ ...p, heading: p.heading === null ? null : `${p.heading} ${SVG}`, text: `${p.text} Zyxwvut ${HOSTILE}` }));
  }
  return JSON.stringify(b);
}

/** Elements the data could smuggle in (the card's own time axis is the one `svg.axis` allowed). */
const DANGEROUS = 'script, img, svg:not(.axis), iframe, object, embed, style, link, meta, base, form';

/** No element the data could have brought, no event-handler attribute, no link but http(s) and our own pages. */
function expectInert(root: HTMLElement) {
  expect(root.querySelectorAll(DANGEROUS).length).toBe(0);
  for (const el of root.querySelectorAll('*')) {
    for (const a of el.getAttributeNames()) expect(a.startsWith('on'), `${el.tagName} ${a}`).toBe(false);
  }
  for (const a of root.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(https?:|ext:)/);
  expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
}

let card: EntityCard;
let results: SearchResults;
let doc: ReaderDocument;
beforeAll(async () => {
  const { service } = makeService();
  await service.importBundle(hostileBundle(), 'file');
  card = (await service.lookupEntity('marcelo-ebrard'))!;
  results = await service.search('Zyxwvut Ebrard', 20);
  doc = (await service.document(card.timeline[0]!.documentId))!;
}, 60_000);

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});
const mount = () => {
  root = document.createElement('div');
  document.body.append(root);
  return root;
};

describe('bundle text with HTML and script', () => {
  it('is text in the card: name, description, titles, publishers, snippets', () => {
    const el = mount();
    const ext = (p: string) => `ext:${p}`;
    render(<Card card={card} lang="en" readerUrl={(d, p) => ext(`${d}/${p}`)} searchUrl={ext} entityUrl={ext} onNavigate={() => {}} onClose={() => {}} related={results.passages} />, el);
    expect(card.timeline.length).toBeGreaterThan(0);
    expect(el.textContent).toContain(`Marcelo Ebrard ${IMG}`);
    expect(el.textContent).toContain(HOSTILE);
    expect(el.textContent).toContain(`Publisher ${SVG}`);
    expectInert(el);
  });

  it('is text in the popup result list: entity names, document titles, snippets', () => {
    const el = mount();
    expect(results.passages.length).toBeGreaterThan(0);
    render(<ResultList list={resultList(results)} lang="es" active={0} label="results" onChoose={() => {}} />, el);
    expect(el.textContent).toContain(SCRIPT);
    expect(el.textContent).toContain(HOSTILE);
    expect(el.textContent).toMatch(/Zyxwvut/);
    expectInert(el);
  });

  it('is text in the reader: title, publisher, headings, passages, corrections, editorial notes', () => {
    const el = mount();
    render(<ArticleView doc={doc} lang="en" cited={null} />, el);
    expect(el.querySelector('h1')!.textContent).toContain(HOSTILE);
    expect(el.textContent).toContain(`Zyxwvut ${HOSTILE}`);
    expect(el.textContent).toContain(`fixed ${SCRIPT}`);
    expect(el.querySelector('abbr.editorial')!.getAttribute('title')).toBe(`from ${IMG}`);
    expectInert(el);
  });
});

describe('a link whose URL is not http(s)', () => {
  it.each(['javascript:globalThis.__pwned=4', 'data:text/html,<script>globalThis.__pwned=5</script>', 'vbscript:x'])('never becomes an href in the reader or the card (%s)', (url) => {
    const el = mount();
    render(<ArticleView doc={{ ...doc, url }} lang="en" cited={null} />, el);
    expect(el.querySelector('a.original')).toBeNull();
    expectInert(el);
    render(null, el);
    const tampered = { ...card, timeline: card.timeline.map((t) => ({ ...t, url })) };
    render(<Card card={tampered} lang="en" readerUrl={() => 'ext:r'} searchUrl={() => 'ext:s'} entityUrl={() => 'ext:e'} onNavigate={() => {}} onClose={() => {}} />, el);
    expect(el.querySelector('a.original')).toBeNull();
    expect(el.querySelectorAll('a.reader').length).toBeGreaterThan(0);
    expectInert(el);
  });
  it('an http(s) URL does become the original link (the check above can fail)', () => {
    const el = mount();
    render(<ArticleView doc={{ ...doc, url: 'https://www.gob.mx/se/x' }} lang="en" cited={null} />, el);
    expect(el.querySelector('a.original')!.getAttribute('href')).toBe('https://www.gob.mx/se/x');
  });
});
