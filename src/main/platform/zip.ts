// A minimal zip writer (PKWARE APPNOTE 6.3): DEFLATE for text, STORE for media that is already
// compressed, UTF-8 names, no zip64 (so each file and the archive stay under 4 GiB). Node has
// deflate and CRC-32 built in; a dependency for the remaining ~80 lines is not worth its weight.
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { writeChunk } from './file-source';

const deflateRaw = promisify(zlib.deflateRaw);

/** Text built in memory (JSON, CSV): deflated. */
export interface ZipDataEntry {
  /** Path inside the archive, '/'-separated. */
  readonly name: string;
  readonly data: Buffer;
}

/** A file on disk (a recording: compressed already), stored and streamed, never read whole. */
export interface ZipFileEntry {
  readonly name: string;
  readonly file: string;
}

export type ZipEntry = ZipDataEntry | ZipFileEntry;

const UTF8_NAMES = 0x0800;
const MAX_OFFSET = 0xffffffff;

function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date:
      ((Math.max(1980, date.getFullYear()) - 1980) << 9) |
      ((date.getMonth() + 1) << 5) |
      date.getDate(),
  };
}

/** CRC-32 and length of a file, read in chunks. */
async function fileCrc(file: string): Promise<{ crc: number; size: number }> {
  let crc = 0;
  let size = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
  }
  return { crc, size };
}

/**
 * Writes a zip archive to `out` (without ending it). Deflating runs on libuv's thread pool and
 * stored files are streamed, so neither the main thread nor memory holds the recordings. A
 * stored file's CRC is read in a first pass, because the local header that precedes its bytes
 * must carry it (data descriptors are not read by every unzipper for stored entries); the second
 * pass checks that the file did not change in between. Returns the archive's length.
 */
export async function writeZip(
  out: Writable,
  entries: readonly ZipEntry[],
  modified: Date,
): Promise<number> {
  const { time, date } = dosDateTime(modified);
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const stored = 'file' in entry;
    const body = stored ? null : await deflateRaw(entry.data);
    const { crc, size } = stored
      ? await fileCrc(entry.file)
      : { crc: zlib.crc32(entry.data), size: entry.data.length };
    const compressed = body ? body.length : size;
    if (offset + 30 + name.length + compressed > MAX_OFFSET)
      throw new Error('The archive would exceed 4 GiB.');
    const method = stored ? 0 : 8;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    await writeChunk(out, Buffer.concat([local, name]));
    if (body) await writeChunk(out, body);
    else await copyUnchanged(out, (entry as ZipFileEntry).file, entry.name, { crc, size });

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  await writeChunk(out, Buffer.concat([...centrals, end]));
  return offset + centralSize + end.length;
}

async function copyUnchanged(
  out: Writable,
  file: string,
  name: string,
  expected: { crc: number; size: number },
): Promise<void> {
  let crc = 0;
  let size = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
    await writeChunk(out, chunk);
  }
  if (crc !== expected.crc || size !== expected.size)
    throw new Error(`${name} changed while it was being exported; export again.`);
}

/** CSV with RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets show text, not formulas. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    let s =
      typeof v === 'string'
        ? v
        : typeof v === 'number' || typeof v === 'boolean'
          ? String(v)
          : JSON.stringify(v);
    if (/^[=+\-@]/.test(s) && typeof v === 'string') s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
