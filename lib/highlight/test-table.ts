import { buildMatcherTable, compileMatcher } from '../match';

/** One alias of a test table: any language, not an acronym, unless `extra` says otherwise. */
export const a = (text: string, extra: Record<string, unknown> = {}) => ({ text, lang: 'any' as const, acronym: false, titleCaseIsWord: false, ...extra });

/** A small alias table for DOM tests (the real catalog is tested through the builder). */
export const testMatcher = compileMatcher(
  buildMatcherTable('test', [
    { id: 'marcelo-ebrard', type: 'person', scope: 'core', aliases: [a('Marcelo Ebrard'), a('Ebrard')] },
    { id: 'gina-raimondo', type: 'person', scope: 'core', aliases: [a('Gina Raimondo'), a('Raimondo')] },
    { id: 'hled', type: 'program', scope: 'core', aliases: [a('HLED', { acronym: true }), a('DEAN', { acronym: true, titleCaseIsWord: true, ambiguous: 'word', lang: 'es' })] },
    { id: 'usaid', type: 'organization', scope: 'peripheral', aliases: [a('USAID', { acronym: true })] },
  ]),
);
