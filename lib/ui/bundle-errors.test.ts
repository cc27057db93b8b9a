import { QUOTA_EXCEEDED } from '../store/write';
import { WRITE_IN_PROGRESS } from '../store/service';
import { describe, expect, it } from 'vitest';
import { checkBundle } from '../corpus/bundle';
import { seedBundle } from '../corpus/test-seeds';
import { bundleErrorText, fileProblemText } from './bundle-errors';

const errorsOf = (mutate: (b: Record<string, any>) => void) => {
  const b = structuredClone(seedBundle().bundle) as Record<string, any>;
  mutate(b);
  const r = checkBundle(b);
  return r.ok ? [] : r.errors;
};

describe('bundleErrorText', () => {
  it.each([
    [(b: Record<string, any>) => (b.documents[2].date = 'tomorrow'), 'documents[2].date is not a date in the form YYYY-MM-DD (got "tomorrow")', 'documents[2].date no es una fecha con el formato AAAA-MM-DD (valor: "tomorrow")'],
    [(b: Record<string, any>) => (b.format = 'x'), 'format is "x", expected "hled-corpus"', 'el formato es "x"; se esperaba "hled-corpus"'],
    [(b: Record<string, any>) => (b.schemaVersion = 5), 'schemaVersion 5 is newer than this extension understands (2); update the extension', 'la versión de esquema 5 es más nueva que la que entiende esta extensión (2); actualice la extensión'],
    [(b: Record<string, any>) => (b.documents[0].url = 'javascript:alert(1)'), 'documents[0].url is not an http(s) URL (got "javascript:alert(1)")', 'documents[0].url no es una URL http(s) (valor: "javascript:alert(1)")'],
    [(b: Record<string, any>) => delete b.documents[1].title, /^documents\[1\]\.title is missing/, /^falta documents\[1\]\.title/],
  ])('says each validator error in English and Spanish', (mutate, en, es) => {
    const [error] = errorsOf(mutate);
    expect(error).toBeDefined();
    if (typeof en === 'string') expect(bundleErrorText(error!, 'en')).toBe(en);
    else expect(bundleErrorText(error!, 'en')).toMatch(en);
    if (typeof es === 'string') expect(bundleErrorText(error!, 'es')).toBe(es);
    else expect(bundleErrorText(error!, 'es')).toMatch(es);
  });
  it('says "not JSON" and size limits in Spanish', () => {
    expect(bundleErrorText('bundle: is not JSON (Unexpected token)', 'es')).toBe('el archivo no es JSON válido (Unexpected token)');
    expect(bundleErrorText('bundle: is larger than the limit of 100 MB', 'es')).toBe('el paquete supera el límite de 100 MB');
  });
});

describe('fileProblemText', () => {
  it('states the limit', () => {
    expect(fileProblemText({ code: 'too-large', bytes: 80 * 1024 * 1024, limit: 50 * 1024 * 1024 }, 'en')).toBe('The file is too large (80 MB); the limit is 50 MB.');
    expect(fileProblemText({ code: 'not-gzip' }, 'es')).toBe('El archivo no es un gzip válido.');
  });
});

describe('store refusals', () => {
  it.each([
    [QUOTA_EXCEEDED, /^not enough storage space/, /^no hay espacio de almacenamiento/],
    [WRITE_IN_PROGRESS, /^another import, restore or reset is in progress/, /^hay otra importación/],
  ])('reads %s in both languages', (message, en, es) => {
    expect(bundleErrorText(message, 'en')).toMatch(en);
    expect(bundleErrorText(message, 'es')).toMatch(es);
  });
});
