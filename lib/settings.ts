import { z } from 'zod';
import { ENTITY_TYPES, entityType } from './corpus/fields';

/**
 * The reader's settings: one schema, edited by the options page, read by every part. Stored
 * under `local:settings`; a stored value that no longer parses falls back field by field to the
 * defaults, so a bad write can never switch the extension off or break it.
 */
export const SETTINGS_VERSION = 1;

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION).catch(SETTINGS_VERSION),
  /** Master switch for highlighting on pages. */
  enabled: z.boolean().catch(true),
  /** Host names never annotated (a host also covers its subdomains). */
  disabledSites: z.array(z.string().min(1).max(253)).max(10_000).catch([]),
  /** Entity types highlighted. */
  types: z.array(entityType).catch([...ENTITY_TYPES]),
  /** Hover-intent delay before a card opens, ms. */
  hoverDelayMs: z.number().int().min(0).max(3000).catch(300),
  highlightStyle: z.enum(['background', 'underline']).catch('background'),
  /** Interface language: follow the browser, or force one. */
  language: z.enum(['auto', 'en', 'es']).catch('auto'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Reads any stored value as settings: unknown or broken fields take their defaults. */
export function parseSettings(raw: unknown): Settings {
  return settingsSchema.parse(raw && typeof raw === 'object' ? raw : {});
}

/** Lower-cased host without a leading `www.`, as the site list stores it. */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

/** True when pages of `hostname` should be annotated under these settings. */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  if (!settings.enabled) return false;
  const host = siteKey(hostname);
  return !settings.disabledSites.some((s) => {
    const site = siteKey(s);
    return host === site || host.endsWith(`.${site}`);
  });
}
