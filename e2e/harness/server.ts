import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface StaticServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.gz': 'application/gzip',
};

/** Suffix of the optional per-file header sidecar: `X.html.headers.json` beside `X.html`. */
const HEADERS_SUFFIX = '.headers.json';

function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function readExtraHeaders(file: string): Promise<Record<string, string>> {
  const sidecar = file + HEADERS_SUFFIX;
  if (!(await isFile(sidecar))) return {};
  const parsed: unknown = JSON.parse(await readFile(sidecar, 'utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${sidecar}: expected a JSON object of header names to values`);
  }
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

/**
 * Resolves a request path inside `root`, or returns null when it would leave `root`
 * (`..` segments, encoded or not, absolute paths, NUL bytes, backslashes).
 */
function resolveInside(root: string, rawUrl: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://127.0.0.1').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.split('/').includes('..')) return null;
  const file = path.resolve(root, '.' + pathname);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method Not Allowed');
  }
  // Refuse traversal on the raw URL too: `new URL` would silently collapse `/../`.
  const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
  let decodedRaw = rawPath;
  try {
    decodedRaw = decodeURIComponent(rawPath);
  } catch {
    return send(res, 400, 'Bad Request');
  }
  if (decodedRaw.split(/[\\/]/).includes('..')) return send(res, 403, 'Forbidden');

  let file = resolveInside(root, req.url ?? '/');
  if (file === null) return send(res, 403, 'Forbidden');
  if (!(await isFile(file))) {
    const index = path.join(file, 'index.html');
    if (await isFile(index)) file = index;
    else return send(res, 404, 'Not Found');
  }

  const body = await readFile(file);
  const headers: Record<string, string | number> = {
    'Content-Type': contentType(file),
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  };
  if (file.toLowerCase().endsWith('.json')) headers['Access-Control-Allow-Origin'] = '*';
  Object.assign(headers, await readExtraHeaders(file));
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Serves the files under `root` on 127.0.0.1 with an ephemeral port. */
export async function startServer(root: string): Promise<StaticServer> {
  const absRoot = path.resolve(root);
  const server = createServer((req, res) => {
    handle(absRoot, req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, String(err));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Browsers keep idle keep-alive sockets open; do not wait for them.
        server.closeAllConnections();
      }),
  };
}
