import type { PageEntities } from '../client';
import type { EntityTypeName } from '../corpus/constants';
import type { Bilingual } from '../corpus/fields';
import type { UiLanguage } from '../i18n/language';

/**
 * A tab's reply to `pageEntities`, checked field by field: it crosses a message channel from a
 * content script that may be an older version of the extension. Null when it is not one.
 */
export function readPageEntities(raw: unknown): PageEntities | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.hostname !== 'string' || typeof r.enabled !== 'boolean' || !Array.isArray(r.entities)) return null;
  const entities = r.entities.flatMap((e: unknown) => {
    const x = e as Record<string, unknown> | null;
    return x && typeof x.id === 'string' && typeof x.type === 'string' && typeof x.count === 'number' ? [{ id: x.id, type: x.type, count: x.count }] : [];
  });
  return { hostname: r.hostname, enabled: r.enabled, entities };
}

/** One row of "On this page": an entity the page names, how often, with its name from the corpus. */
export interface PageEntityRow {
  id: string;
  type: EntityTypeName;
  name: string;
  count: number;
}

/**
 * The page's entities with their names in `lang`, most mentioned first (then by name). Entities
 * the corpus no longer knows are left out: there is nothing to show for them.
 */
export function pageEntityRows(
  page: PageEntities,
  cards: readonly { id: string; type: EntityTypeName; name: Bilingual }[],
  lang: UiLanguage,
): PageEntityRow[] {
  const byId = new Map(cards.map((c) => [c.id, c]));
  return page.entities
    .flatMap((e) => {
      const card = byId.get(e.id);
      return card ? [{ id: e.id, type: card.type, name: card.name[lang], count: e.count }] : [];
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, lang));
}
