import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../../src/main/transports/http-bridge';
import { contextDoor } from '../../../src/main/api/router';
import { importSample, memoryContext, tempDir } from '../support/context';

/** A raw request, so tests can forge Host and Origin headers as an attacker would. */
function request(
  bridge: Bridge,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the loopback HTTP bridge', async () => {
  let bridge: Bridge;
  let auth: Record<string, string>;
  const rendererDir = tempDir('renderer');
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><title>Marginalia</title>',
  );
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const ctx = memoryContext();
  await importSample(ctx);

  beforeAll(async () => {
    bridge = await startBridge({ door: contextDoor(ctx), rendererDir });
    auth = { Host: `127.0.0.1:${bridge.port}`, Authorization: `Bearer ${bridge.token}` };
  });
  afterAll(() => bridge.close());

  it('listens on 127.0.0.1 only and prints a URL with a random token', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('refuses requests without the token', async () => {
    const page = await request(bridge, { path: '/' });
    expect(page.status).toBe(401);
    const api = await request(bridge, {
      method: 'POST',
      path: '/api/records.list',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(401);
    expect((await request(bridge, { path: '/?token=wrong' })).status).toBe(401);
  });

  it('trades the token in the link for a same-site, HttpOnly cookie', async () => {
    const res = await request(bridge, { path: `/?token=${bridge.token}` });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = res.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request(bridge, { path: '/', headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Marginalia</title>');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('refuses foreign origins and forged Host headers (DNS rebinding)', async () => {
    const foreign = await request(bridge, {
      method: 'POST',
      path: '/api/records.list',
      headers: { ...auth, Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    const rebound = await request(bridge, {
      path: '/',
      headers: { ...auth, Host: `evil.example:${bridge.port}` },
    });
    expect(rebound.status).toBe(403);
  });

  it('serves the API with the same validation as every door', async () => {
    const call = (method: string, body: string, type = 'application/json') =>
      request(bridge, {
        method: 'POST',
        path: `/api/${method}`,
        headers: { ...auth, 'Content-Type': type },
        body,
      });
    const list = JSON.parse((await call('records.list', '{}')).body);
    expect(list).toMatchObject({ ok: true, value: [{ recordId: '110374' }] });
    expect(JSON.parse((await call('records.get', '{"id": 5}')).body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(JSON.parse((await call('records.get', '{oops')).body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(JSON.parse((await call('nope', '{}')).body)).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect((await call('records.list', 'a=b', 'application/x-www-form-urlencoded')).status).toBe(
      415,
    );
  });

  it('serves assets, never files outside the renderer', async () => {
    expect((await request(bridge, { path: '/assets/app.js', headers: auth })).status).toBe(200);
    expect((await request(bridge, { path: '/../../etc/passwd', headers: auth })).status).toBe(404);
    expect(
      (await request(bridge, { path: '/%2e%2e/%2e%2e/etc/passwd', headers: auth })).status,
    ).toBe(404);
    expect((await request(bridge, { path: '/missing.js', headers: auth })).status).toBe(404);
  });

  // Issue 14, points 4–6 and the smaller holes found under attack.
  it('answers a malformed %-escape with 400, never a 500', async () => {
    for (const bad of ['/%ZZ', '/%c0%ae%c0%ae/etc/passwd', '/api/records.%E0%A4%A']) {
      const res = await request(bridge, { path: bad, headers: auth });
      expect([bad, res.status]).toEqual([bad, 400]);
      expect(res.body).toBe('Bad request: the address has a malformed %-escape.\n');
    }
  });

  it('redirects only to a path on its own origin after the token swap', async () => {
    for (const [asked, location] of [
      [`/.//evil.example/?token=${bridge.token}`, '/evil.example/'],
      // An address with another authority: only its path is kept.
      [`//evil.example/?token=${bridge.token}`, '/'],
      [`/%2F%2Fevil.example?token=${bridge.token}`, '/%2F%2Fevil.example'],
      [`/?x=1&token=${bridge.token}`, '/?x=1'],
    ] as const) {
      const res = await request(bridge, { path: asked });
      expect([asked, res.status, res.headers.location]).toEqual([asked, 303, location]);
    }
  });

  it('names its cookie after its port, so two bridges in one browser keep their own tokens', async () => {
    const other = await startBridge({ door: contextDoor(ctx), rendererDir });
    try {
      const cookieOf = async (b: Bridge) =>
        (await request(b, { path: `/?token=${b.token}` })).headers['set-cookie']![0]!.split(
          ';',
        )[0]!;
      const mine = await cookieOf(bridge);
      const theirs = await cookieOf(other);
      expect(mine).toBe(`marginalia_token_${bridge.port}=${bridge.token}`);
      expect(theirs).toBe(`marginalia_token_${other.port}=${other.token}`);
      // The browser sends both cookies to both (cookies ignore ports): each bridge finds its own.
      const both = `${mine}; ${theirs}`;
      for (const b of [bridge, other]) {
        const page = await request(b, {
          path: '/',
          headers: { Host: `127.0.0.1:${b.port}`, Cookie: both },
        });
        expect(page.status).toBe(200);
      }
    } finally {
      await other.close();
    }
  });

  it('refuses a body announced as too large before reading it (413)', async () => {
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          method: 'POST',
          path: '/api/records.list',
          headers: {
            ...auth,
            'Content-Type': 'application/json',
            'Content-Length': String(200 * 1024 * 1024),
          },
        },
        (r) => {
          let body = '';
          r.on('data', (c: Buffer) => (body += c.toString()));
          r.on('end', () => resolve({ status: r.statusCode!, body }));
        },
      );
      req.on('error', reject);
      // Only the first bytes are sent: the answer must not wait for the other 200 MB.
      req.write('{"');
    });
    expect(res).toEqual({ status: 413, body: 'The request is too large (over 96 MB).\n' });
  });

  it('tells a visitor without the token how to get in, without developer commands', async () => {
    const page = await request(bridge, { path: '/' });
    expect(page.status).toBe(401);
    expect(page.body).not.toMatch(/npm/);
    expect(page.body).toMatch(/marginalia serve/);
  });
});
