// The loopback HTTP bridge: serves the real renderer and the Workbench API to a browser on this
// machine, for the browser mode and the end-to-end tests. It binds 127.0.0.1 only and demands a
// random per-run token; requests from another Origin or Host (DNS rebinding) are refused.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ApiResult } from '@shared/api/errors';
import { CONTENT_SECURITY_POLICY } from '@shared/security';
import type { ApiDoor } from '../api/router';

/**
 * The token cookie's name carries the port: cookies ignore ports, so two bridges in one browser
 * would otherwise overwrite each other's token and log each other out.
 */
const tokenCookie = (port: number): string => `marginalia_token_${port}`;
/** Large enough for a batch of record files sent as base64. */
const MAX_BODY_BYTES = 96 * 1024 * 1024;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface BridgeOptions {
  /** What answers the API: the door holding the library. */
  door: ApiDoor;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(header: string | undefined, port: number): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === tokenCookie(port)) return rest.join('=');
  }
  return undefined;
}

/** A percent-decoded path, or null when its escapes are malformed (`/%ZZ`, overlong UTF-8). */
export function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/**
 * Where to send the browser after the token swap: the same path on this origin, never another
 * host. A path starting with several slashes (`/.//evil.example/`) would be read by the browser
 * as `//evil.example/`, another site; it keeps one.
 */
export function sameOriginLocation(url: URL): string {
  return `/${url.pathname.replace(/^\/+/, '')}${url.search}`;
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function sendText(res: http.ServerResponse, status: number, message: string): void {
  send(res, status, message + '\n', { 'Content-Type': 'text/plain; charset=utf-8' });
}

function sendJson(res: http.ServerResponse, result: ApiResult<unknown>): void {
  send(res, 200, JSON.stringify(result), { 'Content-Type': 'application/json; charset=utf-8' });
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}/index.html is missing).`);
  }
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Bridge request failed:', error);
      if (!res.headersSent) sendText(res, 500, 'Internal error.');
      else res.end();
    });
  });

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!allowedHosts().has(host)) {
      sendText(res, 403, 'Forbidden: unexpected Host header.');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      sendText(res, 403, 'Forbidden: requests from other origins are refused.');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      sendText(res, 400, 'Bad request: the address is malformed.');
      return;
    }
    const pathname = decodedPath(url.pathname);
    if (pathname === null) {
      sendText(res, 400, 'Bad request: the address has a malformed %-escape.');
      return;
    }
    const queryToken = url.searchParams.get('token') ?? undefined;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

    if (req.method === 'GET' && queryToken !== undefined) {
      if (!sameToken(queryToken, token)) {
        sendText(res, 401, 'Unauthorized: this link’s token is not valid for this run.');
        return;
      }
      // Trade the token in the address for a same-site cookie, and drop it from the address bar.
      url.searchParams.delete('token');
      send(res, 303, '', {
        Location: sameOriginLocation(url),
        'Set-Cookie': `${tokenCookie(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      return;
    }
    if (!sameToken(cookieToken(req.headers.cookie, port), token) && !sameToken(bearer, token)) {
      sendText(
        res,
        401,
        'Unauthorized: open the address `marginalia serve` printed when it started (it carries this run’s access token).',
      );
      return;
    }

    if (pathname.startsWith('/api/')) {
      await handleApi(req, res, pathname.slice('/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed.');
      return;
    }
    serveStatic(res, pathname);
  }

  async function handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    method: string,
  ): Promise<void> {
    if (req.method !== 'POST') {
      sendText(res, 405, 'API calls use POST.');
      return;
    }
    // A JSON content type cannot be sent by a plain HTML form: one more guard against CSRF.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendText(res, 415, 'API calls must send application/json.');
      return;
    }
    // A body announced as too large is refused before a byte of it is read.
    const announced = Number(req.headers['content-length'] ?? 0);
    if (announced > MAX_BODY_BYTES) {
      res.setHeader('Connection', 'close');
      sendText(res, 413, `The request is too large (over ${MAX_BODY_BYTES / 1024 / 1024} MB).`);
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch (error) {
      const tooLarge = (error as Error).message === 'too large';
      sendJson(res, {
        ok: false,
        error: {
          code: 'invalid_input',
          message: tooLarge
            ? `The request is too large (over ${MAX_BODY_BYTES / 1024 / 1024} MB).`
            : 'The request body is not valid JSON.',
        },
      });
      return;
    }
    sendJson(res, await options.door.dispatch(method, input));
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    if (!file.startsWith(rendererDir + path.sep)) {
      sendText(res, 404, 'Not found.');
      return;
    }
    // Routes live in the address's hash, so anything that is not a file is simply missing.
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      sendText(res, 404, 'Not found.');
      return;
    }
    const type = MIME_TYPES[path.extname(file)] ?? 'application/octet-stream';
    send(res, 200, fs.readFileSync(file), { 'Content-Type': type });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
