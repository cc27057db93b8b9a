import type en from '../../public/_locales/en/messages.json';

/**
 * Every message key, read from the English file (the source the others are translated from), so
 * a key the code asks for and the file lacks is a type error.
 */
export type MessageKey = keyof typeof en;

/**
 * Each key starts with the surface that shows it, and a bundle carries only its surfaces'
 * messages (see `plugin.ts`): `ext` the manifest, `card` the card and whatever else shows an
 * entity (popup, reader, options), `page` what the popup and reader share, then one per page.
 */
export const SURFACES = ['ext', 'card', 'page', 'popup', 'reader', 'options', 'welcome'] as const;
export type Surface = (typeof SURFACES)[number];

/** The keys of one surface, prefix included. */
export type KeysOf<S extends Surface> = Extract<MessageKey, `${S}_${string}`>;
