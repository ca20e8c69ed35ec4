// Draws the app icon (resources/icon.png, 512×512: electron-builder makes every platform's icon
// from it, and the Linux window uses it): a speech bubble on a blue rounded square. Drawn here
// rather than in an editor so it can be regenerated; `npx tsx scripts/make-icon.ts`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 512;
const BLUE = [0x3b, 0x5b, 0xdb];
const WHITE = [0xff, 0xff, 0xff];

/** Coverage (0..1) of pixel (x, y) by each shape, 4×4 supersampled for smooth edges. */
function coverage(x: number, y: number, inside: (px: number, py: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hits++;
  return hits / 16;
}

function roundedSquare(px: number, py: number): boolean {
  const r = 104;
  const cx = Math.min(Math.max(px, r + 16), SIZE - r - 16);
  const cy = Math.min(Math.max(py, r + 16), SIZE - r - 16);
  return (
    (px - cx) ** 2 + (py - cy) ** 2 <= r * r &&
    px >= 16 &&
    py >= 16 &&
    px <= SIZE - 16 &&
    py <= SIZE - 16
  );
}

function bubble(px: number, py: number): boolean {
  const inEllipse = ((px - 256) / 170) ** 2 + ((py - 236) / 130) ** 2 <= 1;
  // The tail: a triangle below the bubble's lower left.
  const inTail = py >= 330 && py <= 410 && px >= 150 && px <= 250 && px - 150 <= (410 - py) * 1.25;
  return inEllipse || inTail;
}

function pixel(x: number, y: number): number[] {
  const square = coverage(x, y, roundedSquare);
  const white = coverage(x, y, bubble) * square;
  const rgb = BLUE.map((b, i) => Math.round(b * (1 - white) + WHITE[i]! * white));
  return [...rgb, Math.round(255 * square)];
}

const rows: Buffer[] = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(row, 1 + x * 4);
  rows.push(row);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.writeUInt8(8, 8); // bit depth
header.writeUInt8(6, 9); // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.resolve(import.meta.dirname, '../resources/icon.png');
fs.writeFileSync(out, png);
console.log(`${out}: ${png.length} bytes`);
