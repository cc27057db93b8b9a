/**
 * The authoring form of an eval page: plain text where each expected mention is written
 * `{surface text|entity-id}`. `parseMarkup` turns it into the committed form: the text as a
 * reader sees it and the mentions as character offsets into it.
 */
import { z } from 'zod';

export const truthMentionSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  text: z.string().min(1),
  entity: z.string().min(1),
});
export type TruthMention = z.infer<typeof truthMentionSchema>;

export const pageTruthSchema = z.object({
  page: z.string().min(1),
  lang: z.enum(['en', 'es']),
  /** A hard negative: none of our entities, only words that look like them. */
  negative: z.boolean(),
  mentions: z.array(truthMentionSchema),
});
export type PageTruth = z.infer<typeof pageTruthSchema>;

const MARK = /\{([^{}|]+)\|([a-z0-9-]+)\}/g;

export function parseMarkup(source: string): { text: string; mentions: TruthMention[] } {
  let text = '';
  let last = 0;
  const mentions: TruthMention[] = [];
  for (const m of source.matchAll(MARK)) {
    text += source.slice(last, m.index);
    const surface = m[1]!;
    mentions.push({ start: text.length, end: text.length + surface.length, text: surface, entity: m[2]! });
    text += surface;
    last = m.index! + m[0].length;
  }
  text += source.slice(last);
  if (/[{}]/.test(text)) throw new Error(`unbalanced markup near "${text.slice(text.search(/[{}]/), text.search(/[{}]/) + 40)}"`);
  return { text, mentions };
}

/** Checks that every mention's offsets still point at its text (after a hand edit of a page). */
export function offsetErrors(text: string, truth: PageTruth): string[] {
  return truth.mentions
    .filter((m) => text.slice(m.start, m.end) !== m.text)
    .map((m) => `${truth.page}: [${m.start}, ${m.end}) reads "${text.slice(m.start, m.end)}", expected "${m.text}"`);
}
