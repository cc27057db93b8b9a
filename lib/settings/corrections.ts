import { siteKey } from './defaults';

/**
 * The reader's "not this" corrections: an alias of an entity that is wrong on a site ("Power" on
 * a sports site), never highlighted there again. Stored locally under `CORRECTIONS_KEY`, never
 * sent anywhere; listed on the options page, where each can be undone. Read without Zod, like the
 * settings, because the content script reads them on every page.
 */
export const CORRECTIONS_KEY = 'corrections';
/** Enough for years of use; the oldest go first past it. */
export const MAX_CORRECTIONS = 2000;

export interface Correction {
  /** Host the correction applies to (and its subdomains), as `siteKey` writes it. */
  site: string;
  /** The catalog alias that matched ("Power"), and the entity it was taken for. */
  alias: string;
  entity: string;
  /** When the reader made it (ISO time). */
  at: string;
}

const isCorrection = (c: unknown): c is Correction =>
  !!c && typeof c === 'object' && ['site', 'alias', 'entity', 'at'].every((k) => typeof (c as Record<string, unknown>)[k] === 'string');

/** Stored corrections, keeping only well-formed entries. */
export function readCorrections(raw: unknown): Correction[] {
  return Array.isArray(raw) ? raw.filter(isCorrection).slice(-MAX_CORRECTIONS) : [];
}

export function sameCorrection(a: Pick<Correction, 'site' | 'alias' | 'entity'>, b: Pick<Correction, 'site' | 'alias' | 'entity'>): boolean {
  return a.site === b.site && a.alias === b.alias && a.entity === b.entity;
}

/** The list with `c` added (once), newest last. */
export function addCorrection(list: readonly Correction[], c: Correction): Correction[] {
  const added = { ...c, site: siteKey(c.site) };
  return [...list.filter((x) => !sameCorrection(x, added)), added].slice(-MAX_CORRECTIONS);
}

/** The list without `c` (undo). */
export function removeCorrection(list: readonly Correction[], c: Pick<Correction, 'site' | 'alias' | 'entity'>): Correction[] {
  return list.filter((x) => !sameCorrection(x, c));
}

/** Keys `entity\0alias` of the corrections that apply to pages of `hostname`. */
export function correctionsFor(list: readonly Correction[], hostname: string): Set<string> {
  const host = siteKey(hostname);
  return new Set(list.filter((c) => host === c.site || host.endsWith(`.${c.site}`)).map((c) => correctionKey(c.entity, c.alias)));
}

export function correctionKey(entity: string, alias: string): string {
  return `${entity}\u0000${alias}`;
}
