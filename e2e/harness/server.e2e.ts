import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StaticServer } from './server';
import { FIXTURES } from './suite';


/** Sends the path as written (fetch would normalise `..` away before it leaves the client). */
function rawGet(base: string, rawPath: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('fixture server', () => {
  let server: StaticServer;

  beforeAll(async () => {
    server = await startServer(FIXTURES);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('listens on 127.0.0.1 and serves html as utf-8', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/article-en.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('Ebrard’s');
  });

  it('answers 404 for missing files', async () => {
    expect((await fetch(`${server.url}/nope.html`)).status).toBe(404);
  });

  it('refuses path traversal', async () => {
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/fixtures/..%5c..%5cpackage.json']) {
      const { status } = await rawGet(server.url, p);
      expect([400, 403, 404], p).toContain(status);
    }
  });

  it('sends per-fixture headers from X.html.headers.json', async () => {
    const res = await fetch(`${server.url}/csp.html`);
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'",
    );
    const plain = await fetch(`${server.url}/article-en.html`);
    expect(plain.headers.get('content-security-policy')).toBeNull();
  });

  it('allows cross-origin reads of json files', async () => {
    const res = await fetch(`${server.url}/csp.html.headers.json`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
