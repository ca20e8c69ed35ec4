import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { bufferSource, collectFile, saveFileTo, writeChunk, type FileSource } from './file-source';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-save-'));
  dirs.push(dir);
  return dir;
}

/** 64 chunks of 1 MiB, each written only when the file stream has room for it. */
function chunkedSource(fail?: Error): FileSource<{ chunks: number }> & { peakBuffered: number } {
  const source = {
    fileName: 'big.bin',
    mimeType: 'application/octet-stream',
    summary: { chunks: 64 },
    peakBuffered: 0,
    writeTo: async (out: Writable) => {
      for (let i = 0; i < 64; i++) {
        if (fail && i === 10) throw fail;
        await writeChunk(out, Buffer.alloc(1 << 20, i));
        source.peakBuffered = Math.max(source.peakBuffered, out.writableLength);
      }
    },
  };
  return source;
}

describe('saving a file to the chosen path', () => {
  it('streams the bytes there, never holding more than a chunk or two in memory', async () => {
    const target = path.join(tempDir(), 'report.bin');
    const source = chunkedSource();
    const saved = await saveFileTo(source, target);
    expect(saved).toEqual({ path: target, bytes: 64 << 20 });
    const fd = fs.openSync(target, 'r');
    const byte = Buffer.alloc(1);
    fs.readSync(fd, byte, 0, 1, (37 << 20) + 5);
    fs.closeSync(fd);
    expect(byte[0]).toBe(37);
    // Backpressure held: the stream never queued the whole file.
    expect(source.peakBuffered).toBeLessThanOrEqual(2 << 20);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['report.bin']);
  });

  it('leaves an existing file as it was and nothing half written when the export fails', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'export.zip');
    fs.writeFileSync(target, 'the previous export');
    await expect(
      saveFileTo(chunkedSource(new Error('a recording vanished')), target),
    ).rejects.toMatchObject({
      code: 'INTERNAL',
      message: `Rehearse could not save ${target}: a recording vanished`,
    });
    expect(fs.readFileSync(target, 'utf8')).toBe('the previous export');
    expect(fs.readdirSync(dir)).toEqual(['export.zip']);
  });

  it('says why when the folder cannot be written', async () => {
    const target = path.join(tempDir(), 'no-such-folder', 'report.pdf');
    await expect(
      saveFileTo(bufferSource('report.pdf', 'application/pdf', Buffer.from('%PDF'), {}), target),
    ).rejects.toThrow(`Rehearse could not save ${target}: ENOENT`);
  });

  it('collects the same bytes as base64 for the browser download', async () => {
    const file = await collectFile(
      bufferSource('a.json', 'application/json', Buffer.from('{"a":1}\n'), { questionCount: 1 }),
    );
    expect(file).toEqual({
      fileName: 'a.json',
      mimeType: 'application/json',
      base64: Buffer.from('{"a":1}\n').toString('base64'),
      bytes: 8,
      questionCount: 1,
    });
  });
});
