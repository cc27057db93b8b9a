import { z } from 'zod';
import { ENTITY_TYPES } from '../corpus/constants';
import { DEFAULT_SETTINGS as D, type Settings } from './defaults';

/**
 * The settings schema the options page writes through. Stored under `local:settings`; a stored
 * value that no longer parses falls back field by field to the defaults, so a bad write can never
 * switch the extension off or break it.
 */
export const settingsSchema = z.object({
  version: z.literal(1).catch(1),
  enabled: z.boolean().catch(D.enabled),
  disabledSites: z.array(z.string().min(1).max(253)).max(10_000).catch([]),
  types: z.array(z.enum(ENTITY_TYPES)).catch([...D.types]),
  hoverDelayMs: z.number().int().min(0).max(3000).catch(D.hoverDelayMs),
  highlightStyle: z.enum(['background', 'underline']).catch(D.highlightStyle),
  density: z.enum(['first-per-section', 'all']).catch(D.density),
  language: z.enum(['auto', 'en', 'es']).catch(D.language),
  sites: z.enum(['all', 'chosen']).catch(D.sites),
  chosenSites: z.array(z.string().min(1).max(253)).max(10_000).catch([]),
}) satisfies z.ZodType<Settings>;

/** Reads any stored value as settings: unknown or broken fields take their defaults. */
export function parseSettings(raw: unknown): Settings {
  return settingsSchema.parse(raw && typeof raw === 'object' ? raw : {});
}
