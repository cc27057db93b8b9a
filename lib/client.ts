import type { Reply, ReplyValues, Request, RequestOf, RequestType } from './messages';

// Only types come from './messages': pages and the content script get a typed client without
// carrying the Zod schemas (the background validates every request it receives).

/** What the browser tells a listener about a message's sender (the fields we check). */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Only this extension's pages and content scripts may talk to the background. `onMessage` is
 * not reachable from web pages without `externally_connectable`, which we never declare; the
 * check stays as a second wall.
 */
export function isOwnSender(sender: SenderLike, extensionId: string): boolean {
  return sender.id === extensionId;
}

export class RequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestError';
  }
}

/**
 * A typed client over any `send` function (`browser.runtime.sendMessage` in the extension, a
 * direct call in tests). Unwraps replies; throws `RequestError` with the background's message.
 */
export function createClient(send: (msg: Request) => Promise<unknown>) {
  return async function ask<T extends RequestType>(msg: RequestOf<T>): Promise<ReplyValues[T]> {
    const reply = (await send(msg)) as Reply<ReplyValues[T]> | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new RequestError(`messages: no reply to "${msg.type}"`);
    if (!reply.ok) throw new RequestError(reply.error);
    return reply.value;
  };
}
export type Client = ReturnType<typeof createClient>;

/** Messages the background (or the popup) sends to a tab's content script. */
export type TabRequest = { type: 'nextMention' } | { type: 'pageEntities' } | { type: 'showEntity'; id: string };
export const TAB_REQUEST_TYPES: readonly TabRequest['type'][] = ['nextMention', 'pageEntities', 'showEntity'];

/** What a tab answers to `pageEntities`: the page's site, whether it is annotated, and what it found. */
export interface PageEntities {
  hostname: string;
  /** False when highlighting is off for this site or everywhere. */
  enabled: boolean;
  entities: { id: string; type: string; count: number }[];
}
