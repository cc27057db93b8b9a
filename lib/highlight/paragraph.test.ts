// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MAX_PARAGRAPH_CHARS, paragraphAround } from './paragraph';

const body = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};
const textIn = (sel: string) => document.querySelector(sel)!.firstChild!;

describe('paragraphAround', () => {
  it('gives the block around the mention, through inline elements, whitespace collapsed', () => {
    const long = 'The semiconductor supply chain talks went on. '.repeat(8);
    body(`<p id="a">First.</p><p id="b">${long} Secretary <b id="m">Gina Raimondo</b>\n   said so.</p>`);
    const { block, text } = paragraphAround(textIn('#m'));
    expect(block).toBe(document.getElementById('b'));
    expect(text.endsWith('Secretary Gina Raimondo said so.')).toBe(true);
    expect(text).not.toContain('First.');
  });

  it('borrows the neighbouring blocks when the paragraph is one short line', () => {
    body('<p>Chip plants in Sonora.</p><p id="s"><a>Raimondo</a> visited.</p><p>Engineers are trained.</p>');
    expect(paragraphAround(textIn('#s a')).text).toBe('Chip plants in Sonora. Raimondo visited. Engineers are trained.');
  });

  it('cuts a page-sized block around the mention', () => {
    const filler = 'Filler sentence about nothing. '.repeat(400);
    body(`<div id="all">${filler}<span id="m">Marcelo Ebrard spoke about semiconductors.</span>${filler}</div>`);
    const { text } = paragraphAround(textIn('#m'));
    expect(text.length).toBe(MAX_PARAGRAPH_CHARS);
    expect(text).toContain('Marcelo Ebrard spoke about semiconductors.');
  });
});
