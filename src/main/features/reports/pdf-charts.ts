// Charts drawn as vector paths (no images): they stay sharp at any zoom and their numbers are
// real text that pdftotext and screen readers find.
import { colours, scoreColour, type ReportDocument } from './pdf-document';

export interface BarItem {
  readonly label: string;
  readonly value: number;
  readonly colour?: string;
}

/** One labelled horizontal bar per item on a 0–100 scale, the value printed at its end. */
export function horizontalBars(r: ReportDocument, items: readonly BarItem[], barHeight = 12): void {
  const { doc } = r;
  const labelWidth = 110;
  const valueWidth = 34;
  const trackWidth = r.contentWidth - labelWidth - valueWidth;
  r.ensureSpace(items.length * (barHeight + 10) + 10);
  let y = doc.y + 4;
  for (const item of items) {
    const value = Math.max(0, Math.min(100, item.value));
    const x = r.left + labelWidth;
    r.text(item.label, { x: r.left, y: y + 1, width: labelWidth - 8, size: 10 });
    doc.roundedRect(x, y, trackWidth, barHeight, 3).fill(colours.track);
    if (value > 0)
      doc
        .roundedRect(x, y, Math.max(3, (trackWidth * value) / 100), barHeight, 3)
        .fill(item.colour ?? scoreColour(value));
    r.text(String(Math.round(item.value)), {
      x: x + trackWidth + 6,
      y: y + 1,
      width: valueWidth - 6,
      size: 10,
      bold: true,
      align: 'right',
    });
    y += barHeight + 10;
  }
  doc.x = r.left;
  doc.y = y;
}

/** Vertical columns on a 0–100 scale with grid lines, a label under each column. */
export function columnChart(r: ReportDocument, items: readonly BarItem[], height = 140): void {
  const { doc } = r;
  r.ensureSpace(height + 40);
  const top = doc.y + 8;
  const axisX = r.left + 26;
  const width = r.contentWidth - 26;
  grid(r, axisX, top, width, height);
  const slot = width / Math.max(1, items.length);
  const barWidth = Math.min(36, slot * 0.6);
  items.forEach((item, i) => {
    const value = Math.max(0, Math.min(100, item.value));
    const x = axisX + slot * i + (slot - barWidth) / 2;
    const h = (height * value) / 100;
    if (h > 0) doc.rect(x, top + height - h, barWidth, h).fill(item.colour ?? scoreColour(value));
    r.text(String(Math.round(item.value)), {
      x: x - 6,
      y: top + height - h - 12,
      width: barWidth + 12,
      size: 8.5,
      bold: true,
      align: 'center',
    });
    r.text(item.label, {
      x: axisX + slot * i,
      y: top + height + 4,
      width: slot,
      size: 8.5,
      align: 'center',
      colour: colours.muted,
    });
  });
  doc.x = r.left;
  doc.y = top + height + 22;
}

export interface LineSeries {
  readonly name: string;
  readonly colour: string;
  /** One value per x label; null leaves a gap. */
  readonly values: readonly (number | null)[];
}

/** Lines over time with dots, grid lines, sparse x labels and a legend; y from 0 to `max`. */
export function lineChart(
  r: ReportDocument,
  labels: readonly string[],
  series: readonly LineSeries[],
  options: { height?: number; max?: number; unit?: string } = {},
): void {
  const { doc } = r;
  const height = options.height ?? 150;
  const max = options.max ?? 100;
  r.ensureSpace(height + 60);
  const top = doc.y + 8;
  const axisX = r.left + 26;
  const width = r.contentWidth - 30;
  grid(r, axisX, top, width, height, max);
  const xAt = (i: number) =>
    labels.length <= 1 ? axisX + width / 2 : axisX + (width * i) / (labels.length - 1);
  const yAt = (v: number) => top + height - (height * Math.max(0, Math.min(max, v))) / max;
  for (const s of series) {
    let drawing = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(xAt(i), yAt(v));
      else doc.moveTo(xAt(i), yAt(v));
      drawing = true;
    });
    doc.lineWidth(1.6).strokeColor(s.colour).stroke();
    s.values.forEach((v, i) => {
      if (v !== null) doc.circle(xAt(i), yAt(v), 2.2).fill(s.colour);
    });
  }
  const every = Math.max(1, Math.ceil(labels.length / 8));
  labels.forEach((label, i) => {
    if (i % every !== 0 && i !== labels.length - 1) return;
    r.text(label, {
      x: xAt(i) - 30,
      y: top + height + 4,
      width: 60,
      size: 7.5,
      align: 'center',
      colour: colours.muted,
    });
  });
  // Legend
  let x = axisX;
  const legendY = top + height + 20;
  for (const s of series) {
    doc.rect(x, legendY + 2, 10, 3).fill(s.colour);
    r.text(s.name, { x: x + 14, y: legendY - 1, width: 100, size: 8.5 });
    x += 24 + doc.widthOfString(s.name);
  }
  doc.x = r.left;
  doc.y = legendY + 18;
}

function grid(r: ReportDocument, x: number, top: number, width: number, height: number, max = 100) {
  const { doc } = r;
  for (const f of [0, 0.5, 1]) {
    const y = top + height - height * f;
    doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(0.5)
      .strokeColor(colours.rule)
      .stroke();
    r.text(String(Math.round(max * f)), {
      x: r.left,
      y: y - 4,
      width: 22,
      size: 7.5,
      align: 'right',
      colour: colours.muted,
    });
  }
}
