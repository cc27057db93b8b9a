import { describe, expect, it } from 'vitest';
import { formatCitation } from './citation';
import { sentenceAround, sentences } from './sentence';
import { encodeFragmentText, textDirective, withTextFragment } from './text-fragment';

describe('sentences', () => {
  it('does not break after U.S., EE. UU. or month abbreviations', () => {
    const text = 'On Sept. 12 the U.S. Secretary of Commerce Gina Raimondo met Marcelo Ebrard. Both spoke. Los EE. UU. y México firmaron.';
    expect(sentences(text).map((s) => s.text.trim())).toEqual([
      'On Sept. 12 the U.S. Secretary of Commerce Gina Raimondo met Marcelo Ebrard.',
      'Both spoke.',
      'Los EE. UU. y México firmaron.',
    ]);
  });

  it('quotes the sentence that holds the mention, trimmed', () => {
    const text = 'First sentence here. The HLED met in Mexico City on September 12, 2022. Last one.';
    const at = text.indexOf('HLED');
    expect(sentenceAround(text, at, at + 4)).toBe('The HLED met in Mexico City on September 12, 2022.');
  });

  it('cuts a very long sentence around the mention at word boundaries', () => {
    const long = `${'word '.repeat(300)}Ebrard ${'tail '.repeat(300)}end.`;
    const at = long.indexOf('Ebrard');
    const q = sentenceAround(long, at, at + 6);
    expect(q.length).toBeLessThanOrEqual(602);
    expect(q).toContain('Ebrard');
    expect(q.startsWith('…word')).toBe(true);
    expect(q.endsWith('tail…')).toBe(true);
  });
});

describe('text fragments', () => {
  it('percent-encodes commas, dashes, ampersands and non-ASCII letters', () => {
    expect(encodeFragmentText('U.S.–Mexico, co-chairs & Ebrard’s')).toBe('U.S.%E2%80%93Mexico%2C%20co%2Dchairs%20%26%20Ebrard%E2%80%99s');
    expect(encodeFragmentText('Secretaría de Economía')).toBe('Secretar%C3%ADa%20de%20Econom%C3%ADa');
  });

  it('quotes a short sentence whole and a long one by its first and last words', () => {
    expect(textDirective('The HLED met in 2022.')).toBe('text=The%20HLED%20met%20in%202022.');
    const long = 'one two three four five six seven eight nine ten eleven twelve thirteen, fourteen';
    expect(textDirective(long)).toBe('text=one%20two%20three%20four%20five,ten%20eleven%20twelve%20thirteen%2C%20fourteen');
    expect(textDirective('…cut quote here…')).toBe('text=cut%20quote%20here');
  });

  it('adds the directive after any fragment the URL has, replacing an old directive', () => {
    expect(withTextFragment('https://example.org/a?p=1', 'Hi there')).toBe('https://example.org/a?p=1#:~:text=Hi%20there');
    expect(withTextFragment('https://example.org/a#section', 'Hi')).toBe('https://example.org/a#section:~:text=Hi');
    expect(withTextFragment('https://example.org/a#s:~:text=old', 'Hi')).toBe('https://example.org/a#s:~:text=Hi');
  });
});

describe('formatCitation', () => {
  const source = {
    title: 'Joint Statement: U.S.-Mexico HLED',
    publisher: 'The White House',
    date: '2022-09-12',
    url: 'https://example.gov/statement',
    quote: 'Secretary Raimondo and Secretary Ebrard [met] in *Mexico City*.',
  };

  it('writes plain text with the quote, title, publisher, date and a link to the sentence', () => {
    expect(formatCitation(source, 'text')).toBe(
      '“Secretary Raimondo and Secretary Ebrard [met] in *Mexico City*.”\n— Joint Statement: U.S.-Mexico HLED (The White House, 2022-09-12)\nhttps://example.gov/statement#:~:text=Secretary%20Raimondo%20and%20Secretary%20Ebrard%20%5Bmet%5D%20in%20*Mexico%20City*.',
    );
  });

  it('writes Markdown with the quote as a block quote and the title linked, syntax escaped', () => {
    const md = formatCitation(source, 'markdown');
    expect(md.startsWith('> Secretary Raimondo and Secretary Ebrard \\[met\\] in \\*Mexico City\\*.\n\n— [Joint Statement: U.S.-Mexico HLED](https://example.gov/statement#:~:text=')).toBe(true);
    expect(md.endsWith(', The White House, 2022-09-12')).toBe(true);
  });

  it('names the title without a link when the original URL is unknown', () => {
    expect(formatCitation({ ...source, url: null, publisher: null }, 'markdown')).toBe('> Secretary Raimondo and Secretary Ebrard \\[met\\] in \\*Mexico City\\*.\n\n— *Joint Statement: U.S.-Mexico HLED*, 2022-09-12');
    expect(formatCitation({ ...source, url: null, publisher: null }, 'text')).toBe('“Secretary Raimondo and Secretary Ebrard [met] in *Mexico City*.”\n— Joint Statement: U.S.-Mexico HLED (2022-09-12)');
  });
});
