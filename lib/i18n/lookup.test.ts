import { describe, expect, it } from 'vitest';
import { around, fill, translator } from './lookup';

const text = translator({
  en: { x_hello: 'Hello, {name}', x_results_none: 'No results', x_results_one: '1 result', x_results_other: '{n} results', x_docs_one: '1 document in {where}', x_docs_other: '{n} documents in {where}' },
  es: { x_hello: 'Hola, {name}', x_results_none: 'Sin resultados', x_results_one: '1 resultado', x_results_other: '{n} resultados', x_docs_one: '1 documento en {where}', x_docs_other: '{n} documentos en {where}' },
});

describe('fill', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('About {name} {x}', { name: 'HLED' })).toBe('About HLED {x}');
    expect(fill('{n} of {n}', { n: 3 })).toBe('3 of 3');
  });
});

describe('around', () => {
  it('splits a message at a placeholder', () => {
    expect(around('Did you mean {suggestions}?', 'suggestions')).toEqual(['Did you mean ', '?']);
    expect(around('No placeholder', 'suggestions')).toEqual(['No placeholder', '']);
  });
});

describe('translator', () => {
  it('reads a message in the language asked for, filled', () => {
    expect(text('en')('x_hello', { name: 'Ana' })).toBe('Hello, Ana');
    expect(text('es')('x_hello', { name: 'Ana' })).toBe('Hola, Ana');
  });

  it('keeps the same lookup per language', () => {
    expect(text('es')).toBe(text('es'));
  });

  it.each([
    [0, 'en', 'No results'],
    [1, 'en', '1 result'],
    [16, 'en', '16 results'],
    [0, 'es', 'Sin resultados'],
    [1, 'es', '1 resultado'],
    [2, 'es', '2 resultados'],
  ] as const)('counts %i results in %s as "%s"', (n, lang, want) => expect(text(lang).plural('x_results', n)).toBe(want));

  it('uses the "other" form for zero without a "none" form, and fills the other values', () => {
    expect(text('en').plural('x_docs', 0, { where: 'the corpus' })).toBe('0 documents in the corpus');
    expect(text('es').plural('x_docs', 1, { where: 'el corpus' })).toBe('1 documento en el corpus');
  });

  it('reads a key it does not know as itself, and its type refuses it', () => {
    // @ts-expect-error: not a key of these messages
    expect(text('en')('x_missing')).toBe('x_missing');
    // @ts-expect-error: a message, not a plural group
    expect(text('en').plural('x_hello', 2)).toBe('x_hello_other');
  });
});
