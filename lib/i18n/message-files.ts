import { UI_LANGUAGES, type UiLanguage } from './language.ts';
import { SURFACES, type Surface } from './keys.ts';

/** A `_locales/<lang>/messages.json` file in the browsers' extension format. */
export type MessageFile = Record<string, { message: string; description?: string }>;

/** Browsers accept only these characters in message names (and compare them without case). */
export const KEY_PATTERN = /^[A-Za-z0-9_]+$/;

/** The `{name}` placeholders of a message, sorted, each once. */
export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** The surface a key belongs to, by its prefix; null when it has none of the known prefixes. */
export function surfaceOf(key: string): Surface | null {
  return SURFACES.find((s) => key.startsWith(`${s}_`)) ?? null;
}

/**
 * One surface's messages in every language, texts only (descriptions are for translators): what
 * a bundle of that surface carries.
 */
export function surfaceMessages(files: Record<UiLanguage, MessageFile>, surface: string): Record<UiLanguage, Record<string, string>> {
  if (!(SURFACES as readonly string[]).includes(surface)) throw new Error(`messages: no surface "${surface}" (known: ${SURFACES.join(', ')})`);
  const out = {} as Record<UiLanguage, Record<string, string>>;
  for (const lang of UI_LANGUAGES) {
    out[lang] = {};
    for (const [key, { message }] of Object.entries(files[lang])) if (surfaceOf(key) === surface) out[lang][key] = message;
  }
  return out;
}
