import { describe, expect, it } from 'vitest';
import { failureText, resultText } from './update-text';

describe('failureText', () => {
  it.each([
    [{ code: 'bad-signature' } as const, 'signature does not match', 'la firma no coincide'],
    [{ code: 'http', status: 404, url: 'https://x.org/b.json' } as const, 'HTTP 404 for https://x.org/b.json', 'HTTP 404 en https://x.org/b.json'],
    [{ code: 'older', version: '2020.01.01.1', active: '2026.11.23.1' } as const, 'version 2020.01.01.1 is older than the active 2026.11.23.1', 'la versión 2020.01.01.1 es anterior a la activa 2026.11.23.1'],
    [{ code: 'network', detail: 'Failed to fetch' } as const, 'the server could not be reached (Failed to fetch)', 'no se pudo contactar con el servidor (Failed to fetch)'],
  ])('puts %o in English and Spanish', (failure, en, es) => {
    expect(failureText(failure, 'en')).toBe(en);
    expect(failureText(failure, 'es')).toBe(es);
  });
});

describe('resultText', () => {
  it('says what each check did', () => {
    expect(resultText({ result: 'updated', version: '2030.01.01.1' }, 'en')).toBe('updated to 2030.01.01.1');
    expect(resultText({ result: 'not-modified', version: null }, 'es')).toBe('sin cambios desde la última revisión (304)');
    expect(resultText({ result: 'failed', version: null, failure: { code: 'unsigned' } }, 'en')).toBe('failed: the bundle is not signed');
  });
});
