import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { toCsv, writeZip } from './zip';

describe('writeZip', () => {
  it('streams an archive that unzip lists, tests and extracts byte for byte', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-zip-'));
    const media = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256));
    const mediaFile = path.join(dir, 'answer 1.webm');
    fs.writeFileSync(mediaFile, media);
    const text = Buffer.from('Zoë Łukasiewicz 李明\n'.repeat(100), 'utf8');
    const file = path.join(dir, 'out.zip');
    const out = fs.createWriteStream(file);
    const length = await writeZip(
      out,
      [
        { name: 'profile.json', data: text },
        { name: 'recordings/s1/answer 1.webm', file: mediaFile },
        { name: 'empty.csv', data: Buffer.alloc(0) },
      ],
      new Date(2026, 2, 2, 9, 30, 0),
    );
    out.end();
    await finished(out);
    expect(fs.statSync(file).size).toBe(length);
    expect(execFileSync('unzip', ['-tq', file]).toString()).toMatch(/No errors/);
    const listing = execFileSync('unzip', ['-Z1', file]).toString().trim().split('\n');
    expect(listing).toEqual(['profile.json', 'recordings/s1/answer 1.webm', 'empty.csv']);
    execFileSync('unzip', ['-q', file, '-d', path.join(dir, 'x')]);
    expect(fs.readFileSync(path.join(dir, 'x/profile.json'))).toEqual(text);
    expect(fs.readFileSync(path.join(dir, 'x/recordings/s1/answer 1.webm'))).toEqual(media);
    expect(length).toBeLessThan(text.length + media.length); // the text was deflated
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails with the entry named when a recording is missing', async () => {
    const out = new PassThrough();
    out.resume();
    await expect(
      writeZip(out, [{ name: 'recordings/gone.webm', file: '/nonexistent/gone.webm' }], new Date()),
    ).rejects.toThrow(/ENOENT/);
  });
});

describe('toCsv', () => {
  it('quotes commas, quotes and newlines, and defuses formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, "y"', 'line\nbreak'],
          ['=SUM(A1)', 3],
          [null, true],
        ],
      ),
    ).toBe('a,b\r\n"x, ""y""","line\nbreak"\r\n\'=SUM(A1),3\r\n,true\r\n');
  });
});
