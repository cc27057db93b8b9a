/** `detect.*`: the annotated page set's evaluation (`npm run eval`), so one file holds every figure. */
import { evaluate } from '../eval/evaluate';
import { figure, type BenchModule } from './figures';

export const detectBench: BenchModule = {
  name: 'detect',
  async run(ctx) {
    const r = evaluate(ctx.root);
    const note = `${r.pages.length} pages of eval/pages`;
    return {
      'detect.precision': figure(r.overall.precision, 'ratio', '>= 0.98', note),
      'detect.recall': figure(r.overall.recall, 'ratio', '>= 0.95', note),
      'detect.f1': figure(r.overall.f1, 'ratio', '', note),
      'detect.entity_accuracy': figure(r.overall.entityAccuracy, 'ratio', '', 'found mentions overlapping a true one that name its entity'),
      'detect.negative_highlights': figure(r.negativeHighlights, 'count', '0', 'highlights on the hard-negative pages'),
    };
  },
};
