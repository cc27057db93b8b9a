import { createHash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A publisher's static host on 127.0.0.1, as a CDN behaves: files from memory, a strong ETag per
 * content, 304 for a matching `If-None-Match`, CORS for any origin (the conditional request
 * headers allowed in preflights, `ETag` exposed), and a count of every request by path and
 * status. `setDown(true)` drops every connection, as an unreachable server does.
 */
export interface StaticHost {
  url: string;
  put(path: string, body: string | Buffer): void;
  setDown(down: boolean): void;
  /** Requests for `path` answered with `status` (GET only; preflights are not counted). */
  count(path: string, status?: number): number;
  close(): Promise<void>;
}

export async function startStaticHost(): Promise<StaticHost> {
  const files = new Map<string, Buffer>();
  const log: { path: string; status: number }[] = [];
  let down = false;
  const cors = (res: ServerResponse) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'If-None-Match, If-Modified-Since');
    res.setHeader('Access-Control-Expose-Headers', 'ETag');
  };
  const server = createServer((req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    cors(res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Allow-Methods': 'GET', 'Access-Control-Max-Age': '0' });
      res.end();
      return;
    }
    const body = files.get(path);
    const answer = (status: number, headers: Record<string, string | number>, content?: Buffer | string) => {
      log.push({ path, status });
      res.writeHead(status, headers);
      res.end(content);
    };
    if (!body) return answer(404, { 'Content-Type': 'text/plain' }, 'Not Found');
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return answer(304, { ETag: etag, 'Cache-Control': 'max-age=60' });
    answer(200, { 'Content-Type': path.endsWith('.json') ? 'application/json' : 'text/plain', 'Content-Length': body.length, ETag: etag, 'Cache-Control': 'max-age=60' }, body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    put: (path, body) => files.set(path, Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')),
    setDown: (value) => {
      down = value;
      if (value) server.closeAllConnections();
    },
    count: (path, status) => log.filter((l) => l.path === path && (status === undefined || l.status === status)).length,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
