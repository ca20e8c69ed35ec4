// The drawing kit every PDF report shares: embedded fonts with a CJK fallback, text that picks a
// font per script, headings, bullet lists, page numbers. pdfkit lays text out; this decides how.
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';

export type Pdf = PDFKit.PDFDocument;

const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  cjk: 'DroidSansFallbackFull.ttf',
} as const;

/**
 * Where the bundled TTF fonts are: resources/fonts in the source tree, beside the bundled main
 * process, or in the packaged app's resources folder (electron-builder extraResources). The
 * built-in PDF fonts only cover Latin-1, so a report never falls back to them.
 */
export function fontsDir(): string {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env['REHEARSE_FONTS_DIR'],
    resourcesPath && path.join(resourcesPath, 'fonts'),
    path.resolve(import.meta.dirname, '../../../../resources/fonts'),
    path.resolve(import.meta.dirname, '../../resources/fonts'),
  ];
  for (const dir of candidates)
    if (dir && fs.existsSync(path.join(dir, FONT_FILES.regular))) return dir;
  throw new Error(
    `The report fonts are missing (looked in ${candidates.filter(Boolean).join(', ')}).`,
  );
}

// DejaVu Sans covers Latin, Greek, Cyrillic and more; Han, Kana and Hangul come from Droid Sans
// Fallback. pdfkit has no font fallback of its own, so text is split into runs per script.
const CJK =
  /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{2fa1f}]/u;

export interface TextRun {
  readonly text: string;
  readonly cjk: boolean;
}

export function splitByScript(text: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const ch of text) {
    const cjk = CJK.test(ch);
    const last = runs[runs.length - 1];
    if (last && last.cjk === cjk) runs[runs.length - 1] = { text: last.text + ch, cjk };
    else runs.push({ text: ch, cjk });
  }
  return runs;
}

export const colours = {
  text: '#1b1f27',
  muted: '#5b6372',
  rule: '#dfe3ea',
  accent: '#3451c7',
  good: '#1f7a45',
  fair: '#9a5b00',
  low: '#b42318',
  track: '#eef0f4',
  dimensions: {
    overall: '#3451c7',
    content: '#1f7a45',
    communication: '#9a5b00',
    technical: '#7a3db8',
    relevance: '#0f7b8a',
  },
} as const;

export function scoreColour(score: number): string {
  if (score >= 70) return colours.good;
  if (score >= 45) return colours.fair;
  return colours.low;
}

export interface Segment {
  readonly text: string;
  readonly bold?: boolean;
  readonly colour?: string;
}

export interface TextOptions {
  readonly size?: number;
  readonly bold?: boolean;
  readonly colour?: string;
  readonly width?: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly x?: number;
  readonly y?: number;
  readonly lineGap?: number;
  readonly indent?: number;
}

const fontCache = new Map<string, Buffer>();
/** Font files are read once per process; each document still embeds its own subset. */
function fontBytes(dir: string, file: string): Buffer {
  const key = path.join(dir, file);
  let bytes = fontCache.get(key);
  if (!bytes) {
    bytes = fs.readFileSync(key);
    fontCache.set(key, bytes);
  }
  return bytes;
}

/** A report under construction: a pdfkit document with its fonts registered. */
export class ReportDocument {
  readonly doc: Pdf;
  private readonly chunks: Buffer[] = [];
  private readonly finished: Promise<Buffer>;

  constructor(info: { title: string; author: string; createdAt: Date }) {
    const dir = fontsDir();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 64, left: 56, right: 56 },
      bufferPages: true,
      info: {
        Title: info.title,
        Author: info.author,
        Creator: 'Rehearse',
        CreationDate: info.createdAt,
      },
    });
    this.doc.registerFont('regular', fontBytes(dir, FONT_FILES.regular));
    this.doc.registerFont('bold', fontBytes(dir, FONT_FILES.bold));
    this.doc.font('regular');
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.finished = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  private cjkRegistered = false;

  /** The 4 MB CJK font costs ~100 ms to parse: only documents with CJK text load it. */
  private fontFor(run: TextRun, bold: boolean | undefined): string {
    if (!run.cjk) return bold ? 'bold' : 'regular';
    if (!this.cjkRegistered) {
      this.doc.registerFont('cjk', fontBytes(fontsDir(), FONT_FILES.cjk));
      this.cjkRegistered = true;
    }
    return 'cjk';
  }

  get left(): number {
    return this.doc.page.margins.left;
  }
  get contentWidth(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Writes text in as many font runs as its scripts need, wrapping within `width`. */
  text(text: string, options: TextOptions = {}): this {
    const { doc } = this;
    const runs = splitByScript(text.length > 0 ? text : ' ');
    doc.fontSize(options.size ?? 10.5).fillColor(options.colour ?? colours.text);
    const base = {
      width:
        options.width ?? this.contentWidth - (options.x !== undefined ? options.x - this.left : 0),
      align: options.align ?? 'left',
      lineGap: options.lineGap ?? 2,
      ...(options.indent !== undefined && { indent: options.indent }),
    };
    runs.forEach((run, i) => {
      doc.font(this.fontFor(run, options.bold));
      const continued = i < runs.length - 1;
      if (i === 0 && (options.x !== undefined || options.y !== undefined))
        doc.text(run.text, options.x ?? doc.x, options.y ?? doc.y, { ...base, continued });
      else doc.text(run.text, { ...base, continued });
    });
    doc.font('regular');
    return this;
  }

  /** A paragraph of styled segments (e.g. fillers marked in a transcript), wrapped as one. */
  richText(segments: readonly Segment[], options: { size?: number } = {}): this {
    const { doc } = this;
    const runs = segments.flatMap((seg) =>
      splitByScript(seg.text).map((run) => ({ ...run, bold: seg.bold, colour: seg.colour })),
    );
    if (runs.length === 0) return this;
    doc.fontSize(options.size ?? 10.5);
    doc.x = this.left;
    runs.forEach((run, i) => {
      doc
        .font(this.fontFor(run, run.bold))
        .fillColor(run.colour ?? colours.text)
        .text(run.text, { width: this.contentWidth, lineGap: 2, continued: i < runs.length - 1 });
    });
    doc.font('regular').fillColor(colours.text);
    return this;
  }

  heading(text: string, size = 15): this {
    this.ensureSpace(size * 3);
    this.doc.moveDown(0.6);
    this.text(text, { size, bold: true, x: this.left });
    this.doc.moveDown(0.3);
    return this;
  }

  label(text: string): this {
    this.ensureSpace(40);
    this.doc.moveDown(0.5);
    this.text(text.toUpperCase(), { size: 8.5, bold: true, colour: colours.muted, x: this.left });
    this.doc.moveDown(0.15);
    return this;
  }

  bullets(items: readonly string[], empty: string): this {
    if (items.length === 0) return this.text(empty, { colour: colours.muted, x: this.left });
    for (const item of items) {
      this.ensureSpace(28);
      const y = this.doc.y;
      this.doc.circle(this.left + 4, y + 6.5, 1.8).fill(colours.muted);
      this.text(item, { x: this.left + 14, y, width: this.contentWidth - 14 });
      this.doc.moveDown(0.2);
    }
    this.doc.x = this.left;
    return this;
  }

  rule(): this {
    const y = this.doc.y + 6;
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.contentWidth, y)
      .lineWidth(0.6)
      .strokeColor(colours.rule)
      .stroke();
    this.doc.y = y + 8;
    return this;
  }

  /** Starts a new page when fewer than `height` points are left on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Footer on every page ("Page 2 of 7" and what the report is), then the bytes. */
  async finish(footer: string): Promise<{ bytes: Buffer; pages: number }> {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing below the bottom margin would make pdfkit add a page: lift the margin first.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - 40;
      doc.fontSize(8.5).fillColor(colours.muted);
      this.text(footer, {
        x: this.left,
        y,
        width: this.contentWidth * 0.7,
        size: 8.5,
        colour: colours.muted,
      });
      this.text(`Page ${i + 1 - range.start} of ${range.count}`, {
        x: this.left,
        y,
        width: this.contentWidth,
        align: 'right',
        size: 8.5,
        colour: colours.muted,
      });
      doc.page.margins.bottom = margin;
    }
    doc.end();
    return { bytes: await this.finished, pages: range.count };
  }
}
