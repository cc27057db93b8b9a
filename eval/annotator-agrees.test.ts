// @vitest-environment jsdom
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../lib/corpus/build';
import { readSeeds } from '../lib/corpus/seeds-node';
import { Annotator } from '../lib/highlight/annotator';
import { buildMatcherTable, compileMatcher, findMentions } from '../lib/match';
import { loadPages } from './evaluate';

const root = path.resolve(__dirname, '..');
const bundle = buildBundle(readSeeds(path.join(root, 'seeds'))).bundle;
const matcher = compileMatcher(buildMatcherTable(bundle.corpusVersion, bundle.entities));

/** What the page's highlights hold, read back from their ranges: text, entity and rule. */
function rangeText(r: StaticRange): string {
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}

// The score of the page set comes from `scan`'s code path; the browser reaches the same page rules
// through the annotator's own glue (text walk, batches, ranges). Both must accept the same mentions,
// or the evaluation measures something readers never see.
describe('the annotator accepts on every evaluation page what scan accepts', () => {
  for (const { truth, text } of loadPages(path.join(root, 'eval/pages'))) {
    it(truth.page, async () => {
      document.body.innerHTML = '';
      for (const block of text.split(/\n{2,}/)) {
        const p = document.createElement('p');
        p.textContent = block;
        document.body.append(p);
      }
      const annotator = new Annotator({ matcher, density: 'all', yieldToPage: () => Promise.resolve() });
      await annotator.start(document.body);
      const inBrowser = annotator.mentions().map((m) => [rangeText(m.range), matcher.table.entities[m.entity]!.id, m.rule]);
      annotator.stop();
      const byScan = findMentions(matcher, text).map((m) => [text.slice(m.start, m.end), matcher.table.entities[m.entity]!.id, m.rule]);
      expect(inBrowser).toEqual(byScan);
    });
  }
});
