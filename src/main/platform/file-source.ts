import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { GeneratedFile } from '../../shared/contract';
import { AppError } from './errors';

/**
 * A file the person asked for (a PDF report, their data export, a question pack), not yet
 * written anywhere: the desktop shell streams it to the path chosen in a save dialog, the local
 * server and the CLI collect it. `summary` holds the figures shown afterwards (pages, sessions…).
 */
export interface FileSource<S extends object = object> {
  readonly fileName: string;
  readonly mimeType: string;
  readonly summary: S;
  /** Writes the whole file to `out` (without ending it), respecting backpressure. */
  writeTo(out: Writable): Promise<void>;
}

/** A file that is small enough to build in memory (PDF reports, pack JSON). */
export function bufferSource<S extends object>(
  fileName: string,
  mimeType: string,
  bytes: Buffer,
  summary: S,
): FileSource<S> {
  return { fileName, mimeType, summary, writeTo: (out) => writeChunk(out, bytes) };
}

/** Writes one chunk and waits for the stream to drain when its buffer is full. */
export async function writeChunk(out: Writable, chunk: Buffer): Promise<void> {
  if (out.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = () => {
      out.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      out.off('drain', onDrain);
      reject(error);
    };
    out.once('drain', onDrain);
    out.once('error', onError);
  });
}

/** The whole file as base64, for the browser's download and the CLI. */
export async function collectFile<S extends object>(
  source: FileSource<S>,
): Promise<GeneratedFile & S> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await source.writeTo(sink);
  sink.end();
  await finished(sink);
  const bytes = Buffer.concat(chunks);
  return {
    ...source.summary,
    fileName: source.fileName,
    mimeType: source.mimeType,
    base64: bytes.toString('base64'),
    bytes: bytes.length,
  };
}

export interface SavedFile {
  readonly path: string;
  readonly bytes: number;
}

/**
 * Streams a file to `target`. It is written beside the target under a temporary name and renamed
 * over it only once complete, so a failure (full disk, a recording that vanished) leaves any
 * file already at `target` as it was and no half-written file behind.
 */
export async function saveFileTo(source: FileSource, target: string): Promise<SavedFile> {
  const absolute = path.resolve(target);
  const partial = path.join(
    path.dirname(absolute),
    `.${path.basename(absolute)}.${process.pid}.partial`,
  );
  const out = fs.createWriteStream(partial, { flags: 'wx' });
  try {
    await new Promise<void>((resolve, reject) => {
      out.once('open', () => resolve());
      out.once('error', reject);
    });
    await source.writeTo(out);
    out.end();
    await finished(out);
    fs.renameSync(partial, absolute);
  } catch (error) {
    if (!out.closed) {
      const closed = once(out, 'close');
      out.destroy();
      await closed;
    }
    fs.rmSync(partial, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw error instanceof AppError
      ? error
      : new AppError('INTERNAL', `Rehearse could not save ${absolute}: ${reason}`);
  }
  return { path: absolute, bytes: fs.statSync(absolute).size };
}
