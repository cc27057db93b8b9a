/**
 * The sentence of a passage that holds a span (a mention, a matched word): what a citation
 * quotes. Sentence breaks come from `Intl.Segmenter`, with one repair: ICU breaks after
 * abbreviations followed by a capital ("the U.S. Secretary of Commerce", "EE. UU. y México",
 * "Sept. 12"), which are everywhere in this corpus, so a segment ending in one is joined to the next.
 */

/** Longest quote: a citation quotes a sentence, not a page. */
export const MAX_QUOTE_CHARS = 600;

const ABBREVIATION_END = /(?:\b(?:[A-Z]\.\s?){1,3}|\b(?:Mr|Mrs|Ms|Dr|Sr|Sra|Srta|Lic|Ing|Gov|Sen|Rep|Sec|Gen|Col|Lt|St|No|Núm|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Ene|Abr|Ago|Dic|Inc|Co|Corp|Jr|vs|etc|approx|Av|Sta)\.)\s*$/;
/** Spanish "EE. UU." ends in two letters per part. */
const EE_UU_END = /\b(?:EE\.\s?UU|EE\.)\.?\s*$/;

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * One segmenter per language, kept: creating one loads ICU's break rules, about four times the
 * cost of segmenting a passage, and a search quotes a sentence of each of its 30 results.
 */
const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(lang: string): Intl.Segmenter | null {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (!Segmenter) return null;
  let s = segmenters.get(lang);
  if (!s) segmenters.set(lang, (s = new Segmenter(lang, { granularity: 'sentence' })));
  return s;
}

export function sentences(text: string, lang = 'en'): Sentence[] {
  const out: Sentence[] = [];
  const segmenter = sentenceSegmenter(lang);
  const raw: Sentence[] = [];
  if (segmenter) {
    for (const s of segmenter.segment(text)) raw.push({ text: s.segment, start: s.index, end: s.index + s.segment.length });
  } else {
    // Browsers without Intl.Segmenter: break after . ! ? followed by a space and a capital.
    const re = /[.!?…]["”’)]*\s+(?=["“¿¡(]?\p{Lu})/gu;
    let from = 0;
    for (let m; (m = re.exec(text)); ) {
      raw.push({ text: text.slice(from, m.index + m[0].length), start: from, end: m.index + m[0].length });
      from = m.index + m[0].length;
    }
    if (from < text.length) raw.push({ text: text.slice(from), start: from, end: text.length });
  }
  for (const s of raw) {
    const prev = out.at(-1);
    if (prev && (ABBREVIATION_END.test(prev.text) || EE_UU_END.test(prev.text))) {
      prev.text += s.text;
      prev.end = s.end;
    } else out.push({ ...s });
  }
  return out;
}

/**
 * The sentence(s) covering `[start, end)`, trimmed; cut around the span with "…" when longer
 * than `MAX_QUOTE_CHARS`.
 */
export function sentenceAround(text: string, start: number, end: number, lang = 'en'): string {
  const all = sentences(text, lang);
  const covering = all.filter((s) => s.start < Math.max(end, start + 1) && s.end > start);
  const from = covering[0]?.start ?? 0;
  const to = covering.at(-1)?.end ?? text.length;
  let quote = text.slice(from, to);
  let lead = quote.length - quote.trimStart().length;
  quote = quote.trim();
  if (quote.length <= MAX_QUOTE_CHARS) return quote;
  const at = Math.max(0, start - from - lead - MAX_QUOTE_CHARS / 3);
  lead = at > 0 ? 1 : 0;
  const cut = quote.slice(at, at + MAX_QUOTE_CHARS - 2);
  // Cut at word boundaries so a quote never starts or ends inside a word.
  const head = at > 0 ? cut.replace(/^\S*\s+/, '') : cut;
  const body = head.replace(/\s+\S*$/, '');
  return `${lead ? '…' : ''}${body}…`;
}
