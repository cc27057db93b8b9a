import { z } from 'zod';
import { DOCUMENT_FIELDS } from './catalog';
import { entity, id, isoDate, language, webUrl } from './fields';
import { RULES } from '../match/rules';

/**
 * The corpus bundle (`format: "hled-corpus"`): what the extension ships, imports and exports.
 * `schemaVersion` changes only when the shape changes; `corpusVersion` with every new release
 * of the data. Passage ids are `<document id>:<hash of the passage text>` so that citations and
 * corrections survive corpus updates.
 */

export const BUNDLE_FORMAT = 'hled-corpus';
/** 2 added `signer` and `dataAsOf`; bundles of schema 1 are still read. */
export const BUNDLE_SCHEMA_VERSION = 2;
export const CORPUS_VERSION = /^\d{4}\.\d{2}\.\d{2}\.\d+$/;

/** Generous limits that still stop a hostile bundle from exhausting memory. */
export const LIMITS = { passageChars: 50_000, passagesPerDocument: 5_000, documents: 100_000, entities: 50_000 };

export const passage = z
  .object({
    id: z.string().min(1).max(200),
    index: z.number().int().min(0),
    /** The section heading the passage sits under, if any. */
    heading: z.string().max(500).nullable(),
    text: z.string().min(1).max(LIMITS.passageChars),
  })
  .strict();
export type Passage = z.infer<typeof passage>;

export const bundleDocument = z
  .object({
    id,
    title: z.string().min(1).max(1000),
    date: isoDate,
    language,
    publisher: z.string().min(1).max(300).nullable(),
    url: webUrl.nullable(),
    editorial: z.partialRecord(z.enum(DOCUMENT_FIELDS), z.string().min(1).max(1000)),
    /** The corrections applied to the raw text, so readers can see what was changed and why. */
    corrections: z.array(z.object({ what: z.string().max(2000), why: z.string().max(2000) }).strict()).max(1000),
    passages: z.array(passage).min(1).max(LIMITS.passagesPerDocument),
  })
  .strict();
export type BundleDocument = z.infer<typeof bundleDocument>;

export const mention = z
  .object({
    entity: id,
    document: id,
    passage: z.string().min(1).max(200),
    /** UTF-16 offsets into the passage text. */
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    rule: z.enum(RULES),
  })
  .strict();
export type BundleMention = z.infer<typeof mention>;

const bundleV1 = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    schemaVersion: z.literal(1),
    name: z.string().min(1).max(200),
    corpusVersion: z.string().regex(CORPUS_VERSION, { message: 'is not a corpus version YYYY.MM.DD.n' }),
    createdAt: z.iso.datetime(),
    documents: z.array(bundleDocument).min(1).max(LIMITS.documents),
    entities: z.array(entity).min(1).max(LIMITS.entities),
    mentions: z.array(mention),
  })
  .strict();

const bundleV2 = bundleV1
  .extend({
    schemaVersion: z.literal(2),
    /**
     * The `kid` of the key the maintainers sign this bundle with (the signature itself is in a
     * separate `.sig` file: it covers these exact bytes), or null for an unsigned build.
     */
    signer: z.string().min(1).max(200).nullable(),
    /** The day the data is current to, as the maintainers state it (shown with every card). */
    dataAsOf: isoDate,
  })
  .strict();

const bundleShape = z.discriminatedUnion('schemaVersion', [bundleV1, bundleV2]);

/** The full bundle schema, with the cross-references checked (ids unique, mentions in range). */
export const bundleSchema = bundleShape.superRefine((b, ctx) => {
  const passages = new Map<string, { doc: string; length: number }>();
  const docIds = new Set<string>();
  b.documents.forEach((d, di) => {
    if (docIds.has(d.id)) ctx.addIssue({ code: 'custom', path: ['documents', di, 'id'], message: `duplicates document id "${d.id}"` });
    docIds.add(d.id);
    d.passages.forEach((p, pi) => {
      if (passages.has(p.id)) ctx.addIssue({ code: 'custom', path: ['documents', di, 'passages', pi, 'id'], message: `duplicates passage id "${p.id}"` });
      passages.set(p.id, { doc: d.id, length: p.text.length });
    });
  });
  const entityIds = new Set<string>();
  b.entities.forEach((e, ei) => {
    if (entityIds.has(e.id)) ctx.addIssue({ code: 'custom', path: ['entities', ei, 'id'], message: `duplicates entity id "${e.id}"` });
    entityIds.add(e.id);
  });
  b.mentions.forEach((m, mi) => {
    const at = (k: string) => ['mentions', mi, k];
    if (!entityIds.has(m.entity)) ctx.addIssue({ code: 'custom', path: at('entity'), message: `names no entity of the bundle ("${m.entity}")` });
    const p = passages.get(m.passage);
    if (!p) ctx.addIssue({ code: 'custom', path: at('passage'), message: `names no passage of the bundle ("${m.passage}")` });
    else {
      if (p.doc !== m.document) ctx.addIssue({ code: 'custom', path: at('document'), message: `is "${m.document}" but the passage belongs to "${p.doc}"` });
      if (m.end <= m.start || m.end > p.length) ctx.addIssue({ code: 'custom', path: at('end'), message: `is outside its passage (start ${m.start}, end ${m.end}, passage length ${p.length})` });
    }
  });
});
export type Bundle = z.infer<typeof bundleSchema>;
export type BundleV2 = z.infer<typeof bundleV2>;

/** Who signed a bundle and when its data is from, as far as the bundle says (schema 1: unknown). */
export function bundleProvenance(b: Bundle): { signer: string | null; dataAsOf: string | null } {
  return b.schemaVersion === 2 ? { signer: b.signer, dataAsOf: b.dataAsOf } : { signer: null, dataAsOf: null };
}

/** Just enough to tell a bundle of another format or a newer schema before validating the rest. */
const header = z.object({ format: z.unknown().optional(), schemaVersion: z.unknown().optional() }).passthrough();

export type BundleCheck = { ok: true; bundle: Bundle } | { ok: false; errors: string[] };

/**
 * Validates parsed JSON as a bundle. Errors name the field as a path (`documents[2].date`), say
 * what is wrong and show the value, prefixed with `bundle:`; the first 20 are returned.
 */
export function checkBundle(json: unknown): BundleCheck {
  const h = header.safeParse(json);
  if (!h.success) return { ok: false, errors: ['bundle: is not a JSON object'] };
  if (h.data.format !== BUNDLE_FORMAT) {
    return { ok: false, errors: [`bundle: format is ${show(h.data.format)}, expected "${BUNDLE_FORMAT}"`] };
  }
  const v = h.data.schemaVersion;
  if (typeof v === 'number' && Number.isInteger(v) && v > BUNDLE_SCHEMA_VERSION) {
    return { ok: false, errors: [`bundle: schemaVersion ${v} is newer than this extension understands (${BUNDLE_SCHEMA_VERSION}); update the extension`] };
  }
  const r = bundleSchema.safeParse(json);
  if (r.success) return { ok: true, bundle: r.data };
  return { ok: false, errors: r.error.issues.slice(0, 20).map((i) => `bundle: ${formatPath(i.path)} ${describeIssue(i, json)}`) };
}

/** `documents[2].passages[0].text` from Zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out ? `.${String(k)}` : String(k);
  return out || '(root)';
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = json;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const value = valueAt(json, issue.path);
  const got = value === undefined ? 'is missing' : `(got ${show(value)})`;
  // A missing enum, literal or discriminator field (`schemaVersion`) says "missing" too, not
  // "invalid option … is missing".
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) {
    return `is missing (${issue.message.replace(/^Invalid (input|option|discriminator value)[:.] /, '')})`;
  }
  // Cross-reference checks already quote what they found; field checks ("is not …") get the value.
  if (issue.message.startsWith('is ')) return `${issue.message} ${got}`;
  if (issue.code === 'custom') return issue.message;
  return `${issue.message.replace(/^Invalid input: /, 'invalid: ')} ${got}`;
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (v === null || typeof v !== 'object') return String(v);
  return Array.isArray(v) ? `an array of ${v.length}` : 'an object';
}

/** Orders corpus versions `YYYY.MM.DD.n` numerically (2025.01.02.10 is after 2025.01.02.9). */
export function compareCorpusVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
