import { describe, expect, it } from 'vitest';
import { seedBundle } from '../corpus/test-seeds';
import { CONTENT_SCRIPT_REQUESTS, createMessageListener, isOwnPageUrl, ownPageActions, senderKind } from './listener';
import { bundleWithVersion, makeService } from './test-service';

const EXT = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const OPTIONS_PAGE = { id: EXT.id, url: `${EXT.origin}options.html` };
const POPUP = { id: EXT.id, url: `${EXT.origin}popup.html` };
const CONTENT_SCRIPT = { id: EXT.id, url: 'https://news.example/article', tab: { id: 7 } };
const OTHER_EXTENSION = { id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/bg.html' };
const WEB_PAGE = { url: 'https://evil.example/', tab: { id: 8 } };

describe('senderKind', () => {
  it.each([
    ['the options page', OPTIONS_PAGE, 'page'],
    ['the popup', POPUP, 'page'],
    ['a content script', CONTENT_SCRIPT, 'content'],
    ['another extension', OTHER_EXTENSION, null],
    ['a web page (no extension id)', WEB_PAGE, null],
    ['a sender claiming our origin without our id', { url: `${EXT.origin}options.html` }, null],
    ['an empty sender', {}, null],
  ])('tells %s', (_name, sender, kind) => expect(senderKind(sender, EXT)).toBe(kind));
});

describe('isOwnPageUrl', () => {
  it.each([
    [`${EXT.origin}reader.html#doc=x`, true],
    ['https://evil.example/', false],
    [`${EXT.origin.slice(0, -1)}.evil.example/`, false],
    ['javascript:alert(1)', false],
    ['chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/options.html', false],
  ])('%s → %s', (url, own) => expect(isOwnPageUrl(url, EXT)).toBe(own));
});

describe('the background message listener', () => {
  it('answers the extension’s pages and content scripts', async () => {
    const { service } = makeService();
    const listen = createMessageListener(service, EXT);
    const want = { ok: true, value: { corpusVersion: seedBundle().bundle.corpusVersion } };
    expect(await listen({ type: 'ping' }, POPUP)).toEqual(want);
    expect(await listen({ type: 'ping' }, CONTENT_SCRIPT)).toEqual(want);
  });

  it.each([
    ['another extension', OTHER_EXTENSION],
    ['a web page', WEB_PAGE],
  ])('refuses %s, whatever it asks', async (_name, sender) => {
    const { service } = makeService();
    const listen = createMessageListener(service, EXT);
    for (const msg of [{ type: 'ping' }, { type: 'resetToBuiltin' }, { type: 'importBundle', json: bundleWithVersion('2040.01.01.1'), source: 'url' }]) {
      expect(await listen(msg, sender)).toEqual({ ok: false, error: 'messages: sender is not this extension' });
    }
  });

  it('lets a content script read the corpus but not replace, reset, export or list it', async () => {
    const { service } = makeService();
    const listen = createMessageListener(service, EXT);
    expect((await listen({ type: 'search', query: 'Ebrard' }, CONTENT_SCRIPT)).ok).toBe(true);
    for (const msg of [
      { type: 'importBundle', json: bundleWithVersion('2040.01.01.1'), source: 'file' },
      { type: 'previewImport', json: '{}' },
      { type: 'restorePrevious' },
      { type: 'resetToBuiltin' },
      { type: 'exportBundle' },
      { type: 'history' },
    ]) {
      const reply = await listen(msg, CONTENT_SCRIPT);
      expect(reply, msg.type).toEqual({ ok: false, error: `messages: "${msg.type}" is only answered to the extension's own pages` });
    }
    expect((await service.corpusInfo()).corpusVersion).toBe(seedBundle().bundle.corpusVersion);
    // The same import from the options page goes through.
    expect((await listen({ type: 'importBundle', json: bundleWithVersion('2040.01.01.1'), source: 'file' }, OPTIONS_PAGE)).ok).toBe(true);
  });

  it('lists only reading requests (and openPage) as open to content scripts', () => {
    expect([...CONTENT_SCRIPT_REQUESTS].sort()).toEqual(['cardsFor', 'corpusInfo', 'document', 'lookupEntity', 'matcherTable', 'openPage', 'ping', 'relatedPassages', 'search']);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'importBundle'],
    ['an array', [{ type: 'ping' }]],
    ['no type', { query: 'x' }],
    ['an unknown type', { type: 'dropDatabase' }],
    ['a prototype key as type', { type: '__proto__' }],
    ['a number as type', { type: 7 }],
    ['a field of the wrong type', { type: 'cardsFor', ids: 'marcelo-ebrard' }],
    ['an over-long query', { type: 'search', query: 'x'.repeat(501) }],
    ['too many ids', { type: 'cardsFor', ids: Array.from({ length: 1001 }, (_, i) => `e${i}`) }],
    ['a limit out of range', { type: 'search', query: 'x', limit: 1e9 }],
    ['an import with no source', { type: 'importBundle', json: '{}' }],
    ['an import with a made-up source', { type: 'importBundle', json: '{}', source: 'builtin' }],
  ])('answers a malformed message (%s) with an error, and keeps answering', async (_name, msg) => {
    const { service } = makeService();
    const listen = createMessageListener(service, EXT);
    const reply = await listen(msg, OPTIONS_PAGE);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/^messages: bad request/);
    expect((await listen({ type: 'ping' }, OPTIONS_PAGE)).ok).toBe(true);
  });

  it('refuses to open a page that is not the extension’s own', async () => {
    const { service } = makeService();
    const opened: string[] = [];
    const listen = createMessageListener(service, EXT, ownPageActions(EXT, async (url) => opened.push(url)));
    for (const url of ['javascript:alert(1)', 'https://evil.example/', 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/options.html']) {
      expect(await listen({ type: 'openPage', url }, CONTENT_SCRIPT)).toEqual({ ok: false, error: 'messages: openPage only opens the extension’s own pages' });
    }
    expect((await listen({ type: 'openPage', url: `${EXT.origin}reader.html` }, CONTENT_SCRIPT)).ok).toBe(true);
    expect(opened).toEqual([`${EXT.origin}reader.html`]);
  });
});
