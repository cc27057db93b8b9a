import { checkBundle, type Bundle } from '../corpus';
import { buildIndexes, entityToken, serializeIndexes, type EntityIndexDoc, type PassageIndexDoc } from '../search/indexes';

/** Largest bundle accepted, in characters of JSON: far above any real corpus, below a browser's limits. */
export const MAX_BUNDLE_CHARS = 100 * 1024 * 1024;

/** A validated bundle with everything computed that the write transaction will store. */
export interface PreparedBundle {
  bundle: Bundle;
  json: string;
  checksum: string;
  indexJson: string;
}

export class BundleError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('\n'));
    this.name = 'BundleError';
  }
}

/** Parses and validates bundle JSON; throws `BundleError` naming what is wrong (size, JSON, fields). */
export function parseBundle(json: string): Bundle {
  if (json.length > MAX_BUNDLE_CHARS) throw new BundleError([`bundle: is larger than the limit of ${MAX_BUNDLE_CHARS / 1024 / 1024} MB`]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    throw new BundleError([`bundle: is not JSON (${(e as Error).message})`]);
  }
  const checked = checkBundle(parsed);
  if (!checked.ok) throw new BundleError(checked.errors);
  return checked.bundle;
}

/**
 * Parses, validates and indexes a bundle before any write, so that a bad bundle is refused
 * with nothing touched and the write itself is one short transaction.
 */
export async function prepareBundle(json: string): Promise<PreparedBundle> {
  const bundle = parseBundle(json);
  const indexes = buildIndexes(...indexDocs(bundle));
  return { bundle, json, checksum: await sha256(json), indexJson: serializeIndexes(indexes) };
}

/** What the search indexes see of a bundle. */
export function indexDocs(bundle: Bundle): [PassageIndexDoc[], EntityIndexDoc[]] {
  const byPassage = new Map<string, Set<string>>();
  for (const m of bundle.mentions) {
    const set = byPassage.get(m.passage) ?? new Set();
    set.add(m.entity);
    byPassage.set(m.passage, set);
  }
  const passages: PassageIndexDoc[] = [];
  for (const d of bundle.documents) {
    for (const [i, p] of d.passages.entries()) {
      passages.push({
        id: p.id,
        text: p.text,
        // Once per document, on its opening passage: repeated on every passage, a title's words
        // made every passage of those documents a hit to score (see PassageIndexDoc.title).
        title: i === 0 ? d.title : '',
        heading: p.heading ?? '',
        entities: [...(byPassage.get(p.id) ?? [])].map(entityToken).join(' '),
      });
    }
  }
  const entities: EntityIndexDoc[] = bundle.entities.map((e) => ({
    id: e.id,
    names: `${e.name.en} \n ${e.name.es}`,
    aliases: e.aliases.map((a) => a.text).join(' \n '),
    description: `${e.description.en} \n ${e.description.es}`,
  }));
  return [passages, entities];
}

export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
