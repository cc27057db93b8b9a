// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { SECTION_HEADINGS, paintedUnder, sectionsOf } from './density';

describe('paintedUnder', () => {
  // A page model: entity 0 named in every paragraph of three sections, entity 1 twice in section 1.
  const page = [
    { entity: 0, section: 0 },
    { entity: 0, section: 0 },
    { entity: 0, section: 1 },
    { entity: 1, section: 1 },
    { entity: 0, section: 1 },
    { entity: 1, section: 1 },
    { entity: 0, section: 2 },
  ];

  it('paints the first mention of each entity per section by default', () => {
    expect(paintedUnder('first-per-section', page)).toEqual([true, false, true, true, false, false, true]);
  });

  it('paints every mention with the setting on', () => {
    expect(paintedUnder('all', page)).toEqual(page.map(() => true));
  });
});

describe('sectionsOf', () => {
  it('counts the headings before each node, a heading’s own text in its section', () => {
    document.body.innerHTML = '<p id="a">a</p><h2 id="h1">One <b id="in">b</b></h2><p id="b">b</p><section><h3>Two</h3><p id="c">c</p></section><p id="d">d</p>';
    const ids = ['a', 'in', 'b', 'c', 'd'];
    const nodes = ids.map((id) => document.getElementById(id)!.firstChild!);
    expect(sectionsOf(nodes, document.querySelectorAll(SECTION_HEADINGS))).toEqual([0, 1, 1, 2, 2]);
  });
});
