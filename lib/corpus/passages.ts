import type { Correction } from './catalog';

/** Errors of the builder name the document and what is wrong: `corpus: 003_…: …`. */
export class CorpusError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.map((p) => `corpus: ${p}`).join('\n'));
    this.name = 'CorpusError';
  }
}

/**
 * Applies declared corrections to the raw text of one document. A correction whose `find` text
 * is not there (at its occurrence) is an error: a stale correction must never be silently skipped.
 */
export function applyCorrections(docId: string, raw: string, corrections: readonly Correction[], problems: string[]): string {
  let text = raw;
  corrections.forEach((c, ci) => {
    let at = -1;
    for (let n = 0; n < c.occurrence; n++) {
      at = text.indexOf(c.find, at + 1);
      if (at < 0) break;
    }
    if (at < 0) {
      problems.push(`${docId}: corrections[${ci}] finds no occurrence ${c.occurrence} of ${JSON.stringify(c.find.slice(0, 60))}`);
      return;
    }
    text = text.slice(0, at) + c.replace + text.slice(at + c.find.length);
  });
  return text;
}

export interface SplitPassage {
  heading: string | null;
  text: string;
}

const TERMINAL = /[.!?:;”"’)\]]$/u;

/** A short single line with no closing punctuation, followed by more text, reads as a heading. */
function isHeading(block: string, isLast: boolean): boolean {
  return !isLast && !block.includes('\n') && !TERMINAL.test(block) && block.split(/\s+/).length <= 14;
}

/**
 * Splits a document into passages: blocks separated by blank lines, front matter (title, byline,
 * dateline) dropped, headings kept as the `heading` of the passages under them.
 */
export function splitPassages(docId: string, text: string, frontMatter: readonly string[], problems: string[]): SplitPassage[] {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  let first = 0;
  for (const line of frontMatter) {
    const at = blocks.indexOf(line.trim(), first);
    if (at < 0 || at > first + 2) {
      problems.push(`${docId}: frontMatter line ${JSON.stringify(line.slice(0, 60))} is not among the leading lines`);
      continue;
    }
    first = at + 1;
  }
  const out: SplitPassage[] = [];
  let heading: string | null = null;
  for (let i = first; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (isHeading(b, i === blocks.length - 1)) heading = b;
    else out.push({ heading, text: b });
  }
  return out;
}
