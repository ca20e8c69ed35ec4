import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventBus } from '../../platform/event-bus';
import type { HandlerRegistry } from '../../app/handler-registry';
import { invokeToReply } from '../../app/invoke-reply';
import { serveStatic } from './static-files';

export interface LocalServerOptions {
  /** Runs the contract: the HandlerRegistry in this process, or the backend's supervisor. */
  readonly registry: Pick<HandlerRegistry, 'invoke'>;
  /** The app's events: the EventBus in this process, or the backend's supervisor. */
  readonly events: Pick<EventBus, 'onAny'>;
  /** The built renderer (out/renderer); absent: only the API is served. */
  readonly staticDir?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Defaults to a fresh random token per run. */
  readonly token?: string;
}

export interface LocalServer {
  readonly origin: string;
  readonly token: string;
  /** Opening this URL once sets the session cookie and drops the token from the address bar. */
  readonly url: string;
  close(): Promise<void>;
}

const COOKIE = 'rehearse_token';
const MAX_BODY_BYTES = 1024 * 1024;
const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  UNKNOWN_HANDLER: 404,
  INVALID_STATE: 409,
  WRONG_QUESTION: 409,
  CONFLICT: 409,
  UNAVAILABLE: 503,
};

/**
 * The same contract as Electron IPC, over HTTP (invoke) and a WebSocket (events), bound to
 * 127.0.0.1 only. Every request must carry the per-run token (cookie, bearer header or, for the
 * first page load, ?token=), and the Host/Origin must be this server, which stops other sites
 * and DNS-rebinding pages from driving it.
 */
export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const sockets = new Set<WebSocket>();
  let origin = '';

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error('[rehearse] request failed', error);
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (!hostAllowed(req, origin)) return sendJson(res, 421, error('UNAUTHORIZED', 'Wrong host.'));
    if (req.method === 'GET' && url.searchParams.get('token') !== null) {
      if (!tokenMatches(url.searchParams.get('token') ?? '', token))
        return sendJson(res, 401, error('UNAUTHORIZED', 'Wrong token.'));
      url.searchParams.delete('token');
      res.writeHead(303, {
        'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        location: url.pathname + url.search,
      });
      return void res.end();
    }
    if (!authorised(req, token)) {
      return sendJson(
        res,
        401,
        error(
          'UNAUTHORIZED',
          'Open Rehearse from the address it printed when it started (it includes a token).',
        ),
      );
    }
    if (url.pathname.startsWith('/api/invoke/')) {
      if (req.method !== 'POST') return sendJson(res, 405, error('VALIDATION', 'Use POST.'));
      if (!isJson(req)) return sendJson(res, 415, error('VALIDATION', 'Send application/json.'));
      const origHeader = req.headers.origin;
      if (origHeader !== undefined && origHeader !== origin)
        return sendJson(res, 403, error('UNAUTHORIZED', 'Cross-origin request refused.'));
      const name = decodeURIComponent(url.pathname.slice('/api/invoke/'.length));
      let input: unknown;
      try {
        input = JSON.parse(await readBody(req));
      } catch (e) {
        return sendJson(
          res,
          400,
          error(
            'VALIDATION',
            e instanceof BodyTooLarge ? e.message : 'The request body is not valid JSON.',
          ),
        );
      }
      const reply = await invokeToReply(options.registry, name, input);
      return sendJson(res, reply.ok ? 200 : (STATUS_BY_CODE[reply.error.code] ?? 500), reply);
    }
    if (options.staticDir && (req.method === 'GET' || req.method === 'HEAD'))
      return serveStatic(options.staticDir, url.pathname, req, res);
    return sendJson(res, 404, error('NOT_FOUND', 'Not found.'));
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const originOk = req.headers.origin === undefined || req.headers.origin === origin;
    const tokenOk =
      authorised(req, token) || tokenMatches(url.searchParams.get('token') ?? '', token);
    if (url.pathname !== '/events' || !hostAllowed(req, origin) || !originOk || !tokenOk) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
    });
  });
  const unsubscribe = options.events.onAny((event, payload) => {
    const message = JSON.stringify({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    token,
    url: `${origin}/?token=${token}`,
    close: async () => {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge(`The request is larger than ${MAX_BODY_BYTES / 1024} KB.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function hostAllowed(req: http.IncomingMessage, origin: string): boolean {
  const host = req.headers.host ?? '';
  const port = new URL(origin).port;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function authorised(req: http.IncomingMessage, token: string): boolean {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (bearer !== undefined && tokenMatches(bearer, token)) return true;
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === COOKIE)?.[1];
  return cookie !== undefined && tokenMatches(cookie, token);
}

function tokenMatches(candidate: string, token: string): boolean {
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isJson(req: http.IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim() === 'application/json';
}

function error(code: string, message: string) {
  return { ok: false, error: { code, message } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}
