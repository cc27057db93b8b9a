import { QUOTA_EXCEEDED } from '../store/write';
import { WRITE_IN_PROGRESS } from '../store/service';
import { describe, expect, it } from 'vitest';
import { checkBundle } from '../corpus/bundle';
import { seedBundle } from '../corpus/test-seeds';
import { errorText, fileProblemText } from './error-text';

const errorsOf = (mutate: (b: Record<string, any>) => void) => {
  const b = structuredClone(seedBundle().bundle) as Record<string, any>;
  mutate(b);
  const r = checkBundle(b);
  return r.ok ? [] : r.errors;
};

describe('errorText', () => {
  it.each([
    [(b: Record<string, any>) => (b.documents[2].date = 'tomorrow'), 'documents[2].date is not a date in the form YYYY-MM-DD (got "tomorrow")', 'documents[2].date no es una fecha con el formato AAAA-MM-DD (valor: "tomorrow")'],
    [(b: Record<string, any>) => (b.format = 'x'), 'format is "x", expected "hled-corpus"', 'el formato es "x"; se esperaba "hled-corpus"'],
    [(b: Record<string, any>) => (b.schemaVersion = 5), 'schemaVersion 5 is newer than this extension understands (2); update the extension', 'la versión de esquema 5 es más nueva que la que entiende esta extensión (2); actualice la extensión'],
    [(b: Record<string, any>) => (b.documents[0].url = 'javascript:alert(1)'), 'documents[0].url is not an http(s) URL (got "javascript:alert(1)")', 'documents[0].url no es una URL http(s) (valor: "javascript:alert(1)")'],
    [(b: Record<string, any>) => delete b.documents[1].title, /^documents\[1\]\.title is missing/, /^falta documents\[1\]\.title/],
  ])('says each validator error in English and Spanish', (mutate, en, es) => {
    const [error] = errorsOf(mutate);
    expect(error).toBeDefined();
    if (typeof en === 'string') expect(errorText(error!, 'en')).toBe(en);
    else expect(errorText(error!, 'en')).toMatch(en);
    if (typeof es === 'string') expect(errorText(error!, 'es')).toBe(es);
    else expect(errorText(error!, 'es')).toMatch(es);
  });
  it('says "not JSON" and size limits in Spanish', () => {
    expect(errorText('bundle: is not JSON (Unexpected token)', 'es')).toBe('el archivo no es JSON válido (Unexpected token)');
    expect(errorText('bundle: is larger than the limit of 100 MB', 'es')).toBe('el paquete supera el límite de 100 MB');
  });
});

describe('errorText for keys and the store', () => {
  it.each([
    ['key: give the key a name', 'Give the key a name.', 'Ponga un nombre a la clave.'],
    ['key: abc_123 is already trusted', 'The key abc_123 is already trusted.', 'La clave abc_123 ya es de confianza.'],
    ['key: is not JSON', 'The key is not JSON.', 'La clave no es JSON.'],
    ['key: kid "a" does not match the key (its thumbprint is "b")', 'The kid "a" does not match the key (its thumbprint is "b").', 'El kid "a" no corresponde a la clave (su huella es "b").'],
    ['key: x Too small: expected string to have >=43 characters', 'The key’s x Too small: expected string to have >=43 characters', 'Campo x de la clave: Too small: expected string to have >=43 characters'],
    ['store: there is no previous corpus to restore', 'there is no previous corpus to restore', 'no hay un corpus anterior que restaurar'],
    ['messages: something unforeseen', 'messages: something unforeseen', 'messages: something unforeseen'],
  ])('says "%s" in both languages', (message, en, es) => {
    expect(errorText(message, 'en')).toBe(en);
    expect(errorText(message, 'es')).toBe(es);
  });

  it('reads every message the key check writes', async () => {
    const { readPublicJwk } = await import('../corpus/signing');
    for (const input of ['not JSON', JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), d: 'B'.repeat(43) }), JSON.stringify({ kty: 'RSA' })]) {
      const message = await readPublicJwk(input).then(() => '', (e: Error) => e.message);
      expect(message).toMatch(/^key: /);
      expect(errorText(message, 'es'), message).not.toMatch(/^key: /);
      expect(errorText(message, 'es'), message).not.toBe(errorText(message, 'en'));
    }
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
    expect(errorText(message, 'en')).toMatch(en);
    expect(errorText(message, 'es')).toMatch(es);
  });
});
