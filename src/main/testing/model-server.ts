import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedRequest {
  readonly path: string;
  readonly range: string | undefined;
}

export interface ModelServerOptions {
  /** Close the connection after this many body bytes, on the first N requests (default 1). */
  readonly dropAfterBytes?: number;
  readonly dropTimes?: number;
  /** Answer every request with the whole file (200), as servers without range support do. */
  readonly ignoreRange?: boolean;
  /**
   * Answer a Range request with 206 starting this many bytes after the offset asked for
   * (negative: before it, as a proxy that rounds ranges to blocks does), Content-Range saying so.
   */
  readonly rangeStartShift?: number;
  /**
   * Send the body in chunks of this size with this pause between them: the download's speed
   * (bytes per second over at least 200 ms) needs real time to pass while bytes arrive.
   */
  readonly chunkBytes?: number;
  readonly chunkDelayMs?: number;
  /**
   * Stop sending after this many body bytes of the first response and keep the connection open,
   * as a stalled server does: a test can pause or cancel mid-download whatever its speed.
   */
  readonly stallAfterBytes?: number;
}

export interface ModelServer {
  readonly baseUrl: string;
  readonly requests: ServedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 serving files (e.g. the shared test models) by name, with the
 * faults a real network has: dropped connections and servers that ignore Range.
 */
export async function startModelServer(
  files: Readonly<Record<string, string>>,
  options: ModelServerOptions = {},
): Promise<ModelServer> {
  const requests: ServedRequest[] = [];
  let drops = 0;
  let stalled = false;
  const server = http.createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    requests.push({ path: name, range: req.headers.range });
    // Hugging Face answers /resolve/ URLs with a redirect to its CDN: /redirect/X → /X.
    if (name.startsWith('redirect/')) {
      res.writeHead(302, { location: `/${name.slice('redirect/'.length)}` }).end();
      return;
    }
    const file = files[name];
    if (!file) {
      res.writeHead(404).end('not found');
      return;
    }
    const data = fs.readFileSync(file);
    const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    let start = 0;
    if (match && !options.ignoreRange) {
      start = Math.max(0, Number(match[1]) + (options.rangeStartShift ?? 0));
      if (start >= data.length) {
        res.writeHead(416, { 'content-range': `bytes */${data.length}` }).end();
        return;
      }
      res.writeHead(206, {
        'content-length': data.length - start,
        'content-range': `bytes ${start}-${data.length - 1}/${data.length}`,
      });
    } else {
      res.writeHead(200, { 'content-length': data.length, 'accept-ranges': 'bytes' });
    }
    const body = data.subarray(start);
    const drop =
      options.dropAfterBytes !== undefined && drops < (options.dropTimes ?? 1)
        ? options.dropAfterBytes
        : null;
    if (drop !== null) drops++;
    const stall =
      options.stallAfterBytes !== undefined && !stalled ? options.stallAfterBytes : null;
    if (stall !== null) stalled = true;
    const chunk = options.chunkBytes ?? 64 * 1024;
    let sent = 0;
    const sendNext = () => {
      if (res.destroyed) return;
      if (drop !== null && sent >= drop) {
        res.socket?.destroy(); // a dropped connection, mid-body
        return;
      }
      if (sent >= body.length) {
        res.end();
        return;
      }
      if (stall !== null && sent >= stall) return; // until the client gives up
      const end = Math.min(body.length, sent + chunk, drop ?? Infinity, stall ?? Infinity);
      res.write(body.subarray(sent, end));
      sent = end;
      setTimeout(sendNext, options.chunkDelayMs ?? 0);
    };
    sendNext();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
