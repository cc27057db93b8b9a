import { isOwnSender, type SenderLike } from '../client';
import type { Reply, ReplyValues, RequestType } from '../messages';
import { handleRequest, type BrowserActions } from './handle';
import type { CorpusService } from './service';
import type { Updater } from './updater';

/** Who this extension is: its id and the origin of its pages (`runtime.getURL('/')`). */
export interface ExtensionIdentity {
  id: string;
  origin: string;
}

/**
 * What a content script may ask. Content scripts run inside web pages, so a page that found a way
 * into one (a renderer bug, say) must still not be able to replace or read out the corpus:
 * imports, restores, resets, exports, history and subscriptions come only from the extension's own pages.
 * A request type added later is page-only until it is listed here.
 */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<string> = new Set<RequestType>(['ping', 'matcherTable', 'cardsFor', 'lookupEntity', 'search', 'corpusInfo', 'relatedPassages', 'document', 'openPage']);

/** `page` for the extension's own pages, `content` for its content scripts, null for anyone else. */
export function senderKind(sender: SenderLike, ext: ExtensionIdentity): 'page' | 'content' | null {
  if (!isOwnSender(sender, ext.id)) return null;
  return typeof sender.url === 'string' && sender.url.startsWith(ext.origin) ? 'page' : 'content';
}

/** A URL of one of the extension's own pages (what `openPage` may open). */
export function isOwnPageUrl(url: string, ext: ExtensionIdentity): boolean {
  try {
    return url.startsWith(ext.origin) && new URL(url).origin === new URL(ext.origin).origin;
  } catch {
    return false;
  }
}

/**
 * Links in a card point at extension pages, which a web page may not open (they are not
 * web-accessible, on purpose: pages cannot probe for the extension), so the card asks the
 * background; it opens the extension's own pages and nothing else.
 */
export function ownPageActions(ext: ExtensionIdentity, createTab: (url: string) => Promise<unknown>): BrowserActions {
  return {
    openPage: async (url) => {
      if (!isOwnPageUrl(url, ext)) throw new Error('messages: openPage only opens the extension’s own pages');
      await createTab(url);
    },
  };
}

/**
 * The background's `runtime.onMessage` listener: checks who sent the message, then answers it.
 * Never throws; every refusal is a `{ ok: false, error }` naming why.
 */
export function createMessageListener(service: CorpusService, ext: ExtensionIdentity, actions?: BrowserActions, updater?: Updater) {
  return async (message: unknown, sender: SenderLike): Promise<Reply<ReplyValues[RequestType]>> => {
    const kind = senderKind(sender, ext);
    if (!kind) return { ok: false, error: 'messages: sender is not this extension' };
    const type = message !== null && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
    if (kind === 'content' && typeof type === 'string' && !CONTENT_SCRIPT_REQUESTS.has(type)) {
      return { ok: false, error: `messages: "${type.slice(0, 40)}" is only answered to the extension's own pages` };
    }
    return handleRequest(service, message, actions, updater);
  };
}
