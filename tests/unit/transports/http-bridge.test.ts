import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../../src/main/transports/http-bridge';
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
    bridge = await startBridge({ ctx, rendererDir });
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
});
