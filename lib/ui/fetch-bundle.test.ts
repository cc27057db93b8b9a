import { describe, expect, it, vi } from 'vitest';
import { FetchBundleError, checkBundleUrl, fetchBundle } from './fetch-bundle';

const ok = (body: string) => new Response(body, { status: 200 });

describe('checkBundleUrl', () => {
  it('takes https and loopback http only', () => {
    expect(checkBundleUrl(' https://example.org/b.json ').href).toBe('https://example.org/b.json');
    expect(checkBundleUrl('http://127.0.0.1:8080/b.json').hostname).toBe('127.0.0.1');
    expect(() => checkBundleUrl('http://example.org/b.json')).toThrow(FetchBundleError);
    expect(() => checkBundleUrl('javascript:alert(1)')).toThrow(FetchBundleError);
    expect(() => checkBundleUrl('not a url')).toThrow(FetchBundleError);
  });
});

describe('fetchBundle', () => {
  it('fetches with CORS and asks for no permission when the server allows it', async () => {
    const requestOrigin = vi.fn();
    const text = await fetchBundle('https://example.org/b.json', { fetch: vi.fn().mockResolvedValue(ok('{"x":1}')), requestOrigin });
    expect(text).toBe('{"x":1}');
    expect(requestOrigin).not.toHaveBeenCalled();
  });
  it('asks for that origin only when CORS fails, then retries', async () => {
    const f = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(ok('{}'));
    const requestOrigin = vi.fn().mockResolvedValue(true);
    expect(await fetchBundle('https://example.org/x/b.json', { fetch: f, requestOrigin })).toBe('{}');
    expect(requestOrigin).toHaveBeenCalledWith('https://example.org/*');
  });
  it('says so when the reader does not grant access', async () => {
    const e = await fetchBundle('https://example.org/b.json', { fetch: vi.fn().mockRejectedValue(new TypeError('x')), requestOrigin: vi.fn().mockResolvedValue(false) }).catch((x: unknown) => x);
    expect((e as FetchBundleError).problem).toEqual({ code: 'permission-denied', origin: 'https://example.org' });
  });
  it('reports HTTP errors with their status', async () => {
    const e = await fetchBundle('https://example.org/b.json', { fetch: vi.fn().mockResolvedValue(new Response('no', { status: 404 })), requestOrigin: vi.fn() }).catch((x: unknown) => x);
    expect((e as FetchBundleError).problem).toEqual({ code: 'http', status: 404 });
  });
});
