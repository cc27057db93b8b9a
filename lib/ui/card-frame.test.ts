import { describe, expect, it } from 'vitest';
import { acceptHello, readToFrame } from './card-frame-accept';
import { cardContent, toFrame, type CardContent } from './card-frame-protocol';
import { makeService } from '../store/test-service';

const SECRET = '0123456789abcdef0123456789abcdef';

function ports(n: number): MessagePort[] {
  return Array.from({ length: n }, () => new MessageChannel().port1);
}

describe('card frame handshake', () => {
  it('takes the port of a hello that carries its secret', () => {
    const [port] = ports(1);
    expect(acceptHello({ type: 'hled-card-port', secret: SECRET }, [port!], SECRET)).toBe(port);
  });

  it('ignores what else a page can post to the frame', () => {
    const one = ports(1);
    expect(acceptHello({ type: 'hled-card-port', secret: 'f'.repeat(32) }, one, SECRET), 'another secret').toBeNull();
    expect(acceptHello({ type: 'hled-card-port' }, one, SECRET), 'no secret').toBeNull();
    expect(acceptHello({ type: 'other', secret: SECRET }, one, SECRET), 'another type').toBeNull();
    expect(acceptHello({ type: 'hled-card-port', secret: SECRET }, [], SECRET), 'no port').toBeNull();
    expect(acceptHello({ type: 'hled-card-port', secret: SECRET }, ports(2), SECRET), 'two ports').toBeNull();
    expect(acceptHello(null, one, SECRET)).toBeNull();
    expect(acceptHello(SECRET, one, SECRET)).toBeNull();
    // A frame loaded without a secret in its URL trusts nobody, not even an empty one.
    expect(acceptHello({ type: 'hled-card-port', secret: '' }, one, '')).toBeNull();
  });
});

describe('card frame messages', () => {
  it('a card as the content script sends it fits the schema the frame’s messages are typed from', async () => {
    const { service } = makeService();
    const [card] = await service.cardsFor(['marcelo-ebrard']);
    const content: CardContent = {
      card: card!,
      lang: 'es',
      pageDate: '2023-10-16',
      provenance: { name: 'HLED corpus', corpusVersion: '1', dataAsOf: '2024-10-01', signer: null },
      why: { alias: 'Ebrard', aliasLang: 'any', rule: 'surname-with-full-name', pageCount: 3 },
      site: 'example.com',
      key: 1,
      focus: false,
    };
    expect(cardContent.safeParse(content).success).toBe(true);
    expect(toFrame.safeParse({ type: 'show', content }).success).toBe(true);
    expect(cardContent.safeParse({ ...content, why: { ...content.why!, rule: 'made-up' } }).success).toBe(false);
  });

  it('the frame reads the messages it knows and drops the rest', () => {
    expect(readToFrame({ type: 'hide' })).toEqual({ type: 'hide' });
    expect(readToFrame({ type: 'saved', id: 1, ok: true })).toEqual({ type: 'saved', id: 1, ok: true });
    expect(readToFrame({ type: 'navigate', url: 'https://example.com' })).toBeNull();
    expect(readToFrame('show')).toBeNull();
    expect(readToFrame(undefined)).toBeNull();
  });
});
