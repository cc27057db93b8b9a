import { describe, expect, it } from 'vitest';
import { makeService } from '../store/test-service';
import { buildIndexes, type PassageIndexDoc } from './indexes';
import { relatedPassages, salientTerms } from './related';

// A paragraph as a news page about the supply chain would write it, naming Gina Raimondo.
const SEMICONDUCTOR_PARAGRAPH =
  'Commerce Secretary Gina Raimondo said the semiconductor supply chain is the priority: chip makers want assembly, testing and packaging plants in Mexico, and semiconductor investment needs engineers trained on both sides of the border.';

describe('salientTerms', () => {
  it('keeps the paragraph’s frequent terms first and leaves out the entity’s names, numbers and stop words', () => {
    const t = salientTerms(SEMICONDUCTOR_PARAGRAPH, new Set(['gina', 'raimondo']));
    expect(t[0]).toBe('semiconductor');
    expect(t).not.toContain('raimondo');
    expect(t).not.toContain('the');
    expect(salientTerms('In 2022 and 2023 the', new Set())).toEqual([]);
  });
});

describe('relatedPassages', () => {
  const passage = (id: string, text: string, extra: Partial<PassageIndexDoc> = {}): PassageIndexDoc => ({ id, text, title: '', heading: '', entities: '', ...extra });

  it('relates passages by what they say, not by the title of the document they open', () => {
    const ix = buildIndexes(
      [
        // An opening passage about something else, under a title full of the paragraph's words.
        passage('opening', 'Background on the minister and his career in government.', { title: 'Semiconductor supply chains and chip investment' }),
        passage('body', 'Semiconductor investment needs engineers and a resilient supply chain.'),
      ],
      [],
    );
    const ids = relatedPassages(ix, 'Chip makers said semiconductor investment depends on engineers and the supply chain.', new Set()).map((r) => r.id);
    expect(ids).toEqual(['body']);
  });
});

describe('relatedToParagraph (seed corpus)', () => {
  it('surfaces the semiconductor passages first for a semiconductor paragraph, at most three', async () => {
    const { service } = makeService();
    const hits = await service.relatedPassages(SEMICONDUCTOR_PARAGRAPH, 'gina-raimondo');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits[0]!.quote.toLowerCase()).toContain('semiconductor');
    // Each hit is citable: a source, a snippet with marks, and the sentence to quote.
    for (const h of hits) {
      expect(h.snippet.marks.length).toBeGreaterThan(0);
      expect(h.quote.length).toBeGreaterThan(20);
      expect(h.title).toBeTruthy();
    }
  });

  it('does not let the entity’s own name drive the results', async () => {
    const { service } = makeService();
    // Only the name and filler words: nothing to relate once the name is left out.
    expect(await service.relatedPassages('Gina Raimondo said that Gina Raimondo would go.', 'gina-raimondo')).toEqual([]);
  });

  it('relates a migration paragraph to migration passages instead', async () => {
    const { service } = makeService();
    const hits = await service.relatedPassages(
      'Marcelo Ebrard spoke about irregular migration from Central America and the root causes of migration: jobs, development and opportunity in El Salvador, Guatemala and Honduras.',
      'marcelo-ebrard',
    );
    expect(hits[0]!.quote.toLowerCase()).toMatch(/migra|central america|root causes/);
  });
});

describe('timeline quotes', () => {
  it('quote the sentence that names the entity', async () => {
    const { service } = makeService();
    const card = await service.lookupEntity('gina-raimondo');
    expect(card!.timeline.length).toBeGreaterThan(0);
    for (const t of card!.timeline) expect(t.quote).toMatch(/Raimondo/);
  });
});
