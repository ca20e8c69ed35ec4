import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createZip, toCsv } from './zip';

describe('createZip', () => {
  it('writes an archive that unzip lists, tests and extracts byte for byte', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-zip-'));
    const media = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    const text = Buffer.from('Zoë Łukasiewicz 李明\n'.repeat(100), 'utf8');
    const zip = createZip(
      [
        { name: 'profile.json', data: text },
        { name: 'recordings/s1/answer 1.webm', data: media, store: true },
        { name: 'empty.csv', data: Buffer.alloc(0) },
      ],
      new Date(2026, 2, 2, 9, 30, 0),
    );
    const file = path.join(dir, 'out.zip');
    fs.writeFileSync(file, zip);
    expect(execFileSync('unzip', ['-tq', file]).toString()).toMatch(/No errors/);
    const listing = execFileSync('unzip', ['-Z1', file]).toString().trim().split('\n');
    expect(listing).toEqual(['profile.json', 'recordings/s1/answer 1.webm', 'empty.csv']);
    execFileSync('unzip', ['-q', file, '-d', path.join(dir, 'x')]);
    expect(fs.readFileSync(path.join(dir, 'x/profile.json'))).toEqual(text);
    expect(fs.readFileSync(path.join(dir, 'x/recordings/s1/answer 1.webm'))).toEqual(media);
    expect(zip.length).toBeLessThan(text.length + media.length); // the text was deflated
    fs.rmSync(dir, { recursive: true, force: true });
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
