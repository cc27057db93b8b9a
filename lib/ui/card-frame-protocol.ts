import { z } from 'zod';
import { corpusInfo, entityCard, passageHit } from '../messages';
import { RULES } from '../match/rules';
import { UI_LANGUAGES } from '../i18n/language';

/**
 * The messages between the content script and the card's frame (`card-frame.html`, an extension
 * page the content script puts into the web page, `components/card-frame-host.ts`). They travel
 * over a `MessagePort` the content script hands the frame once it has loaded; only the two ends
 * hold it. The frame validates what it receives with these schemas; the content script only
 * imports their types, so Zod stays out of the code every page loads.
 */

/** Handed over with the port in a `window.postMessage` to the frame: the secret its URL carries. */
export const frameHello = z.object({ type: z.literal('hled-card-port'), secret: z.string().min(16).max(64) });
export type FrameHello = z.infer<typeof frameHello>;

export const cardContent = z.object({
  card: entityCard,
  lang: z.enum(UI_LANGUAGES),
  pageDate: z.string().nullable(),
  related: z.array(passageHit).optional(),
  provenance: corpusInfo.pick({ name: true, corpusVersion: true, dataAsOf: true, signer: true }).nullable(),
  why: z.object({ alias: z.string(), aliasLang: z.enum(['en', 'es', 'any']), rule: z.enum(RULES), pageCount: z.number().int() }).nullable(),
  site: z.string(),
  /** Another highlight than the card shown before: its "not this" state starts afresh. */
  key: z.number().int(),
  /** Move focus into the card (opened from the keyboard). */
  focus: z.boolean(),
});
export type CardContent = z.infer<typeof cardContent>;

/** What the content script sends the frame. */
export const toFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('show'), content: cardContent }),
  z.object({ type: z.literal('hide') }),
  /** The answer to a `notThisOnSite` request with the same id. */
  z.object({ type: z.literal('saved'), id: z.number().int(), ok: z.boolean() }),
]);
export type ToFrame = z.infer<typeof toFrame>;

/** What the frame sends the content script. */
export type FromFrame =
  /** The card's height in CSS pixels (of the card `key`), whenever it changes: the frame element is sized to it. */
  | { type: 'size'; height: number; key: number }
  /**
   * The pointer came into the frame's document or left it. The page sees no event when the pointer
   * moves straight from outside the frame into its content, only a pointerout as if it had left
   * the window, so the frame says where the pointer is.
   */
  | { type: 'pointer'; over: boolean }
  /** Escape or the close button. */
  | { type: 'close' }
  | { type: 'notThis' }
  | { type: 'notThisOnSite'; id: number };
