import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { decode, encode } from '../../shared/contract/codec';
import type { Dispatch } from '../core/dispatch';

/** Header carrying the per-run token on every /rpc call. */
export const TOKEN_HEADER = 'x-qingdan-token';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/** The same policy as the Electron window: nothing but this origin. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const MAX_BODY = 200 * 1024 * 1024;

export interface DevServerOptions {
  dispatch: Dispatch;
  /** Built renderer (renderer/dist). */
  distDir: string;
  token: string;
  port: number;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new Error('请求过大');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function serveStatic(res: ServerResponse, distDir: string, urlPath: string): Promise<void> {
  const rel = normalize(decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath)).replace(/^([/\\])+/, '');
  const file = join(distDir, rel);
  if (!file.startsWith(distDir + sep)) return send(res, 403, '禁止访问');
  try {
    send(res, 200, await readFile(file), MIME[extname(file)] ?? 'application/octet-stream');
  } catch {
    send(res, 404, '未找到');
  }
}

/**
 * Serves the built renderer and routes POST /rpc/:channel to the core's dispatch.
 * Binds 127.0.0.1 only; refuses a foreign Host header and any /rpc call without the run's token.
 */
export function createDevServer(opts: DevServerOptions): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => send(res, 500, `服务器错误：${(e as Error).message}`));
  });
  let port = opts.port;
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, '拒绝访问：主机名不符');
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (!url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'GET') return send(res, 405, '不支持的请求');
      return serveStatic(res, opts.distDir, url.pathname);
    }
    if (req.method !== 'POST') return send(res, 405, '不支持的请求');
    if (req.headers[TOKEN_HEADER] !== opts.token) return send(res, 401, '拒绝访问：缺少或错误的令牌');
    const channel = decodeURIComponent(url.pathname.slice('/rpc/'.length));
    const body = decode<{ input?: unknown }>((await readBody(req)) || '{}');
    const result = await opts.dispatch(channel, body.input);
    send(res, 200, encode(result), 'application/json; charset=utf-8');
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : opts.port;
      resolve({ server, port });
    });
  });
}
