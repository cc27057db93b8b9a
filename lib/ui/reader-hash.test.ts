import { describe, expect, it } from 'vitest';
import { documentHash, entityHash, parseReaderHash, searchHash } from './reader-hash';

describe('parseReaderHash', () => {
  it('reads a document at a passage, a search, or nothing', () => {
    expect(parseReaderHash('#doc=004_x&p=004_x%3Aabc')).toEqual({ kind: 'document', doc: '004_x', passage: '004_x:abc' });
    expect(parseReaderHash('#q=Sembrando%20Oportunidades')).toEqual({ kind: 'search', q: 'Sembrando Oportunidades' });
    expect(parseReaderHash('')).toEqual({ kind: 'home' });
    expect(parseReaderHash('#q=%20')).toEqual({ kind: 'home' });
  });
  it('round-trips what it writes, accents and all', () => {
    expect(parseReaderHash(documentHash('d1', 'd1:p'))).toEqual({ kind: 'document', doc: 'd1', passage: 'd1:p' });
    expect(parseReaderHash(searchHash('Ramírez & Co'))).toEqual({ kind: 'search', q: 'Ramírez & Co' });
    expect(parseReaderHash(entityHash('marcelo-ebrard'))).toEqual({ kind: 'entity', id: 'marcelo-ebrard' });
  });
});
