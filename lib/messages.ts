import { z } from 'zod';
import { bilingual, entityType, isoDate, language, period, role, scope } from './corpus/fields';
import { matcherTableSchema } from './match/table-schema';
import type { ImportSummary } from './corpus/diff';
import type { HistoryEntry } from './store/db';
import type { Verification } from './corpus/signing';
import type { SubscriptionStatus } from './store/updater';

/**
 * The one message protocol of the extension: every request any part sends to the background,
 * and the shape of each reply. Requests are validated where they arrive; replies are
 * `{ ok: true, value } | { ok: false, error }` because an `Error` does not cross a message channel.
 */

const snippet = z.object({
  text: z.string(),
  marks: z.array(z.tuple([z.number().int(), z.number().int()])),
  offset: z.number().int(),
});
export type Snippet = z.infer<typeof snippet>;

const source = z.object({
  documentId: z.string(),
  title: z.string(),
  date: isoDate,
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  language,
});

/** `quote`: the sentence a citation of the passage quotes (the one holding the mention or match). */
export const timelineEntry = source.extend({ passageId: z.string(), snippet, quote: z.string() });
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const entityCard = z.object({
  id: z.string(),
  type: entityType,
  scope,
  country: z.string().optional(),
  name: bilingual,
  description: bilingual,
  roles: z.array(role),
  period: period.optional(),
  /** Documents of the corpus that mention the entity, and the first and last of their dates. */
  documents: z.number().int(),
  first: isoDate.nullable(),
  last: isoDate.nullable(),
  /** One entry per passage that mentions the entity, newest first. */
  timeline: z.array(timelineEntry),
  /** Entities most often mentioned in the same passages. */
  related: z.array(z.object({ id: z.string(), type: entityType, name: bilingual, count: z.number().int() })),
});
export type EntityCard = z.infer<typeof entityCard>;

export const passageHit = source.extend({ passageId: z.string(), snippet, quote: z.string(), score: z.number() });
export type PassageHit = z.infer<typeof passageHit>;

export const entityHit = z.object({ id: z.string(), type: entityType, name: bilingual, role: role.nullable(), score: z.number() });
export type EntityHit = z.infer<typeof entityHit>;

export const searchResults = z.object({
  query: z.string(),
  entities: z.array(entityHit),
  passages: z.array(passageHit),
  /** Closest entity names, for "did you mean" when nothing is found, and for auto-suggest. */
  suggestions: z.array(z.string()),
});
export type SearchResults = z.infer<typeof searchResults>;

export const corpusInfo = z.object({
  name: z.string(),
  corpusVersion: z.string(),
  source: z.enum(['builtin', 'file', 'url', 'subscription']),
  documents: z.number().int(),
  passages: z.number().int(),
  entities: z.number().int(),
  first: isoDate,
  last: isoDate,
  suggested: z.array(z.object({ id: z.string(), type: entityType, name: bilingual })),
  /** The date the corpus's data is current to (the newest document when the bundle does not say). */
  dataAsOf: isoDate,
  /**
   * Who signed the bundle: the name of the trusted key whose signature verified it (null: built
   * in, or imported without a valid signature).
   */
  signer: z.string().nullable(),
  /** That key's id (`kid`), for the options page. */
  signerKid: z.string().nullable(),
});
export type CorpusInfo = z.infer<typeof corpusInfo>;

export const readerDocument = source.extend({
  editorial: z.record(z.string(), z.string()),
  corrections: z.array(z.object({ what: z.string(), why: z.string() })),
  passages: z.array(z.object({ id: z.string(), index: z.number().int(), heading: z.string().nullable(), text: z.string() })),
  mentions: z.array(z.object({ passage: z.string(), start: z.number().int(), end: z.number().int(), entity: z.string() })),
});
export type ReaderDocument = z.infer<typeof readerDocument>;

const q = z.string().max(500);
const entityId = z.string().min(1).max(120);

/** Every request, by `type`. */
export const request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('matcherTable'), /** The version the tab has cached, if any. */ have: z.string().optional() }),
  z.object({ type: z.literal('cardsFor'), ids: z.array(entityId).max(1000) }),
  z.object({ type: z.literal('lookupEntity'), id: entityId }),
  z.object({
    type: z.literal('search'),
    query: q,
    limit: z.number().int().min(1).max(200).optional(),
    /** Language of the names in `suggestions` (the interface language). */
    lang: z.enum(['en', 'es']).optional(),
  }),
  z.object({ type: z.literal('corpusInfo') }),
  /** Passages related to a page's paragraph, for the card of an entity named in it. */
  z.object({ type: z.literal('relatedPassages'), paragraph: z.string().max(4000), entity: entityId, limit: z.number().int().min(1).max(10).optional() }),
  z.object({ type: z.literal('document'), id: z.string().min(1).max(200) }),
  /** Opens one of the extension's own pages in a new tab (a web page cannot navigate to it). */
  z.object({ type: z.literal('openPage'), url: z.string().max(4000) }),
  /** `signature`: the bundle's `.sig` file, when the reader has it. */
  z.object({ type: z.literal('previewImport'), json: z.string(), signature: z.string().max(65_536).nullable().optional() }),
  z.object({ type: z.literal('importBundle'), json: z.string(), source: z.enum(['file', 'url']), signature: z.string().max(65_536).nullable().optional() }),
  z.object({ type: z.literal('restorePrevious') }),
  z.object({ type: z.literal('resetToBuiltin') }),
  z.object({ type: z.literal('exportBundle') }),
  z.object({ type: z.literal('history') }),
  z.object({ type: z.literal('subscriptionStatus') }),
  z.object({ type: z.literal('subscribe'), url: z.string().min(1).max(2000) }),
  z.object({ type: z.literal('unsubscribe') }),
  /** "Update now": checks at once, even while the last answer is fresh. */
  z.object({ type: z.literal('updateNow') }),
  z.object({ type: z.literal('addTrustedKey'), name: z.string().max(100), jwk: z.string().max(10_000) }),
  z.object({ type: z.literal('removeTrustedKey'), kid: z.string().min(1).max(200) }),
]);
export type Request = z.infer<typeof request>;
export type RequestType = Request['type'];

/** The reply value of each request type. */
export interface ReplyValues {
  ping: { corpusVersion: string };
  /** `null` when the tab's cached version is current. */
  matcherTable: z.infer<typeof matcherTableSchema> | null;
  cardsFor: EntityCard[];
  lookupEntity: EntityCard | null;
  search: SearchResults;
  corpusInfo: CorpusInfo;
  relatedPassages: PassageHit[];
  document: ReaderDocument | null;
  openPage: true;
  previewImport: ImportSummary & { verification: Verification };
  importBundle: CorpusInfo;
  restorePrevious: CorpusInfo;
  resetToBuiltin: CorpusInfo;
  exportBundle: string;
  history: { entries: HistoryEntry[]; previous: { corpusVersion: string; source: CorpusInfo['source']; activatedAt: string } | null };
  subscriptionStatus: SubscriptionStatus;
  subscribe: SubscriptionStatus;
  unsubscribe: SubscriptionStatus;
  updateNow: SubscriptionStatus;
  addTrustedKey: SubscriptionStatus;
  removeTrustedKey: SubscriptionStatus;
}


export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

