import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { startLocalServer, type LocalServer } from './local-server';

let app: TestApp;
let server: LocalServer;
let staticDir: string;
beforeEach(async () => {
  app = await createTestApp();
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Rehearse</title>');
  server = await startLocalServer({ registry: app.registry, events: app.events, staticDir });
});
afterEach(async () => {
  await server.close();
  await app.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

/** Raw HTTP so the test controls every header (fetch would add its own Host/Origin rules). */
function request(
  pathname: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request(
        `${server.origin}${pathname}`,
        { method: opts.method ?? 'GET', headers: opts.headers },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(opts.body);
    },
  );
}
const auth = () => ({
  authorization: `Bearer ${server.token}`,
  'content-type': 'application/json',
});

describe('local server', () => {
  it('binds to 127.0.0.1 only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('requires the token on every request', async () => {
    expect((await request('/')).status).toBe(401);
    expect(
      (
        await request('/api/invoke/profiles.list', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await request('/api/invoke/profiles.list', {
          method: 'POST',
          headers: { ...auth(), authorization: 'Bearer wrong' },
          body: '{}',
        })
      ).status,
    ).toBe(401);
    expect((await request('/?token=wrong')).status).toBe(401);
  });

  it('trades the URL token for a cookie, then serves the renderer with a CSP', async () => {
    const first = await request(`/?token=${server.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']).split(';')[0] ?? '';
    expect(first.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await request('/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Rehearse</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await request('/../../etc/passwd', { headers: { cookie } })).body).not.toContain(
      'root:',
    );
  });

  it('refuses other hosts and cross-origin calls', async () => {
    const port = new URL(server.origin).port;
    expect(
      (
        await request('/api/invoke/profiles.list', {
          method: 'POST',
          headers: { ...auth(), host: `evil.example:${port}` },
          body: '{}',
        })
      ).status,
    ).toBe(421);
    expect(
      (
        await request('/api/invoke/profiles.list', {
          method: 'POST',
          headers: { ...auth(), origin: 'http://evil.example' },
          body: '{}',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await request('/api/invoke/profiles.list', {
          method: 'POST',
          headers: { authorization: auth().authorization, 'content-type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
  });

  it('dispatches to the same handlers and maps errors to statuses', async () => {
    const created = await request('/api/invoke/profiles.create', {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ name: 'Dana' }),
    });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({
      ok: true,
      result: { name: 'Dana', level: 'entry' },
    });
    const invalid = await request('/api/invoke/profiles.create', {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ name: '' }),
    });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(
      (await request('/api/invoke/nope', { method: 'POST', headers: auth(), body: '{}' })).status,
    ).toBe(404);
    expect(
      (
        await request('/api/invoke/profiles.list', {
          method: 'POST',
          headers: auth(),
          body: '{not json',
        })
      ).status,
    ).toBe(400);
    const huge = await request('/api/invoke/profiles.list', {
      method: 'POST',
      headers: auth(),
      body: `"${'x'.repeat(2 * 1024 * 1024)}"`,
    }).catch(() => ({ status: 413 }));
    expect([400, 413]).toContain(huge.status);
  });

  it('pushes events over the WebSocket to authenticated clients only', async () => {
    const wsUrl = server.origin.replace('http', 'ws') + '/events';
    const refused = new WebSocket(wsUrl);
    await expect(
      new Promise((resolve, reject) => (refused.on('open', resolve), refused.on('error', reject))),
    ).rejects.toThrow(/401/);

    const ws = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${server.token}` } });
    await new Promise((resolve) => ws.on('open', resolve));
    const received = new Promise<unknown>((resolve) =>
      ws.on('message', (data: Buffer) => resolve(JSON.parse(data.toString()))),
    );
    app.events.emit('answer.scored', { sessionId: 's1', answerId: 'a1' });
    expect(await received).toEqual({
      event: 'answer.scored',
      payload: { sessionId: 's1', answerId: 'a1' },
    });
    ws.close();
  });
});
