// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { SECTION_HEADINGS, densityFilter, sameNodes, sectionOf, type Density } from './density';

describe('densityFilter', () => {
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

  const paintedUnder = (density: Density) => {
    const painted = densityFilter(density);
    return page.map((m) => painted(m.entity, m.section));
  };

  it('paints the first mention of each entity per section by default', () => {
    expect(paintedUnder('first-per-section')).toEqual([true, false, true, true, false, false, true]);
  });

  it('paints every mention with the setting on', () => {
    expect(paintedUnder('all')).toEqual(page.map(() => true));
  });
});

describe('sectionOf', () => {
  it('counts the headings before each node, a heading’s own text in its section', () => {
    document.body.innerHTML = '<p id="a">a</p><h2 id="h1">One <b id="in">b</b></h2><p id="b">b</p><section><h3>Two</h3><p id="c">c</p></section><p id="d">d</p>';
    const ids = ['a', 'in', 'b', 'c', 'd'];
    const nodes = ids.map((id) => document.getElementById(id)!.firstChild!);
    const headings = [...document.querySelectorAll(SECTION_HEADINGS)];
    expect(nodes.map((n) => sectionOf(n, headings))).toEqual([0, 1, 1, 2, 2]);
  });

  it('places nodes among many headings (binary search over a long page)', () => {
    document.body.innerHTML = Array.from({ length: 100 }, (_, i) => `<h2>H${i}</h2><p id="p${i}">p</p>`).join('');
    const headings = [...document.querySelectorAll(SECTION_HEADINGS)];
    for (const i of [0, 1, 50, 98, 99]) expect(sectionOf(document.getElementById(`p${i}`)!.firstChild!, headings)).toBe(i + 1);
  });

  it('tells a changed heading list from the same one', () => {
    document.body.innerHTML = '<h2>a</h2><h2>b</h2>';
    const one = [...document.querySelectorAll(SECTION_HEADINGS)];
    expect(sameNodes(one, [...document.querySelectorAll(SECTION_HEADINGS)])).toBe(true);
    document.body.insertAdjacentHTML('afterbegin', '<h3>new</h3>');
    expect(sameNodes(one, [...document.querySelectorAll(SECTION_HEADINGS)])).toBe(false);
  });
});
