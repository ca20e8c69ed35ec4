import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer } from '../../testing/model-server';
import { sharedModelPath } from '../../testing/models';
import { downloadFile, type DownloadRequest } from './downloader';

const GGUF = sharedModelPath('stories260k/stories260K.gguf');
const GGUF_SIZE = 1185280;
const GGUF_SHA = '24b9e32a432a40fa27619fbfe4306859b9a5a3d197077dfa45a57864d012660a';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-download-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};
const serve = async (options: Parameters<typeof startModelServer>[1] = {}) => {
  const server = await startModelServer(
    { 'model.gguf': GGUF, 'other.bin': sharedModelPath('whisper-test/jfk.wav') },
    options,
  );
  cleanups.push(() => server.close());
  return server;
};
/**
 * The offset a resume asked for. A dropped connection loses whatever was still in flight, so it
 * is at most the bytes the server sent before dropping, and more than nothing.
 */
function resumedFrom(range: string | undefined, sentBeforeDrop: number): number {
  const offset = Number(/^bytes=(\d+)-$/.exec(range ?? '')?.[1]);
  expect(offset).toBeGreaterThan(0);
  expect(offset).toBeLessThanOrEqual(sentBeforeDrop);
  return offset;
}

const request = (
  server: ModelServer,
  dest: string,
  extra: Partial<DownloadRequest> = {},
): DownloadRequest => ({
  url: `${server.baseUrl}/model.gguf`,
  dest,
  size: GGUF_SIZE,
  sha256: GGUF_SHA,
  signal: new AbortController().signal,
  backoffMs: 10,
  ...extra,
});

describe('downloadFile', () => {
  it('downloads to .part, verifies, renames; reports bytes as they arrive', async () => {
    const server = await serve();
    const dest = path.join(tempDir(), 'llm', 'model.gguf');
    const seen: number[] = [];
    const sha = await downloadFile(request(server, dest, { onBytes: (b) => seen.push(b) }));
    expect(sha).toBe(GGUF_SHA);
    expect(fs.readdirSync(path.dirname(dest))).toEqual(['model.gguf']);
    expect(seen.at(-1)).toBe(GGUF_SIZE);
    expect(server.requests).toEqual([{ path: 'model.gguf', range: undefined }]);
  });

  it('resumes from the .part with a Range header after a dropped connection', async () => {
    const server = await serve({ dropAfterBytes: 300_000 });
    const dest = path.join(tempDir(), 'model.gguf');
    expect(await downloadFile(request(server, dest))).toBe(GGUF_SHA);
    expect(server.requests.map((r) => r.path)).toEqual(['model.gguf', 'model.gguf']);
    expect(server.requests[0]!.range).toBeUndefined();
    resumedFrom(server.requests[1]!.range, 300_000);
    expect(fs.existsSync(`${dest}.part`)).toBe(false);
  });

  it('follows redirects (as Hugging Face sends to its CDN), keeping the Range on resume', async () => {
    const server = await serve({ dropAfterBytes: 150_000 });
    const dest = path.join(tempDir(), 'model.gguf');
    const url = `${server.baseUrl}/redirect/model.gguf`;
    expect(await downloadFile(request(server, dest, { url }))).toBe(GGUF_SHA);
    expect(server.requests.map((r) => r.path)).toEqual([
      'redirect/model.gguf',
      'model.gguf',
      'redirect/model.gguf',
      'model.gguf',
    ]);
    const offset = resumedFrom(server.requests[2]!.range, 150_000);
    expect(server.requests[3]!.range).toBe(`bytes=${offset}-`);
  });

  it('restarts from zero when the server ignores Range (200 instead of 206)', async () => {
    const server = await serve({ dropAfterBytes: 200_000, ignoreRange: true });
    const dest = path.join(tempDir(), 'model.gguf');
    expect(await downloadFile(request(server, dest))).toBe(GGUF_SHA);
    expect(server.requests[0]!.range).toBeUndefined();
    resumedFrom(server.requests[1]!.range, 200_000); // asked to resume, got the whole file
  });

  it('restarts from zero when a 206 does not start where the .part ends', async () => {
    // Appended, bytes from later on would make a file that fails its checksum at the end;
    // bytes from earlier on, one that is too long.
    for (const shift of [4096, -4096]) {
      const server = await serve({ dropAfterBytes: 300_000, rangeStartShift: shift });
      const dest = path.join(tempDir(), 'model.gguf');
      const seen: number[] = [];
      expect(await downloadFile(request(server, dest, { onBytes: (b) => seen.push(b) }))).toBe(
        GGUF_SHA,
      );
      expect(server.requests.map((r) => r.range)).toEqual([
        undefined,
        expect.stringMatching(/^bytes=\d+-$/),
        undefined, // the misplaced body was dropped, not appended
      ]);
      resumedFrom(server.requests[1]!.range, 300_000);
      expect(Math.max(...seen)).toBe(GGUF_SIZE);
      expect(seen.slice(1)).toContain(0); // progress went back to zero with the .part
    }
  });

  it('refuses a 206 whose total is not the expected size, keeping nothing', async () => {
    const server = await serve({ dropAfterBytes: 300_000 });
    const dest = path.join(tempDir(), 'model.gguf');
    const size = GGUF_SIZE + 10;
    await expect(downloadFile(request(server, dest, { size }))).rejects.toMatchObject({
      kind: 'size',
      message: expect.stringMatching(
        new RegExp(`at ${GGUF_SIZE} bytes, not the expected ${size}: it is not the file`),
      ),
    });
    expect(fs.readdirSync(path.dirname(dest))).toEqual([]);
  });

  it('a complete .part left from before is verified without downloading again', async () => {
    const server = await serve();
    const dest = path.join(tempDir(), 'model.gguf');
    fs.copyFileSync(GGUF, `${dest}.part`);
    expect(await downloadFile(request(server, dest))).toBe(GGUF_SHA);
    expect(server.requests).toEqual([]);
  });

  it('a wrong checksum deletes the file, installs nothing and says so', async () => {
    const server = await serve();
    const dest = path.join(tempDir(), 'model.gguf');
    const wrong = 'f'.repeat(64);
    await expect(downloadFile(request(server, dest, { sha256: wrong }))).rejects.toThrow(
      `The downloaded model.gguf is damaged or not the expected file (sha256 ${GGUF_SHA}, expected ${wrong}). It was deleted and nothing was installed`,
    );
    expect(fs.readdirSync(path.dirname(dest))).toEqual([]);
  });

  it('gives up after the retries with the partial file kept, and names HTTP errors', async () => {
    const server = await serve({ dropAfterBytes: 0, dropTimes: 100 });
    const dest = path.join(tempDir(), 'model.gguf');
    await expect(downloadFile(request(server, dest, { retries: 2 }))).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/failed 3 times in a row/),
    });
    expect(server.requests).toHaveLength(3);
    const missing = await serve();
    await expect(
      downloadFile(request(missing, dest, { url: `${missing.baseUrl}/nope.gguf` })),
    ).rejects.toMatchObject({ kind: 'http', message: expect.stringMatching(/answered 404/) });
  });

  it('abort keeps the .part; the next call resumes from it', async () => {
    const server = await serve({ chunkBytes: 64 * 1024, stallAfterBytes: 512 * 1024 });
    const dest = path.join(tempDir(), 'model.gguf');
    const controller = new AbortController();
    const first = downloadFile(
      request(server, dest, {
        signal: controller.signal,
        onBytes: (b) => b >= 256 * 1024 && controller.abort(),
      }),
    );
    await expect(first).rejects.toThrow();
    const kept = fs.statSync(`${dest}.part`).size;
    // Bytes still in flight when aborting are dropped; what is on disk is kept.
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(GGUF_SIZE);
    expect(await downloadFile(request(server, dest))).toBe(GGUF_SHA);
    expect(server.requests.at(-1)!.range).toBe(`bytes=${kept}-`);
  });
});
