import type { MatcherTable } from '../lib/match';

/**
 * mark.js's best case: one case-insensitive expression of every alias text, longest first, with
 * Unicode-aware word boundaries (no letter, digit or underscore on either side).
 */
export function combinedRegExp(table: MatcherTable): { source: string; flags: string } {
  const alts = [...new Set(table.aliases.map((a) => a.text))]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((t) => t.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
  return { source: `(?<![\\p{L}\\p{N}_])(?:${alts.join('|')})(?![\\p{L}\\p{N}_])`, flags: 'giu' };
}
