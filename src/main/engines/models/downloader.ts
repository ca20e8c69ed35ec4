import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { sha256File } from './file-hash';

export interface DownloadRequest {
  readonly url: string;
  /** The final file; bytes go to `<dest>.part` until verified. */
  readonly dest: string;
  readonly size: number;
  /** null: not known (pin on first download); the computed hash is returned either way. */
  readonly sha256: string | null;
  readonly signal: AbortSignal;
  /** Called with the bytes of this file on disk so far (including a resumed .part). */
  onBytes?(bytes: number): void;
  /** Consecutive failed attempts (no byte received) before giving up; default 5. */
  readonly retries?: number;
  /** First wait between attempts, doubled each time; default 1000 ms. */
  readonly backoffMs?: number;
  /** A connection that sends nothing for this long is dropped and retried; default 30 s. */
  readonly idleTimeoutMs?: number;
}

export type DownloadErrorKind = 'checksum' | 'size' | 'http' | 'disk-full' | 'network';

/** A download failure written for the person: what happened and what was done about it. */
export class DownloadError extends Error {
  constructor(
    readonly kind: DownloadErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

const MAX_REDIRECTS = 5;

/**
 * Downloads one file the way Buzz's model_loader and Ollama's download.go do: into `<dest>.part`,
 * resuming with an HTTP Range from what is already there, retrying dropped connections with
 * backoff, then checking size and sha256 before an atomic rename. A wrong checksum deletes the
 * .part (it cannot be resumed into something right). Aborting (pause or cancel) leaves the .part
 * for the caller to keep or delete. Returns the sha256 of the installed file.
 */
export async function downloadFile(request: DownloadRequest): Promise<string> {
  const part = `${request.dest}.part`;
  fs.mkdirSync(path.dirname(request.dest), { recursive: true });
  const retries = request.retries ?? 5;
  let failures = 0;
  for (;;) {
    throwIfAborted(request.signal);
    let have = fileSize(part);
    if (have > request.size) {
      fs.rmSync(part, { force: true }); // longer than the real file: start again
      have = 0;
    }
    request.onBytes?.(have);
    if (have === request.size) break;
    try {
      await fetchInto(request, part, have);
      if (fileSize(part) === request.size) break;
      throw new DownloadError('network', 'the connection closed before the file was complete');
    } catch (error) {
      if (request.signal.aborted) throw abortError(request.signal);
      if (!(error instanceof DownloadError) || error.kind !== 'network') throw error;
      // A retry after progress starts counting afresh: a flaky line is not a dead one.
      failures = fileSize(part) > have ? 1 : failures + 1;
      if (failures > retries) {
        throw new DownloadError(
          'network',
          `Downloading ${path.basename(request.dest)} failed ${failures} times in a row (${error.message}). The partial file was kept; try again to resume.`,
        );
      }
      await sleep((request.backoffMs ?? 1000) * 2 ** (failures - 1), request.signal);
    }
  }
  const sha256 = await sha256File(part, request.signal);
  if (request.sha256 !== null && sha256 !== request.sha256) {
    fs.rmSync(part, { force: true });
    throw new DownloadError(
      'checksum',
      `The downloaded ${path.basename(request.dest)} is damaged or not the expected file (sha256 ${sha256}, expected ${request.sha256}). It was deleted and nothing was installed; try the download again.`,
    );
  }
  fs.renameSync(part, request.dest);
  return sha256;
}

/** One HTTP attempt: appends to the .part from `offset` (or rewrites it when told to). */
async function fetchInto(request: DownloadRequest, part: string, offset: number): Promise<void> {
  const response = await get(request.url, offset, request.signal, request.idleTimeoutMs ?? 30_000);
  const status = response.statusCode ?? 0;
  if (status === 416) {
    // The server says the range is past the end: what we have is either all of it or wrong.
    response.resume();
    if (offset === request.size) return;
    fs.rmSync(part, { force: true });
    throw new DownloadError('network', 'the server refused to resume; starting again');
  }
  if (status !== 200 && status !== 206) {
    response.resume();
    const message = `The server answered ${status} ${response.statusMessage ?? ''} for ${request.url}.`;
    // 5xx and rate limits are worth retrying; 404/403 mean the manifest or network is wrong.
    if (status >= 500 || status === 408 || status === 429) {
      throw new DownloadError('network', message.trim());
    }
    throw new DownloadError('http', message.trim());
  }
  // 200 to a Range request: the server ignores ranges, so the body is the whole file again.
  if (status === 206) checkContentRange(request, part, offset, response);
  const append = status === 206 && offset > 0;
  let bytes = append ? offset : 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      request.onBytes?.(bytes);
      done(null, chunk);
    },
  });
  try {
    await pipeline(response, counter, fs.createWriteStream(part, { flags: append ? 'a' : 'w' }), {
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal.aborted) throw abortError(request.signal);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') {
      throw new DownloadError(
        'disk-full',
        `The disk is full: ${path.basename(request.dest)} needs ${Math.ceil((request.size - offset) / 1e6)} MB more. Free some space, then resume; the partial file was kept.`,
      );
    }
    throw new DownloadError('network', (error as Error).message || String(code));
  }
}

/**
 * A 206 must continue exactly where the .part ends: bytes from anywhere else (a proxy that
 * rounds ranges, a cache serving another version) appended to it would make a file that fails
 * its checksum only after the whole download. Such a body is dropped and the download starts
 * again from zero; a total that is not the expected size means another file: that is an error.
 */
function checkContentRange(
  request: DownloadRequest,
  part: string,
  offset: number,
  response: http.IncomingMessage,
): void {
  const header = response.headers['content-range'] ?? '';
  const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim());
  const total = range?.[3] === undefined || range[3] === '*' ? null : Number(range[3]);
  if (total !== null && total !== request.size) {
    response.resume();
    fs.rmSync(part, { force: true });
    throw new DownloadError(
      'size',
      `The server has ${path.basename(request.dest)} at ${total} bytes, not the expected ${request.size}: it is not the file the manifest names. It was deleted and nothing was installed.`,
    );
  }
  const start = range ? Number(range[1]) : null;
  if (start === offset) return;
  response.resume();
  fs.rmSync(part, { force: true });
  throw new DownloadError(
    'network',
    start === null
      ? `the server's partial reply had no usable Content-Range ("${header}"); starting again from zero`
      : `the server resumed from byte ${start}, not ${offset}; starting again from zero`,
  );
}

function get(
  url: string,
  offset: number,
  signal: AbortSignal,
  idleTimeoutMs: number,
  redirects = 0,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const headers: Record<string, string> = { 'user-agent': 'Rehearse model manager' };
    if (offset > 0) headers['range'] = `bytes=${offset}-`;
    const req = client.get(url, { headers, signal }, (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.resume();
        if (redirects >= MAX_REDIRECTS) {
          reject(new DownloadError('http', `Too many redirects downloading ${url}.`));
          return;
        }
        get(new URL(location, url).toString(), offset, signal, idleTimeoutMs, redirects + 1).then(
          resolve,
          reject,
        );
        return;
      }
      resolve(response);
    });
    req.setTimeout(idleTimeoutMs, () => {
      req.destroy(new Error(`no data for ${Math.round(idleTimeoutMs / 1000)} s`));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (signal.aborted) reject(abortError(signal));
      else reject(new DownloadError('network', error.code ?? error.message));
    });
  });
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('The download was stopped.');
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError(signal);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
