import { z } from 'zod';
import { entity, id, isoDate, language, webUrl } from './fields';

/**
 * The catalog (`seeds/catalog.json`): everything about the corpus that is not the raw text of a
 * document. Raw seeds stay verbatim; what a reader should see differently is declared here.
 */

export const DOCUMENT_FIELDS = ['title', 'date', 'language', 'publisher', 'url'] as const;

export const correction = z
  .object({
    /** Exact text in the raw seed; it must occur exactly `occurrence` times or more. */
    find: z.string().min(1),
    /** Which occurrence (1-based) to change; others are left alone. */
    occurrence: z.number().int().min(1).default(1),
    replace: z.string(),
    /** What is wrong in the raw text (shown to readers in the reader page). */
    what: z.string().min(1),
    /** Why the change is right. */
    why: z.string().min(1),
  })
  .strict();
export type Correction = z.infer<typeof correction>;

export const catalogDocument = z
  .object({
    id,
    /** Seed file name in `seeds/`. */
    file: z.string().regex(/^[\w.-]+\.txt$/),
    title: z.string().min(1),
    date: isoDate,
    language,
    publisher: z.string().min(1).nullable(),
    /** Only a URL found in a public source; never guessed. */
    url: webUrl.nullable(),
    /** Fields the text itself does not give: field name → how it is known. */
    editorial: z.partialRecord(z.enum(DOCUMENT_FIELDS), z.string().min(1)).default({}),
    /** Leading lines of the raw text that are front matter (title, byline, dateline), not passages. */
    frontMatter: z.array(z.string().min(1)).default([]),
    corrections: z.array(correction).default([]),
  })
  .strict();
export type CatalogDocument = z.infer<typeof catalogDocument>;

export const catalog = z
  .object({
    corpus: z
      .object({
        name: z.string().min(1),
        /** `YYYY.MM.DD.n`: bumped by maintainers whenever documents or entities change. */
        version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}\.\d+$/),
      })
      .strict(),
    documents: z.array(catalogDocument).min(1),
    entities: z.array(entity).min(1),
  })
  .strict();
export type Catalog = z.infer<typeof catalog>;
