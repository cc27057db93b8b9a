import { request, type Reply, type ReplyValues, type Request, type RequestType } from '../messages';
import type { CorpusService } from './service';
import type { Updater } from './updater';

/** What the background does with the browser for some requests (tests pass fakes). */
export interface BrowserActions {
  /** Opens an extension page in a new tab; refuses any other URL. */
  openPage(url: string): Promise<void>;
}

/**
 * Answers one message: validates it, runs it, and wraps the outcome. Never throws: a malformed
 * or unknown message, or a failure inside, becomes `{ ok: false, error }`.
 */
export async function handleRequest(service: CorpusService, raw: unknown, actions?: BrowserActions, updater?: Updater): Promise<Reply<ReplyValues[RequestType]>> {
  const parsed = request.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `messages: bad request${issue ? ` (${issue.path.join('.') || 'message'}: ${issue.message})` : ''}` };
  }
  const msg = parsed.data;
  try {
    switch (msg.type) {
      case 'ping':
        return { ok: true, value: { corpusVersion: (await service.ready()).active.corpusVersion } };
      case 'matcherTable':
        return { ok: true, value: await service.matcherTable(msg.have) };
      case 'cardsFor':
        return { ok: true, value: await service.cardsFor(msg.ids) };
      case 'lookupEntity':
        return { ok: true, value: await service.lookupEntity(msg.id) };
      case 'search':
        return { ok: true, value: await service.search(msg.query, msg.limit, msg.lang) };
      case 'corpusInfo':
        return { ok: true, value: await service.corpusInfo() };
      case 'relatedPassages':
        return { ok: true, value: await service.relatedPassages(msg.paragraph, msg.entity, msg.limit) };
      case 'document':
        return { ok: true, value: await service.document(msg.id) };
      case 'previewImport':
        return { ok: true, value: await service.previewImport(msg.json, msg.signature ?? null) };
      case 'importBundle':
        return { ok: true, value: await service.importBundle(msg.json, msg.source, msg.signature ?? null) };
      case 'restorePrevious':
      case 'resetToBuiltin': {
        const before = await service.corpusInfo();
        const value = msg.type === 'restorePrevious' ? await service.restorePrevious() : await service.resetToBuiltin();
        await updater?.noteRollback(before);
        return { ok: true, value };
      }
      case 'exportBundle':
        return { ok: true, value: await service.exportBundle() };
      case 'history':
        return { ok: true, value: await service.history() };
      case 'subscriptionStatus':
      case 'subscribe':
      case 'unsubscribe':
      case 'updateNow':
      case 'addTrustedKey':
      case 'removeTrustedKey':
        if (!updater) return { ok: false, error: `messages: ${msg.type} is not available here` };
        return { ok: true, value: await runUpdaterRequest(updater, msg) };
      case 'openPage':
        if (!actions) return { ok: false, error: 'messages: openPage is not available here' };
        await actions.openPage(msg.url);
        return { ok: true, value: true };
    }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

type UpdaterRequest = Extract<Request, { type: 'subscriptionStatus' | 'subscribe' | 'unsubscribe' | 'updateNow' | 'addTrustedKey' | 'removeTrustedKey' }>;

function runUpdaterRequest(updater: Updater, msg: UpdaterRequest) {
  switch (msg.type) {
    case 'subscriptionStatus':
      return updater.status();
    case 'subscribe':
      return updater.subscribe(msg.url);
    case 'unsubscribe':
      return updater.unsubscribe();
    case 'updateNow':
      return updater.checkNow(true);
    case 'addTrustedKey':
      return updater.addKey(msg.name, msg.jwk);
    case 'removeTrustedKey':
      return updater.removeKey(msg.kid);
  }
}
