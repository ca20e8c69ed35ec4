import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads a PDF back with poppler (apt poppler-utils, installed by .ci/run): its text with the
 * layout kept, its fonts, and PNG pages. Tests check reports through what a viewer shows.
 */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

export function pdfPagesText(file: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', [
      '-f',
      String(i + 1),
      '-l',
      String(i + 1),
      '-layout',
      file,
      '-',
    ]).toString('utf8'),
  );
}

export function pdfFonts(file: string): string {
  return execFileSync('pdffonts', [file]).toString('utf8');
}

/** Renders every page to PNG in `dir` and returns the files, in page order. */
export function pdfToPngs(file: string, dir: string, dpi = 50): string[] {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, path.join(dir, 'page')]);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('page') && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
}
