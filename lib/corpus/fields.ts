import { z } from 'zod';

// Extension pages forbid eval (MV3 CSP); Zod's JIT probes it with `new Function`, which logs a CSP
// violation and trips Firefox's DANGEROUS_EVAL lint. The interpreter is fast enough for our sizes.
z.config({ jitless: true });

/**
 * Field schemas shared by the catalog (what maintainers write) and the bundle (what the
 * extension imports), so a field means the same thing on both sides.
 */

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A year, a year-month or a full date: public records often give no more than a month. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const isCalendarDate = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export const isoDate = z
  .string()
  // `abort`: a value that is not YYYY-MM-DD gets that one error, not a second "not a real date".
  .regex(ISO_DATE, { message: 'is not a date in the form YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, { message: 'is not a real calendar date' });

export const partialDate = z
  .string()
  .regex(PARTIAL_DATE, { message: 'is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD', abort: true })
  // A full date must exist: "2024-04-31" is refused like it is for document dates.
  .refine((s) => s.length < 10 || isCalendarDate(s), { message: 'is not a real calendar date' });

/** Only http(s): a `javascript:` or `data:` URL in a bundle must never become a link. */
export const webUrl = z
  .string()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, { message: 'is not an http(s) URL' });

export const id = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9_.:-]*$/, { message: 'is not an id (lower-case letters, digits, _ . : -)' });

export const language = z.enum(['en', 'es']);
export type Language = z.infer<typeof language>;

export const bilingual = z.object({
  en: z.string().min(1).max(2000),
  es: z.string().min(1).max(2000),
});
export type Bilingual = z.infer<typeof bilingual>;

import { ENTITY_TYPES } from './constants';

export { ENTITY_TYPES };
export const entityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof entityType>;

/**
 * `core`: the HLED itself, its programs, task forces and its officials in their HLED roles.
 * `peripheral`: named in passing (a president, a multilateral body, an agency); highlighted only
 * on pages that also have a core mention, so an ordinary article about a president stays quiet.
 */
export const scope = z.enum(['core', 'peripheral']);
export type Scope = z.infer<typeof scope>;

export const alias = z
  .object({
    text: z.string().min(1).max(200),
    /** Language of the alias; `any` for names spelled the same in both (Marcelo Ebrard, COFEPRIS). */
    lang: z.enum(['en', 'es', 'any']),
    /** Matched in capitals (and in title case unless `titleCaseIsWord`), never in lower case. */
    acronym: z.boolean().default(false),
    /** For acronyms whose title-case form is an ordinary word ("Sep", "Dean", "Surges"): capitals only. */
    titleCaseIsWord: z.boolean().default(false),
    /**
     * `name`: a surname or short name shared by many people (White, Salazar): counts only when the
     * page also names the entity unambiguously. `word`: a common word or acronym with other meanings
     * (DEAN, SEP, ATP, Mesa): counts only when the page has a `core` mention.
     */
    ambiguous: z.enum(['name', 'word']).optional(),
    /** `seed`: the alias occurs in a seed document; `editorial`: added by a maintainer (e.g. a Spanish name). */
    source: z.enum(['seed', 'editorial']),
  })
  .strict();
export type Alias = z.infer<typeof alias>;

export const role = z
  .object({
    title_en: z.string().min(1).max(300),
    title_es: z.string().min(1).max(300),
    from: partialDate,
    to: partialDate.nullable(),
    /** How the dates are known: a seed document or a named public record. */
    source: z.string().min(1).max(500),
  })
  .strict();
export type Role = z.infer<typeof role>;

/** When an event took place, a program started or a law was enacted. */
export const period = z
  .object({ from: partialDate, to: partialDate.nullable().optional(), source: z.string().min(1).max(500) })
  .strict();

export const entity = z
  .object({
    id,
    type: entityType,
    scope,
    country: z.enum(['us', 'mx', 'binational', 'international']).optional(),
    name: bilingual,
    description: bilingual,
    aliases: z.array(alias).min(1).max(200),
    roles: z.array(role).max(100).optional(),
    period: period.optional(),
  })
  .strict();
export type Entity = z.infer<typeof entity>;
