import { describe, expect, it } from 'vitest';
import { historyNoteText } from './history-note';

describe('historyNoteText', () => {
  it('says what the corpus held in the reader’s language', () => {
    expect(historyNoteText('HLED corpus, 5 documents, 66 entities', 'en')).toBe('HLED corpus, 5 documents, 66 entities');
    expect(historyNoteText('HLED corpus, 5 documents, 66 entities', 'es')).toBe('HLED corpus, 5 documentos, 66 entidades');
  });

  it('keeps any other note as it is', () => {
    expect(historyNoteText('store: the index could not be read', 'es')).toBe('store: the index could not be read');
  });
});
